using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml;
using CeAdmin.Domain.Exports;
using ClosedXML.Excel;

namespace CeAdmin.Benchmarks;

/// <summary>
/// Export benchmark: the same N rows of an 8-column record with Chinese text written by
/// "bare" (a forward-only ZipArchive + XmlWriter sheet writer, the lower bound), "miniexcel"
/// (<see cref="ExcelExporter.WriteAsync{T}"/>) and "closedxml" (ClosedXML 0.95.4, cell by cell).
/// <see cref="RunOne"/> measures one writer in the current process; <see cref="RunSuite"/> runs every
/// writer in a fresh child process per repetition and prints p50/p95 time, peak working set and the
/// ratios to the bare writer.
/// </summary>
public static class ExportBench
{
    public static readonly IReadOnlyList<string> Writers = ["bare", "miniexcel", "closedxml"];

    private const int WarmUpRows = 2_000;
    private const int SampleIntervalMs = 20;
    private const string ResultPrefix = "RESULT ";

    public sealed record BenchRow(
        string IdCard, string Name, string Unit, string Course, string Category,
        decimal Hours, DateOnly CompletedOn, string Status);

    public sealed record RunResult(
        string Writer, int Rows, double Milliseconds, long PeakWorkingSet, long BaselineWorkingSet,
        long ProcessPeakWorkingSet, long AllocatedBytes, long FileBytes)
    {
        public string ToLine() => ResultPrefix + string.Join(' ',
            Writer, Rows.ToString(CultureInfo.InvariantCulture), Milliseconds.ToString("R", CultureInfo.InvariantCulture),
            PeakWorkingSet.ToString(CultureInfo.InvariantCulture), BaselineWorkingSet.ToString(CultureInfo.InvariantCulture),
            ProcessPeakWorkingSet.ToString(CultureInfo.InvariantCulture), AllocatedBytes.ToString(CultureInfo.InvariantCulture),
            FileBytes.ToString(CultureInfo.InvariantCulture));

        public static RunResult Parse(string line)
        {
            var p = line[ResultPrefix.Length..].Split(' ');
            return new RunResult(p[0], int.Parse(p[1], CultureInfo.InvariantCulture), double.Parse(p[2], CultureInfo.InvariantCulture),
                long.Parse(p[3], CultureInfo.InvariantCulture), long.Parse(p[4], CultureInfo.InvariantCulture),
                long.Parse(p[5], CultureInfo.InvariantCulture), long.Parse(p[6], CultureInfo.InvariantCulture),
                long.Parse(p[7], CultureInfo.InvariantCulture));
        }
    }

    public static IReadOnlyList<ExportColumn<BenchRow>> Columns { get; } = ExportColumns.For<BenchRow>()
        .Text("身份证号", r => r.IdCard, 20)
        .Text("姓名", r => r.Name, 10)
        .Text("工作单位", r => r.Unit, 36)
        .Text("课程名称", r => r.Course, 30)
        .Text("科目类别", r => r.Category, 10)
        .Number("学时", r => (decimal?)r.Hours, 8)
        .Date("完成日期", r => r.CompletedOn)
        .Text("状态", r => r.Status, 10)
        .Build();

    private static readonly string[] Surnames = ["陈", "李", "黄", "张", "梁", "林", "刘", "吴", "罗", "何"];
    private static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳"];
    private static readonly string[] Cities = ["广州市", "深圳市", "佛山市", "东莞市", "珠海市", "汕头市", "湛江市", "梅州市"];
    private static readonly string[] Courses = ["人工智能与数字经济", "专业技术人员职业道德", "新发展理念与高质量发展", "临床护理新进展", "建筑工程质量安全管理", "中小学教师信息技术应用能力"];
    private static readonly string[] Statuses = ["已完成", "学习中", "已审核", "待审核"];

    /// <summary>Deterministic rows generated on the fly (never a list).</summary>
    public static IEnumerable<BenchRow> Generate(int rows)
    {
        var start = new DateOnly(2026, 1, 1);
        for (var i = 0; i < rows; i++)
        {
            yield return new BenchRow(
                "44010619" + (80 + i % 20).ToString(CultureInfo.InvariantCulture) + (i % 1_000_000).ToString("D6", CultureInfo.InvariantCulture) + (i % 10).ToString(CultureInfo.InvariantCulture) + "X",
                Surnames[i % Surnames.Length] + GivenNames[i % GivenNames.Length] + GivenNames[(i / 7) % GivenNames.Length],
                "广东省" + Cities[i % Cities.Length] + "第" + (i % 300).ToString(CultureInfo.InvariantCulture) + "人民医院继续教育科",
                Courses[i % Courses.Length] + "(" + (2026 - i % 3).ToString(CultureInfo.InvariantCulture) + "年度)",
                i % 3 == 0 ? "公需科目" : "专业科目",
                6m + i % 5 * 1.5m,
                start.AddDays(i % 365),
                Statuses[i % Statuses.Length]);
        }
    }

    private static async IAsyncEnumerable<BenchRow> GenerateAsync(int rows, [EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var row in Generate(rows))
        {
            ct.ThrowIfCancellationRequested();
            yield return row;
        }
        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <summary>Writes <paramref name="rows"/> rows with one writer to <paramref name="path"/>.</summary>
    public static void Write(string which, int rows, string path)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
        switch (which)
        {
            case "bare":
                WriteBare(file, Generate(rows), Columns, "继续教育记录");
                break;
            case "miniexcel":
                ExcelExporter.WriteAsync(file, GenerateAsync(rows), Columns, "继续教育记录").GetAwaiter().GetResult();
                break;
            case "closedxml":
                WriteClosedXml(file, Generate(rows), Columns, "继续教育记录");
                break;
            default:
                throw new ArgumentException("unknown writer '" + which + "'; use one of: " + string.Join(", ", Writers), nameof(which));
        }
    }

    /// <summary>
    /// Measures one writer in this process: a warm-up write of 2,000 rows (JIT), a full GC, then the timed
    /// write of <paramref name="rows"/> rows to a FileStream while a background thread samples the working
    /// set every 20 ms. Reports wall time, the sampled peak and the baseline before the run, the process
    /// peak (VmHWM, process-wide), bytes allocated by the run and the file size.
    /// </summary>
    public static RunResult RunOne(string which, int rows, string? directory = null)
    {
        var dir = directory ?? Path.GetTempPath();
        var path = Path.Combine(dir, $"ceadmin-bench-{which}-{Environment.ProcessId}.xlsx");
        try
        {
            Write(which, WarmUpRows, path);
            return Measure(which, rows, path, () => Write(which, rows, path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// Times <paramref name="write"/> (which writes <paramref name="path"/>) after a full GC, sampling the
    /// working set every 20 ms on a background thread; reports wall time, the sampled peak and the baseline
    /// before the run, the process peak (VmHWM), bytes allocated during the run and the file size.
    /// </summary>
    public static RunResult Measure(string which, int rows, string path, Action write)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var baseline = Environment.WorkingSet;
        var peak = baseline;
        using var stop = new ManualResetEventSlim();
        var sampler = new Thread(() =>
        {
            while (!stop.Wait(SampleIntervalMs))
            {
                var ws = Environment.WorkingSet;
                if (ws > Volatile.Read(ref peak))
                {
                    Volatile.Write(ref peak, ws);
                }
            }
        }) { IsBackground = true, Name = "working-set sampler" };

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        sampler.Start();
        var watch = Stopwatch.StartNew();
        write();
        watch.Stop();
        var last = Environment.WorkingSet;
        stop.Set();
        sampler.Join();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        using var self = Process.GetCurrentProcess();
        return new RunResult(which, rows, watch.Elapsed.TotalMilliseconds, Math.Max(peak, last), baseline,
            self.PeakWorkingSet64, allocated, new FileInfo(path).Length);
    }

    /// <summary>
    /// Runs every writer <paramref name="repetitions"/> times, each in a fresh child process
    /// (this executable with "one WRITER ROWS"), and prints a summary table to <paramref name="output"/>.
    /// </summary>
    public static IReadOnlyList<RunResult> RunSuite(int rows, int repetitions, TextWriter output)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(repetitions);
        output.WriteLine($"export benchmark: {rows:N0} rows × {Columns.Count} columns, {repetitions} repetitions per writer, one child process per run, {Environment.ProcessorCount} cores, .NET {Environment.Version}");

        var results = new List<RunResult>();
        foreach (var writer in Writers)
        {
            for (var rep = 1; rep <= repetitions; rep++)
            {
                var result = RunChild(writer, rows);
                results.Add(result);
                output.WriteLine($"  {writer,-9} run {rep}: {result.Milliseconds,9:N0} ms  peak WS {Mb(result.PeakWorkingSet),7:N0} MB  (baseline {Mb(result.BaselineWorkingSet):N0} MB, VmHWM {Mb(result.ProcessPeakWorkingSet):N0} MB)  allocated {Mb(result.AllocatedBytes),7:N0} MB  file {Mb(result.FileBytes):N1} MB");
            }
        }

        var bare = results.Where(r => r.Writer == "bare").ToList();
        var bareTime = Percentile(bare.Select(r => r.Milliseconds), 50);
        var barePeak = Percentile(bare.Select(r => (double)r.PeakWorkingSet), 50);
        output.WriteLine();
        output.WriteLine("writer       p50 ms     p95 ms   peak WS p50   peak WS max   alloc p50   file MB   time ×bare   peak ×bare");
        foreach (var writer in Writers)
        {
            var runs = results.Where(r => r.Writer == writer).ToList();
            var p50 = Percentile(runs.Select(r => r.Milliseconds), 50);
            var p95 = Percentile(runs.Select(r => r.Milliseconds), 95);
            var peak50 = Percentile(runs.Select(r => (double)r.PeakWorkingSet), 50);
            var peakMax = runs.Max(r => r.PeakWorkingSet);
            var alloc = Percentile(runs.Select(r => (double)r.AllocatedBytes), 50);
            output.WriteLine($"{writer,-9} {p50,9:N0} {p95,10:N0} {peak50 / 1048576,10:N0} MB {Mb(peakMax),10:N0} MB {alloc / 1048576,8:N0} MB {Mb(runs[0].FileBytes),9:N1} {p50 / bareTime,11:N2} {peak50 / barePeak,12:N2}");
        }
        output.WriteLine("p95 is nearest-rank (with 5 runs it is the slowest run); peak WS is the working set sampled every 20 ms during the timed write in a fresh process after a 2,000-row warm-up.");
        return results;
    }

    private static RunResult RunChild(string writer, int rows) =>
        RunChild(["one", writer, rows.ToString(CultureInfo.InvariantCulture)]);

    /// <summary>Runs this executable with <paramref name="arguments"/> and parses the RESULT line it prints.</summary>
    public static RunResult RunChild(IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo
        {
            FileName = Environment.ProcessPath ?? "dotnet",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (string.Equals(Path.GetFileNameWithoutExtension(start.FileName), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(ExportBench).Assembly.Location);
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start " + start.FileName);
        var errorTask = child.StandardError.ReadToEndAsync();
        var stdout = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        var line = stdout.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal));
        if (child.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"child '{string.Join(' ', arguments)}' failed with exit code {child.ExitCode}: {stdout}{errorTask.GetAwaiter().GetResult()}");
        }
        return RunResult.Parse(line);
    }

    public static double Percentile(IEnumerable<double> values, int percentile)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static double Mb(long bytes) => bytes / 1048576.0;

    private static object?[] Cells<T>(T row, IReadOnlyList<ExportColumn<T>> columns)
    {
        var cells = new object?[columns.Count];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = CellGuard.Safe(columns[i].Value(row));
        }
        return cells;
    }

    /// <summary>ClosedXML 0.95.4 cell by cell (the whole workbook is held in memory until SaveAs).</summary>
    public static void WriteClosedXml<T>(Stream output, IEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns, string sheetName)
    {
        using var workbook = new XLWorkbook();
        var ws = workbook.AddWorksheet(sheetName);
        for (var c = 0; c < columns.Count; c++)
        {
            ws.Cell(1, c + 1).SetValue(columns[c].Header);
            ws.Column(c + 1).Width = columns[c].Width;
        }
        var r = 2;
        foreach (var row in rows)
        {
            var cells = Cells(row, columns);
            for (var c = 0; c < cells.Length; c++)
            {
                var cell = ws.Cell(r, c + 1);
                switch (cells[c])
                {
                    case null:
                        break;
                    case string s:
                        cell.SetValue(s);
                        break;
                    case decimal m:
                        cell.SetValue(m);
                        break;
                    case DateTime d:
                        cell.SetValue(d);
                        break;
                    case var other:
                        cell.SetValue(Convert.ToString(other, CultureInfo.InvariantCulture) ?? string.Empty);
                        break;
                }
            }
            r++;
        }
        workbook.SaveAs(output);
    }

    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";

    /// <summary>Minimal valid xlsx, forward-only: inline strings, no styles, no shared strings.</summary>
    public static void WriteBare<T>(Stream output, IEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns, string sheetName)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = true };
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);

        WritePart(zip, "[Content_Types].xml", settings, x =>
        {
            x.WriteStartElement("Types", "http://schemas.openxmlformats.org/package/2006/content-types");
            Default(x, "rels", "application/vnd.openxmlformats-package.relationships+xml");
            Default(x, "xml", "application/xml");
            Override(x, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
            Override(x, "/xl/worksheets/sheet1.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
            x.WriteEndElement();
        });
        WritePart(zip, "_rels/.rels", settings, x =>
        {
            x.WriteStartElement("Relationships", PackageRelNs);
            Relationship(x, "rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.xml");
            x.WriteEndElement();
        });
        WritePart(zip, "xl/workbook.xml", settings, x =>
        {
            x.WriteStartElement("workbook", MainNs);
            x.WriteAttributeString("xmlns", "r", null, RelNs);
            x.WriteStartElement("sheets", MainNs);
            x.WriteStartElement("sheet", MainNs);
            x.WriteAttributeString("name", sheetName);
            x.WriteAttributeString("sheetId", "1");
            x.WriteAttributeString("id", RelNs, "rId1");
            x.WriteEndElement();
            x.WriteEndElement();
            x.WriteEndElement();
        });
        WritePart(zip, "xl/_rels/workbook.xml.rels", settings, x =>
        {
            x.WriteStartElement("Relationships", PackageRelNs);
            Relationship(x, "rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", "worksheets/sheet1.xml");
            x.WriteEndElement();
        });
        WritePart(zip, "xl/worksheets/sheet1.xml", settings, x =>
        {
            x.WriteStartElement("worksheet", MainNs);
            x.WriteStartElement("cols", MainNs);
            for (var c = 0; c < columns.Count; c++)
            {
                x.WriteStartElement("col", MainNs);
                var index = (c + 1).ToString(CultureInfo.InvariantCulture);
                x.WriteAttributeString("min", index);
                x.WriteAttributeString("max", index);
                x.WriteAttributeString("width", columns[c].Width.ToString(CultureInfo.InvariantCulture));
                x.WriteAttributeString("customWidth", "1");
                x.WriteEndElement();
            }
            x.WriteEndElement();
            x.WriteStartElement("sheetData", MainNs);
            var r = 1;
            WriteRow(x, r++, columns.Select(c => (object?)c.Header).ToArray());
            foreach (var row in rows)
            {
                WriteRow(x, r++, Cells(row, columns));
            }
            x.WriteEndElement();
            x.WriteEndElement();
        });
    }

    private static void WriteRow(XmlWriter x, int r, object?[] cells)
    {
        x.WriteStartElement("row", MainNs);
        x.WriteAttributeString("r", r.ToString(CultureInfo.InvariantCulture));
        foreach (var value in cells)
        {
            x.WriteStartElement("c", MainNs);
            switch (value)
            {
                case null:
                    break;
                case string s:
                    x.WriteAttributeString("t", "inlineStr");
                    x.WriteStartElement("is", MainNs);
                    x.WriteStartElement("t", MainNs);
                    if (s.Length > 0 && (char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1])))
                    {
                        x.WriteAttributeString("xml", "space", null, "preserve");
                    }
                    x.WriteString(s);
                    x.WriteEndElement();
                    x.WriteEndElement();
                    break;
                case bool b:
                    x.WriteAttributeString("t", "b");
                    x.WriteElementString("v", MainNs, b ? "1" : "0");
                    break;
                case DateTime d:
                    x.WriteElementString("v", MainNs, d.ToOADate().ToString("R", CultureInfo.InvariantCulture));
                    break;
                case IFormattable f:
                    x.WriteElementString("v", MainNs, f.ToString(null, CultureInfo.InvariantCulture));
                    break;
                default:
                    x.WriteElementString("v", MainNs, value.ToString());
                    break;
            }
            x.WriteEndElement();
        }
        x.WriteEndElement();
    }

    private static void WritePart(ZipArchive zip, string name, XmlWriterSettings settings, Action<XmlWriter> body)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var writer = XmlWriter.Create(entry.Open(), settings);
        writer.WriteStartDocument(true);
        body(writer);
        writer.WriteEndDocument();
    }

    private static void Default(XmlWriter x, string extension, string contentType)
    {
        x.WriteStartElement("Default", "http://schemas.openxmlformats.org/package/2006/content-types");
        x.WriteAttributeString("Extension", extension);
        x.WriteAttributeString("ContentType", contentType);
        x.WriteEndElement();
    }

    private static void Override(XmlWriter x, string partName, string contentType)
    {
        x.WriteStartElement("Override", "http://schemas.openxmlformats.org/package/2006/content-types");
        x.WriteAttributeString("PartName", partName);
        x.WriteAttributeString("ContentType", contentType);
        x.WriteEndElement();
    }

    private static void Relationship(XmlWriter x, string id, string type, string target)
    {
        x.WriteStartElement("Relationship", PackageRelNs);
        x.WriteAttributeString("Id", id);
        x.WriteAttributeString("Type", type);
        x.WriteAttributeString("Target", target);
        x.WriteEndElement();
    }
}
