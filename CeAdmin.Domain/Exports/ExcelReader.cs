using CeAdmin.Domain.Common;
using MiniExcelLibs;

namespace CeAdmin.Domain.Exports;

/// <summary>
/// Import helper: streams the first worksheet of an .xlsx as one dictionary per row, keyed by the texts of
/// the header row (MiniExcel <c>Query(useHeaderRow: true)</c>; numbers come back as double, dates as
/// DateTime, empty cells as null).
/// </summary>
public static class ExcelReader
{
    public const string NotAWorkbookMessage = "文件不是有效的Excel工作簿(.xlsx)";

    /// <summary>
    /// Rows of the first worksheet, read lazily. The stream must be seekable (copy an upload such as
    /// IBrowserFile.OpenReadStream into a MemoryStream or temporary file first) and stay open while the
    /// rows are enumerated. Throws <see cref="InvalidDataException"/> with <see cref="NotAWorkbookMessage"/>
    /// at once when the stream is not a zip or has no xl/workbook.xml, and during enumeration when the
    /// workbook cannot be read.
    /// </summary>
    /// <remarks>
    /// A small file can describe a huge sheet (a 2 KB file whose one row is numbered 3,000,000, 28 KB of
    /// 3,000,000 empty rows, a part that inflates to gigabytes). Before any row is read, the parts' sizes
    /// (declared and actual) and the first sheet's declared dimension are checked against
    /// <paramref name="limits"/>; while reading, every row below the header counts, empty or not (a reader
    /// fills gaps in the numbering with empty rows), and reading stops at the limit. A file over a limit
    /// is refused with a <see cref="DomainException"/> saying which.
    /// </remarks>
    public static IEnumerable<IDictionary<string, object?>> ReadRows(Stream xlsx, ExcelReadLimits? limits = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(xlsx);
        limits ??= ExcelReadLimits.Default;
        if (!LooksLikeXlsx(xlsx))
        {
            throw new InvalidDataException(NotAWorkbookMessage);
        }
        ExcelPackageCheck.Run(xlsx, limits, ct);
        return Enumerate(xlsx, limits, ct);
    }

    /// <summary>
    /// True when the stream starts (at its current position) with the zip local-file signature PK\x03\x04.
    /// The position is restored. The stream must be readable and seekable.
    /// </summary>
    public static bool LooksLikeXlsx(Stream s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (!s.CanRead || !s.CanSeek)
        {
            throw new ArgumentException("需要可读取且可定位的流(请先复制到内存流或临时文件)", nameof(s));
        }
        var start = s.Position;
        try
        {
            Span<byte> head = stackalloc byte[4];
            var read = 0;
            while (read < head.Length)
            {
                var n = s.Read(head[read..]);
                if (n == 0)
                {
                    break;
                }
                read += n;
            }
            return read == 4 && head[0] == (byte)'P' && head[1] == (byte)'K' && head[2] == 3 && head[3] == 4;
        }
        finally
        {
            s.Position = start;
        }
    }

    private static IEnumerable<IDictionary<string, object?>> Enumerate(Stream xlsx, ExcelReadLimits limits, CancellationToken ct)
    {
        IEnumerator<object> rows;
        try
        {
            IEnumerable<object> query = MiniExcel.Query(xlsx, useHeaderRow: true, excelType: ExcelType.XLSX);
            rows = query.GetEnumerator();
        }
        catch (Exception ex) when (IsReadFailure(ex))
        {
            throw new InvalidDataException(NotAWorkbookMessage, ex);
        }

        var count = 0;
        using (rows)
        {
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                IDictionary<string, object?> row;
                try
                {
                    if (!rows.MoveNext())
                    {
                        yield break;
                    }
                    row = rows.Current as IDictionary<string, object?>
                        ?? throw new InvalidDataException(NotAWorkbookMessage);
                }
                catch (Exception ex) when (IsReadFailure(ex))
                {
                    throw new InvalidDataException(NotAWorkbookMessage, ex);
                }
                if (++count > limits.MaxRows)
                {
                    throw new DomainException(limits.TooManyRowsMessage);
                }
                if (row.Count > limits.MaxColumns)
                {
                    throw new DomainException(limits.TooManyColumnsMessage);
                }
                yield return row;
            }
        }
    }

    private static bool IsReadFailure(Exception ex) =>
        ex is not (OperationCanceledException or OutOfMemoryException)
        && !(ex is InvalidDataException && ex.Message == NotAWorkbookMessage);
}
