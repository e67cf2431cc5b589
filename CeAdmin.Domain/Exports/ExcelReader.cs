using System.IO.Compression;
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
    public static IEnumerable<IDictionary<string, object?>> ReadRows(Stream xlsx)
    {
        ArgumentNullException.ThrowIfNull(xlsx);
        if (!LooksLikeXlsx(xlsx) || !HasWorkbookPart(xlsx))
        {
            throw new InvalidDataException(NotAWorkbookMessage);
        }
        return Enumerate(xlsx);
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

    private static bool HasWorkbookPart(Stream s)
    {
        var start = s.Position;
        try
        {
            using var zip = new ZipArchive(s, ZipArchiveMode.Read, leaveOpen: true);
            return zip.Entries.Any(e => string.Equals(e.FullName.TrimStart('/'), "xl/workbook.xml", StringComparison.OrdinalIgnoreCase));
        }
        catch (InvalidDataException)
        {
            return false;
        }
        finally
        {
            s.Position = start;
        }
    }

    private static IEnumerable<IDictionary<string, object?>> Enumerate(Stream xlsx)
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

        using (rows)
        {
            while (true)
            {
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
                yield return row;
            }
        }
    }

    private static bool IsReadFailure(Exception ex) =>
        ex is not (OperationCanceledException or OutOfMemoryException)
        && !(ex is InvalidDataException && ex.Message == NotAWorkbookMessage);
}
