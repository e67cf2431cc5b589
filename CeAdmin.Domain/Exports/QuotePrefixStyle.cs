using System.Globalization;
using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;

namespace CeAdmin.Domain.Exports;

/// <summary>
/// Gives the cells of a MiniExcel workbook that hold formula-like text (<see cref="CellGuard.NeedsQuotePrefix"/>)
/// the quote-prefix style, which MiniExcel 1.46.0 cannot set itself: styles.xml gets one more cell format (the
/// value format with quotePrefix="1") and those cells of the sheet point to it. Every other part is copied as
/// it is. Run only when the export has such cells; the sheet is read and written forward, so memory stays flat.
/// </summary>
internal static class QuotePrefixStyle
{
    private const string SheetPart = "xl/worksheets/sheet1.xml";
    private const string StylesPart = "xl/styles.xml";
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    /// <summary>MiniExcel's style of a value cell (1 is the header's).</summary>
    private const int ValueStyle = 2;

    /// <param name="cells">(row, column), both 1-based, of the cells to restyle.</param>
    public static void Apply(Stream xlsx, Stream output, IReadOnlySet<(int Row, int Column)> cells, CancellationToken ct)
    {
        using var source = new ZipArchive(xlsx, ZipArchiveMode.Read, leaveOpen: true);
        var styles = source.GetEntry(StylesPart) ?? throw new InvalidDataException("工作簿缺少样式部件");
        var (stylesXml, quoteStyle) = AddQuoteStyle(styles);

        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in source.Entries)
        {
            ct.ThrowIfCancellationRequested();
            using var to = target.CreateEntry(entry.FullName, CompressionLevel.Fastest).Open();
            if (entry.FullName == StylesPart)
            {
                stylesXml.Save(to, SaveOptions.DisableFormatting);
                continue;
            }
            using var from = entry.Open();
            if (entry.FullName == SheetPart) RestyleCells(from, to, cells, quoteStyle, ct);
            else from.CopyTo(to);
        }
    }

    /// <summary>styles.xml with a copy of the value format that carries quotePrefix="1", and that format's index.</summary>
    private static (XDocument Styles, string Index) AddQuoteStyle(ZipArchiveEntry entry)
    {
        XDocument styles;
        using (var s = entry.Open()) styles = XDocument.Load(s);
        var cellXfs = styles.Root?.Element(XName.Get("cellXfs", Main)) ?? throw new InvalidDataException("工作簿样式缺少单元格格式");
        var formats = cellXfs.Elements(XName.Get("xf", Main)).ToList();
        var quoted = new XElement(formats[ValueStyle]);
        quoted.SetAttributeValue("quotePrefix", "1");
        cellXfs.Add(quoted);
        cellXfs.SetAttributeValue("count", formats.Count + 1);
        return (styles, formats.Count.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Copies the sheet node by node; a listed cell's "s" attribute becomes <paramref name="style"/>.</summary>
    private static void RestyleCells(Stream from, Stream to, IReadOnlySet<(int Row, int Column)> cells, string style, CancellationToken ct)
    {
        using var reader = XmlReader.Create(from, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        using var writer = XmlWriter.Create(to, new XmlWriterSettings { NewLineHandling = NewLineHandling.None, Encoding = new System.Text.UTF8Encoding(false) });
        var rows = 0;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    var empty = reader.IsEmptyElement;
                    writer.WriteStartElement(reader.Prefix, reader.LocalName, reader.NamespaceURI);
                    if (reader.LocalName == "row" && ++rows % 1000 == 0) ct.ThrowIfCancellationRequested();
                    var restyle = reader.LocalName == "c" && reader.NamespaceURI == Main && cells.Contains(CellOf(reader.GetAttribute("r")));
                    var styled = false;
                    if (reader.MoveToFirstAttribute())
                    {
                        do
                        {
                            if (restyle && reader.LocalName == "s" && reader.NamespaceURI.Length == 0)
                            {
                                writer.WriteAttributeString("s", style);
                                styled = true;
                            }
                            else
                            {
                                writer.WriteAttributeString(reader.Prefix, reader.LocalName, reader.NamespaceURI, reader.Value);
                            }
                        }
                        while (reader.MoveToNextAttribute());
                        reader.MoveToElement();
                    }
                    if (restyle && !styled) writer.WriteAttributeString("s", style);
                    if (empty) writer.WriteEndElement();
                    break;
                case XmlNodeType.EndElement:
                    writer.WriteFullEndElement();
                    break;
                case XmlNodeType.Text:
                    writer.WriteString(reader.Value);
                    break;
                case XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    writer.WriteWhitespace(reader.Value);
                    break;
                case XmlNodeType.CDATA:
                    writer.WriteCData(reader.Value);
                    break;
            }
        }
    }

    /// <summary>"AB12" → (12, 28).</summary>
    private static (int Row, int Column) CellOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return (0, 0);
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetterUpper(reference[i]); i++) column = column * 26 + reference[i] - 'A' + 1;
        return int.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? (row, column) : (0, 0);
    }
}
