using System.Data;
using System.Globalization;
using System.IO.Pipelines;
using System.Runtime.ExceptionServices;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace CeAdmin.Domain.Exports;

/// <summary>
/// Streams a query export of any size to .xlsx with MiniExcel 1.46.0; memory stays flat (about 70 MB of
/// working set at 500,000 rows), because rows are pulled one at a time and the zip is written forward-only.
/// </summary>
/// <remarks>
/// How it streams: MiniExcel's synchronous <c>SaveAs</c> is fed an <see cref="IDataReader"/> over the async
/// rows and runs on a thread-pool thread; it writes a local scratch file (never memory), which then goes into
/// a <see cref="Pipe"/> whose reader is copied to <c>output</c> asynchronously, so <c>output</c> may be a
/// non-seekable, async-only stream. Cells with formula-like text get the quote-prefix style on the way out
/// (<see cref="QuotePrefixStyle"/>: MiniExcel cannot style a single cell); other workbooks are copied as written.
/// MiniExcel 1.46.0's <c>SaveAsAsync</c> is not used: it writes the &lt;drawing&gt; element inside
/// &lt;sheetData&gt;, which fails Open XML schema validation (Excel offers to "repair" such files);
/// the synchronous writer puts it in the right place.
/// The IDataReader (rather than dictionaries) also gives the header row when there are no rows, allows
/// repeated header texts, and allocates one value buffer for the whole export.
/// </remarks>
public static class ExcelExporter
{
    /// <summary>Progress is reported after every this many rows (and once more with the final count).</summary>
    public const int ProgressInterval = 1_000;

    private const int PipePauseBytes = 1 << 20;
    private const int PipeResumeBytes = 1 << 19;

    /// <summary>
    /// Writes <paramref name="rows"/> as one worksheet: the headers of <paramref name="columns"/> in order
    /// (row 1, frozen, with an auto-filter), fixed column widths, every value through <see cref="CellGuard.Safe"/>.
    /// <paramref name="progress"/> gets the running row count every <see cref="ProgressInterval"/> rows and
    /// the total at the end when it is not a multiple of the interval. <paramref name="ct"/> is checked
    /// before every row and also passed to the source enumerator; cancelling throws
    /// <see cref="OperationCanceledException"/>. <paramref name="output"/> is flushed, not disposed.
    /// </summary>
    public static async Task WriteAsync<T>(
        Stream output,
        IAsyncEnumerable<T> rows,
        IReadOnlyList<ExportColumn<T>> columns,
        string sheetName = "Sheet1",
        IProgress<int>? progress = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        if (!output.CanWrite)
        {
            throw new ArgumentException("输出流不可写", nameof(output));
        }
        if (columns.Count == 0)
        {
            throw new ArgumentException("导出至少需要一列", nameof(columns));
        }
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i] is null)
            {
                throw new ArgumentException($"第 {i + 1} 列为空", nameof(columns));
            }
        }
        ct.ThrowIfCancellationRequested();

        var configuration = BuildConfiguration(columns);
        var safeSheetName = StatisticsWorkbook.SanitizeSheetName(sheetName);
        var pipe = new Pipe(new PipeOptions(
            pauseWriterThreshold: PipePauseBytes,
            resumeWriterThreshold: PipeResumeBytes,
            useSynchronizationContext: false));

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var token = linked.Token;
        var producer = Task.Run(
            () => Produce(pipe.Writer, rows, columns, safeSheetName, configuration, progress, token),
            CancellationToken.None);

        Exception? consumerFailure = null;
        try
        {
            await pipe.Reader.CopyToAsync(output, token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            consumerFailure = ex;
            await linked.CancelAsync().ConfigureAwait(false);
        }
        finally
        {
            await pipe.Reader.CompleteAsync().ConfigureAwait(false);
        }

        try
        {
            await producer.ConfigureAwait(false);
        }
        catch when (consumerFailure is not null)
        {
            // The producer stopped because the consumer failed (or both saw the same error); the
            // consumer's exception is the one to surface.
        }

        if (consumerFailure is not null)
        {
            ExceptionDispatchInfo.Capture(consumerFailure).Throw();
        }
        await output.FlushAsync(ct).ConfigureAwait(false);
    }

    /// <summary>"继续教育记录_20261129153000.xlsx" for the current China time.</summary>
    public static string FileName(string title, TimeProvider clock) => FileName(title, Common.ChinaTime.ToLocal(clock.GetUtcNow().UtcDateTime));

    /// <summary>
    /// "{title}_{yyyyMMddHHmmss}.xlsx". Characters not allowed in file names on Windows or Linux are
    /// replaced by '_'; an empty title becomes "导出".
    /// </summary>
    public static string FileName(string title, DateTime timestamp)
    {
        var chars = (title ?? string.Empty).Trim().Select(c =>
            char.IsControl(c) || c is '<' or '>' or ':' or '"' or '/' or '\\' or '|' or '?' or '*' ? '_' : c);
        var clean = new string(chars.ToArray()).Trim().TrimEnd('.');
        if (clean.Length == 0)
        {
            clean = "导出";
        }
        if (clean.Length > 100)
        {
            clean = clean[..100];
        }
        return clean + "_" + timestamp.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + ".xlsx";
    }

    private static OpenXmlConfiguration BuildConfiguration<T>(IReadOnlyList<ExportColumn<T>> columns) => new()
    {
        FreezeRowCount = 1,
        FreezeColumnCount = 0,
        AutoFilter = true,
        EnableAutoWidth = false,
        DynamicColumns = columns.Select((c, i) => new DynamicExcelColumn(RowDataReader<T>.Key(i))
        {
            Name = string.IsNullOrWhiteSpace(c.Header) ? $"列{i + 1}" : c.Header,
            Width = c.Width > 0 ? c.Width : 16,
            Format = c.Format,
        }).ToArray(),
    };

    private static void Produce<T>(
        PipeWriter writer,
        IAsyncEnumerable<T> rows,
        IReadOnlyList<ExportColumn<T>> columns,
        string sheetName,
        OpenXmlConfiguration configuration,
        IProgress<int>? progress,
        CancellationToken token)
    {
        try
        {
            // MiniExcel writes to a scratch file first: a workbook with formula-like text gets the quote-prefix
            // style afterwards (QuotePrefixStyle), which needs the finished styles part. Without such text the
            // file is copied out as it is.
            using (var scratch = new FileStream(Path.Combine(Path.GetTempPath(), $"ceadmin-xlsx-{Guid.NewGuid():N}.tmp"),
                       FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose))
            using (var sink = writer.AsStream(leaveOpen: true))
            {
                IReadOnlySet<(int Row, int Column)> quoted;
                using (var reader = new RowDataReader<T>(rows, columns, progress, token))
                {
                    MiniExcel.SaveAs(scratch, reader, printHeader: true, sheetName: sheetName,
                        excelType: ExcelType.XLSX, configuration: configuration);
                    reader.ReportFinalCount();
                    quoted = reader.QuotePrefixCells;
                }
                scratch.Position = 0;
                if (quoted.Count == 0) scratch.CopyTo(sink);
                else QuotePrefixStyle.Apply(scratch, sink, quoted, token);
                sink.Flush();
            }
            writer.Complete();
        }
        catch (Exception ex)
        {
            writer.Complete(ex);
            throw;
        }
    }
}

/// <summary>
/// Forward-only <see cref="IDataReader"/> over an <see cref="IAsyncEnumerable{T}"/>, for MiniExcel's
/// streaming writer. It blocks on the async enumerator; it is only used on a thread-pool thread with no
/// synchronization context (see <see cref="ExcelExporter"/>), so the wait cannot deadlock.
/// </summary>
internal sealed class RowDataReader<T> : IDataReader
{
    private readonly IAsyncEnumerator<T> _rows;
    private readonly IReadOnlyList<ExportColumn<T>> _columns;
    private readonly IProgress<int>? _progress;
    private readonly CancellationToken _token;
    private readonly object[] _values;
    private readonly HashSet<(int Row, int Column)> _quotePrefixCells = [];
    private int _count;
    private int _lastReported;
    private bool _closed;

    public RowDataReader(IAsyncEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns, IProgress<int>? progress, CancellationToken token)
    {
        _columns = columns;
        _progress = progress;
        _token = token;
        _values = new object[columns.Count];
        _rows = rows.GetAsyncEnumerator(token);
    }

    public static string Key(int ordinal) => "c" + ordinal.ToString(CultureInfo.InvariantCulture);

    public int FieldCount => _columns.Count;
    public int Depth => 0;
    public bool IsClosed => _closed;
    public int RecordsAffected => -1;
    public object this[int i] => GetValue(i);
    public object this[string name] => GetValue(GetOrdinal(name));

    public bool Read()
    {
        if (_closed)
        {
            return false;
        }
        _token.ThrowIfCancellationRequested();
        var next = _rows.MoveNextAsync();
        var hasRow = next.IsCompletedSuccessfully ? next.Result : next.AsTask().GetAwaiter().GetResult();
        if (!hasRow)
        {
            return false;
        }

        var row = _rows.Current;
        _count++;
        for (var i = 0; i < _values.Length; i++)
        {
            var value = CellGuard.Safe(_columns[i].Value(row));
            // Row 1 is the header.
            if (CellGuard.NeedsQuotePrefix(value)) _quotePrefixCells.Add((_count + 1, i + 1));
            _values[i] = value ?? DBNull.Value;
        }
        if (_count % ExcelExporter.ProgressInterval == 0)
        {
            Report();
        }
        return true;
    }

    /// <summary>(row, column), 1-based with the header as row 1, of the cells whose text needs the quote-prefix style.</summary>
    public IReadOnlySet<(int Row, int Column)> QuotePrefixCells => _quotePrefixCells;

    public void ReportFinalCount()
    {
        if (_count != _lastReported)
        {
            Report();
        }
    }

    private void Report()
    {
        _lastReported = _count;
        _progress?.Report(_count);
    }

    public object GetValue(int i) => _values[i];

    public int GetValues(object[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var n = Math.Min(values.Length, _values.Length);
        Array.Copy(_values, values, n);
        return n;
    }

    public bool IsDBNull(int i) => _values[i] is DBNull;
    public string GetName(int i) => Key(i);

    public int GetOrdinal(string name)
    {
        for (var i = 0; i < _values.Length; i++)
        {
            if (string.Equals(Key(i), name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        throw new IndexOutOfRangeException($"没有名为 {name} 的列");
    }

    public Type GetFieldType(int i) => typeof(object);
    public string GetDataTypeName(int i) => nameof(Object);
    public bool GetBoolean(int i) => Convert.ToBoolean(_values[i], CultureInfo.InvariantCulture);
    public byte GetByte(int i) => Convert.ToByte(_values[i], CultureInfo.InvariantCulture);
    public char GetChar(int i) => Convert.ToChar(_values[i], CultureInfo.InvariantCulture);
    public DateTime GetDateTime(int i) => Convert.ToDateTime(_values[i], CultureInfo.InvariantCulture);
    public decimal GetDecimal(int i) => Convert.ToDecimal(_values[i], CultureInfo.InvariantCulture);
    public double GetDouble(int i) => Convert.ToDouble(_values[i], CultureInfo.InvariantCulture);
    public float GetFloat(int i) => Convert.ToSingle(_values[i], CultureInfo.InvariantCulture);
    public Guid GetGuid(int i) => _values[i] is Guid g ? g : Guid.Parse(Convert.ToString(_values[i], CultureInfo.InvariantCulture)!);
    public short GetInt16(int i) => Convert.ToInt16(_values[i], CultureInfo.InvariantCulture);
    public int GetInt32(int i) => Convert.ToInt32(_values[i], CultureInfo.InvariantCulture);
    public long GetInt64(int i) => Convert.ToInt64(_values[i], CultureInfo.InvariantCulture);
    public string GetString(int i) => Convert.ToString(_values[i], CultureInfo.InvariantCulture) ?? string.Empty;

    public long GetBytes(int i, long fieldOffset, byte[]? buffer, int bufferoffset, int length) =>
        throw new InvalidCastException("导出列的值不是二进制数据");

    public long GetChars(int i, long fieldoffset, char[]? buffer, int bufferoffset, int length)
    {
        var text = GetString(i);
        if (buffer is null)
        {
            return text.Length;
        }
        var n = (int)Math.Max(0, Math.Min(length, text.Length - fieldoffset));
        text.CopyTo((int)fieldoffset, buffer, bufferoffset, n);
        return n;
    }

    public IDataReader GetData(int i) => throw new NotSupportedException("导出数据没有嵌套结果集");
    public DataTable? GetSchemaTable() => null;
    public bool NextResult() => false;
    public void Close() => Dispose();

    public void Dispose()
    {
        if (_closed)
        {
            return;
        }
        _closed = true;
        var disposal = _rows.DisposeAsync();
        if (!disposal.IsCompletedSuccessfully)
        {
            disposal.AsTask().GetAwaiter().GetResult();
        }
    }
}
