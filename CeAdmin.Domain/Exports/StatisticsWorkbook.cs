using System.Globalization;
using ClosedXML.Excel;

namespace CeAdmin.Domain.Exports;

/// <summary>
/// One sheet of a statistics workbook. <paramref name="NumberFormats"/> and <paramref name="Widths"/> are
/// per column, in header order (a null format keeps General). Without widths, each column gets a width
/// estimated from its header and values (CJK characters count double), between 8 and 60.
/// </summary>
public sealed record StatSheet(
    string Name,
    string Title,
    IReadOnlyList<string> Headers,
    IReadOnlyList<IReadOnlyList<object?>> Rows,
    IReadOnlyList<string?>? NumberFormats = null,
    IReadOnlyList<double>? Widths = null);

/// <summary>
/// Small styled statistics workbooks with ClosedXML 0.95.4 (it holds the whole workbook in memory: use
/// <see cref="ExcelExporter"/> for query exports). Per sheet: row 1 a merged bold 14-pt title, row 2 a bold
/// header with fill and borders, then data rows with thin borders and the given number formats; panes frozen
/// under the header; fixed column widths (never AdjustToContents, which needs libgdiplus and is slow).
/// </summary>
public static class StatisticsWorkbook
{
    public const int TitleRow = 1;
    public const int HeaderRow = 2;
    public const int FirstDataRow = 3;
    public const int MaxSheetNameLength = 31;

    private static readonly XLColor HeaderFill = XLColor.FromArgb(0xD9, 0xE1, 0xF2);

    public static void Write(Stream output, IReadOnlyList<StatSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sheets);
        if (sheets.Count == 0)
        {
            throw new ArgumentException("统计工作簿至少需要一个工作表", nameof(sheets));
        }

        using var workbook = new XLWorkbook();
        var usedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var s = 0; s < sheets.Count; s++)
        {
            var sheet = sheets[s] ?? throw new ArgumentException($"第 {s + 1} 个工作表为空", nameof(sheets));
            var name = UniqueName(SanitizeSheetName(sheet.Name, $"Sheet{s + 1}"), usedNames);
            WriteSheet(workbook.AddWorksheet(name), sheet);
        }
        workbook.SaveAs(output);
    }

    /// <summary>
    /// A legal Excel sheet name: []:*?/\ and control characters become '_', leading and trailing
    /// apostrophes are dropped, at most 31 characters; empty (or the reserved "History") becomes the fallback.
    /// </summary>
    public static string SanitizeSheetName(string? name, string fallback = "Sheet1")
    {
        var chars = (name ?? string.Empty)
            .Select(c => c is '[' or ']' or ':' or '*' or '?' or '/' or '\\' || char.IsControl(c) ? '_' : c)
            .ToArray();
        var clean = new string(chars).Trim().Trim('\'').Trim();
        if (clean.Length > MaxSheetNameLength)
        {
            clean = clean[..MaxSheetNameLength].TrimEnd('\'');
            if (char.IsHighSurrogate(clean[^1]))
            {
                clean = clean[..^1];
            }
        }
        if (clean.Length == 0 || string.Equals(clean, "History", StringComparison.OrdinalIgnoreCase))
        {
            return fallback;
        }
        return clean;
    }

    private static string UniqueName(string name, HashSet<string> used)
    {
        var candidate = name;
        for (var n = 2; !used.Add(candidate); n++)
        {
            var suffix = "(" + n.ToString(CultureInfo.InvariantCulture) + ")";
            candidate = name[..Math.Min(name.Length, MaxSheetNameLength - suffix.Length)] + suffix;
        }
        return candidate;
    }

    private static void WriteSheet(IXLWorksheet ws, StatSheet sheet)
    {
        var headers = sheet.Headers ?? [];
        var rows = sheet.Rows ?? [];
        var columnCount = Math.Max(1, Math.Max(headers.Count, rows.Count == 0 ? 0 : rows.Max(r => r?.Count ?? 0)));

        var title = ws.Cell(TitleRow, 1);
        SetText(title, CellGuard.SafeText(sheet.Title ?? string.Empty));
        var titleRange = ws.Range(TitleRow, 1, TitleRow, columnCount);
        if (columnCount > 1)
        {
            titleRange.Merge();
        }
        titleRange.Style.Font.Bold = true;
        titleRange.Style.Font.FontSize = 14;
        titleRange.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        titleRange.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        ws.Row(TitleRow).Height = 24;

        for (var c = 0; c < headers.Count; c++)
        {
            SetText(ws.Cell(HeaderRow, c + 1), CellGuard.SafeText(headers[c] ?? string.Empty));
        }
        var headerRange = ws.Range(HeaderRow, 1, HeaderRow, columnCount);
        headerRange.Style.Font.Bold = true;
        headerRange.Style.Fill.BackgroundColor = HeaderFill;
        headerRange.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        headerRange.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        headerRange.Style.Alignment.WrapText = true;
        headerRange.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        headerRange.Style.Border.InsideBorder = XLBorderStyleValues.Thin;

        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            if (row is null)
            {
                continue;
            }
            for (var c = 0; c < row.Count; c++)
            {
                SetCell(ws.Cell(FirstDataRow + r, c + 1), row[c]);
            }
        }

        if (rows.Count > 0)
        {
            var lastRow = FirstDataRow + rows.Count - 1;
            var data = ws.Range(FirstDataRow, 1, lastRow, columnCount);
            data.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
            data.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
            var formats = sheet.NumberFormats;
            if (formats is not null)
            {
                for (var c = 0; c < Math.Min(formats.Count, columnCount); c++)
                {
                    if (!string.IsNullOrWhiteSpace(formats[c]))
                    {
                        ws.Range(FirstDataRow, c + 1, lastRow, c + 1).Style.NumberFormat.Format = formats[c];
                    }
                }
            }
        }

        for (var c = 0; c < columnCount; c++)
        {
            ws.Column(c + 1).Width = sheet.Widths is { } widths && c < widths.Count && widths[c] > 0
                ? widths[c]
                : EstimateWidth(headers, rows, c);
        }

        ws.SheetView.FreezeRows(HeaderRow);
    }

    private static void SetCell(IXLCell cell, object? raw)
    {
        switch (CellGuard.Safe(raw))
        {
            case null:
                break;
            case string s:
                SetText(cell, s);
                break;
            case bool b:
                cell.SetValue(b);
                break;
            case DateTime d:
                cell.SetValue(d);
                break;
            case decimal m:
                cell.SetValue(m);
                break;
            case double d:
                cell.SetValue(d);
                break;
            case float f:
                cell.SetValue((double)f);
                break;
            case long l:
                cell.SetValue(l);
                break;
            case ulong ul:
                cell.SetValue((decimal)ul);
                break;
            case int or short or byte or sbyte or ushort or uint:
                cell.SetValue(Convert.ToInt64(raw, CultureInfo.InvariantCulture));
                break;
            case var other:
                cell.SetValue(Convert.ToString(other, CultureInfo.InvariantCulture) ?? string.Empty);
                break;
        }
    }

    /// <summary>
    /// Text as entered: SetValue&lt;string&gt; stores it as is (the Value setter would turn "00123" into a number);
    /// formula-like text gets the quote-prefix style (<see cref="CellGuard.NeedsQuotePrefix"/>).
    /// </summary>
    private static void SetText(IXLCell cell, string text)
    {
        cell.SetValue(text);
        if (CellGuard.NeedsQuotePrefix(text)) cell.Style.IncludeQuotePrefix = true;
    }

    private static double EstimateWidth(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<object?>> rows, int column)
    {
        var longest = column < headers.Count ? DisplayLength(headers[column]) : 0;
        foreach (var row in rows)
        {
            if (row is not null && column < row.Count)
            {
                var text = CellGuard.Safe(row[column]) switch
                {
                    null => string.Empty,
                    DateTime d => d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    IFormattable f => f.ToString("#,##0.00", CultureInfo.InvariantCulture),
                    var v => v.ToString() ?? string.Empty,
                };
                longest = Math.Max(longest, DisplayLength(text));
            }
        }
        return Math.Clamp(longest + 2, 8, 60);
    }

    private static int DisplayLength(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }
        var width = 0;
        foreach (var c in text)
        {
            width += c >= '\u1100' ? 2 : 1;
        }
        return width;
    }
}
