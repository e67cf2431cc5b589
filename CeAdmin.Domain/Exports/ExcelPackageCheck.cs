using System.Buffers;
using System.IO.Compression;
using System.Xml;
using CeAdmin.Domain.Common;

namespace CeAdmin.Domain.Exports;

/// <summary>
/// Checks an .xlsx package before any row is read: it is a zip with a workbook, its parts are within the
/// byte limits (the sizes the zip declares, then the bytes they really inflate to, counted without keeping
/// them), and the first sheet's declared dimension is within the row and column limits.
/// </summary>
internal static class ExcelPackageCheck
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string WorkbookPart = "xl/workbook.xml";

    /// <summary>Throws <see cref="InvalidDataException"/> (not a workbook) or <see cref="DomainException"/> (over a limit). The position is restored.</summary>
    public static void Run(Stream s, ExcelReadLimits limits, CancellationToken ct)
    {
        var start = s.Position;
        try
        {
            using var zip = new ZipArchive(s, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > limits.MaxParts) throw new DomainException(limits.TooLargeMessage);
            if (Find(zip, WorkbookPart) is null) throw new InvalidDataException(ExcelReader.NotAWorkbookMessage);

            // The declared sizes cost nothing to read; the real ones are counted as well, since a zip can lie.
            if (zip.Entries.Any(e => e.Length > limits.MaxPartBytes) || zip.Entries.Sum(e => e.Length) > limits.MaxTotalBytes)
                throw new DomainException(limits.TooLargeMessage);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += InflatedLength(entry, limits, ct);
                if (total > limits.MaxTotalBytes) throw new DomainException(limits.TooLargeMessage);
            }

            if (Find(zip, FirstSheetPath(zip)) is { } sheet) CheckDimension(sheet, limits);
        }
        catch (Exception ex) when (ex is XmlException or NotSupportedException)
        {
            throw new InvalidDataException(ExcelReader.NotAWorkbookMessage, ex);
        }
        catch (InvalidDataException ex) when (ex.Message != ExcelReader.NotAWorkbookMessage)
        {
            throw new InvalidDataException(ExcelReader.NotAWorkbookMessage, ex);
        }
        finally
        {
            s.Position = start;
        }
    }

    private static long InflatedLength(ZipArchiveEntry entry, ExcelReadLimits limits, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            using var part = entry.Open();
            long length = 0;
            int read;
            while ((read = part.Read(buffer, 0, buffer.Length)) > 0)
            {
                ct.ThrowIfCancellationRequested();
                length += read;
                if (length > limits.MaxPartBytes) throw new DomainException(limits.TooLargeMessage);
            }
            return length;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The part of the workbook's first sheet (the one a reader takes), through the workbook's relationships.</summary>
    private static string? FirstSheetPath(ZipArchive zip)
    {
        string? relId = null;
        using (var workbook = Xml(Find(zip, WorkbookPart)!))
        {
            while (workbook.Read())
            {
                if (workbook.NodeType == XmlNodeType.Element && workbook.LocalName == "sheet" && workbook.NamespaceURI == MainNs)
                {
                    relId = workbook.GetAttribute("id", RelNs);
                    break;
                }
            }
        }
        if (relId is null || Find(zip, "xl/_rels/workbook.xml.rels") is not { } relsEntry) return null;
        using var rels = Xml(relsEntry);
        while (rels.Read())
        {
            if (rels.NodeType == XmlNodeType.Element && rels.LocalName == "Relationship" && rels.GetAttribute("Id") == relId)
            {
                var target = rels.GetAttribute("Target") ?? "";
                return target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
            }
        }
        return null;
    }

    /// <summary>&lt;dimension ref="A1:Q20001"/&gt; comes before &lt;sheetData&gt;; a sheet may leave it out.</summary>
    private static void CheckDimension(ZipArchiveEntry sheet, ExcelReadLimits limits)
    {
        using var xml = Xml(sheet);
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element) continue;
            if (xml.LocalName == "sheetData") return;
            if (xml.LocalName != "dimension") continue;
            var last = (xml.GetAttribute("ref") ?? "").Split(':')[^1];
            var letters = last.TakeWhile(char.IsAsciiLetter).Count();
            var column = 0;
            // Excel's last column is XFD; more letters than that is over any limit.
            foreach (var c in last[..Math.Min(letters, 4)].ToUpperInvariant()) column = column * 26 + (c - 'A' + 1);
            if (long.TryParse(last[letters..], out var row) && row - 1 > limits.MaxRows) throw new DomainException(limits.TooManyRowsMessage);
            if (column > limits.MaxColumns) throw new DomainException(limits.TooManyColumnsMessage);
            return;
        }
    }

    private static ZipArchiveEntry? Find(ZipArchive zip, string? path) =>
        path is null ? null : zip.Entries.FirstOrDefault(e => string.Equals(e.FullName.TrimStart('/'), path, StringComparison.OrdinalIgnoreCase));

    private static XmlReader Xml(ZipArchiveEntry entry) =>
        XmlReader.Create(entry.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, CloseInput = true });
}
