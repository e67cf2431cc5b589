using System.IO.Compression;
using System.Text;

namespace CeAdmin.Tests.Exports;

/// <summary>
/// Small .xlsx files that cost a naive reader a lot: written part by part with ZipArchive, as an attacker
/// would, rather than through a library that would refuse to write them.
/// </summary>
internal static class HostileWorkbooks
{
    /// <summary>A header row and one data row numbered <paramref name="rowNumber"/> (a 2 KB file).</summary>
    public static MemoryStream OneRowFarDown(IReadOnlyList<string> headers, int rowNumber, bool declareDimension) =>
        Build(headers, declareDimension ? $"A1:{Column(headers.Count)}{rowNumber}" : null,
            w => w.Write(Row(rowNumber, ["张三"])));

    /// <summary>A header row followed by <paramref name="count"/> rows without cells (tens of KB zipped).</summary>
    public static MemoryStream ManyEmptyRows(IReadOnlyList<string> headers, int count) =>
        Build(headers, null, w =>
        {
            for (var r = 0; r < count; r++) w.Write("<row/>");
        });

    /// <summary>A well-formed sheet whose declared uncompressed size in the zip is <paramref name="padBytes"/> larger.</summary>
    public static MemoryStream HugeSheetPart(IReadOnlyList<string> headers, int padBytes) =>
        Build(headers, null, w => w.Write(Row(2, ["张三"]) + new string(' ', padBytes)));

    private static MemoryStream Build(IReadOnlyList<string> headers, string? dimension, Action<StreamWriter> writeRows)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>
                """);
            Part(zip, "_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """);
            Part(zip, "xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>
                """);
            Part(zip, "xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
                """);
            using var w = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
            w.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">""");
            if (dimension is not null) w.Write($"<dimension ref=\"{dimension}\"/>");
            w.Write("<sheetData>");
            w.Write(Row(1, headers));
            writeRows(w);
            w.Write("</sheetData></worksheet>");
        }
        ms.Position = 0;
        return ms;
    }

    private static void Part(ZipArchive zip, string name, string xml)
    {
        using var w = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        w.Write(xml.Trim());
    }

    private static string Row(int r, IReadOnlyList<string> values)
    {
        var sb = new StringBuilder($"<row r=\"{r}\">");
        for (var i = 0; i < values.Count; i++)
            sb.Append($"<c r=\"{Column(i + 1)}{r}\" t=\"inlineStr\"><is><t>{System.Security.SecurityElement.Escape(values[i])}</t></is></c>");
        return sb.Append("</row>").ToString();
    }

    private static string Column(int n)
    {
        var s = "";
        for (; n > 0; n = (n - 1) / 26) s = (char)('A' + (n - 1) % 26) + s;
        return s;
    }
}
