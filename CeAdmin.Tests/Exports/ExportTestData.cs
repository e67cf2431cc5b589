using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Xml.Linq;
using CeAdmin.Domain.Exports;

namespace CeAdmin.Tests.Exports;

internal sealed record LearnerRow(int Id, string Name, string Unit, string Remark, decimal Hours, DateOnly CompletedOn, bool Passed);

internal static class ExportTestData
{
    public static readonly string[] Injections = ["=1+1", "+86 13800138000", "-5", "@SUM(A1)", "\t=cmd", "\r=cmd"];

    public static IReadOnlyList<ExportColumn<LearnerRow>> Columns() => ExportColumns.For<LearnerRow>()
        .Number("序号", r => (int?)r.Id, 8)
        .Text("姓名", r => r.Name, 12)
        .Text("工作单位", r => r.Unit, 30)
        .Text("备注", r => r.Remark, 20)
        .Number("学时", r => (decimal?)r.Hours, 10)
        .Date("完成日期", r => r.CompletedOn)
        .YesNo("是否合格", r => r.Passed)
        .Build();

    public static LearnerRow Row(int i) => new(
        i + 1,
        "学员" + (i + 1),
        "广东省广州市天河区继续教育学院第" + (i % 50) + "分院",
        i < Injections.Length ? Injections[i] : "备注：第" + (i + 1) + "行",
        12.5m + i % 4,
        new DateOnly(2026, 1, 1).AddDays(i % 365),
        i % 3 != 0);

    public static async IAsyncEnumerable<LearnerRow> Rows(int count, Action<int>? onPulled = null, [EnumeratorCancellation] CancellationToken ct = default)
    {
        for (var i = 0; i < count; i++)
        {
            ct.ThrowIfCancellationRequested();
            if (i % 100 == 0)
            {
                await Task.Yield();
            }
            onPulled?.Invoke(i + 1);
            yield return Row(i);
        }
    }

    /// <summary>
    /// How a cell was written, read from the package itself (not through a library that might hide it): its
    /// text (inline or shared), whether it stores a formula, and whether its cell format has quotePrefix="1".
    /// </summary>
    public static (string? Text, bool HasFormula, bool QuotePrefix) Cell(byte[] xlsx, string reference, string part = "xl/worksheets/sheet1.xml")
    {
        XNamespace main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var cell = SheetXml(xlsx, part).Descendants(main + "c").Single(c => (string?)c.Attribute("r") == reference);
        var formats = SheetXml(xlsx, "xl/styles.xml").Root!.Element(main + "cellXfs")!.Elements(main + "xf").ToList();
        var style = (int?)cell.Attribute("s") ?? 0;
        var text = (string?)cell.Attribute("t") == "s"
            ? SheetXml(xlsx, "xl/sharedStrings.xml").Root!.Elements(main + "si").ElementAt((int)cell.Element(main + "v")!).Value
            : (string?)cell.Element(main + "is") ?? (string?)cell.Element(main + "v");
        return (text, cell.Element(main + "f") is not null, (string?)formats[style].Attribute("quotePrefix") is "1" or "true");
    }

    public static XDocument SheetXml(byte[] xlsx, string part = "xl/worksheets/sheet1.xml")
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        var entry = zip.GetEntry(part) ?? throw new InvalidOperationException("缺少 " + part);
        using var s = entry.Open();
        return XDocument.Load(s);
    }
}

/// <summary>IProgress that records synchronously (Progress&lt;T&gt; posts to the thread pool).</summary>
internal sealed class RecordingProgress : IProgress<int>
{
    private readonly Action<int>? _onReport;
    private readonly List<int> _values = [];

    public RecordingProgress(Action<int>? onReport = null) => _onReport = onReport;

    public IReadOnlyList<int> Values
    {
        get
        {
            lock (_values)
            {
                return _values.ToArray();
            }
        }
    }

    public void Report(int value)
    {
        lock (_values)
        {
            _values.Add(value);
        }
        _onReport?.Invoke(value);
    }
}

/// <summary>A write-only, non-seekable stream, like an HTTP response body.</summary>
internal sealed class ForwardOnlyStream(Stream inner) : Stream
{
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() => inner.Flush();
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
}
