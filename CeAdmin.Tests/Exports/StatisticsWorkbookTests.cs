using CeAdmin.Domain.Exports;
using ClosedXML.Excel;

namespace CeAdmin.Tests.Exports;

public class StatisticsWorkbookTests
{
    private static byte[] WriteTwoSheets()
    {
        var byCity = new StatSheet(
            "按地市统计",
            "2026年度继续教育学时统计(按地市)",
            ["地市", "人数", "总学时", "合格率"],
            [
                ["广州市", 12_345, 234_567.5m, 0.953],
                ["深圳市", 9_876, 187_654.25m, 0.9],
                ["=HYPERLINK(\"x\")", 1, 2m, 0.5],
            ],
            [null, "#,##0", "#,##0.0", "0.0%"],
            [14, 10, 14, 10]);
        var byCourse = new StatSheet(
            "课程[2026]/汇总:专业科目*公需科目?统计表格超长名称",
            "课程统计",
            ["课程", "平均学时", "开始日期"],
            [
                ["公需科目：人工智能", 12.25, new DateTime(2026, 3, 1)],
                ["专业科目", 30.0, new DateTime(2026, 4, 1)],
            ],
            [null, "0.0", "yyyy-mm-dd"]);
        using var ms = new MemoryStream();
        StatisticsWorkbook.Write(ms, [byCity, byCourse]);
        return ms.ToArray();
    }

    [Fact]
    public void Title_is_merged_bold_and_14pt()
    {
        using var wb = new XLWorkbook(new MemoryStream(WriteTwoSheets()));
        var ws = wb.Worksheet("按地市统计");

        var merged = Assert.Single(ws.MergedRanges);
        Assert.Equal("A1:D1", merged.RangeAddress.ToString());
        var title = ws.Cell("A1");
        Assert.Equal("2026年度继续教育学时统计(按地市)", title.GetString());
        Assert.True(title.Style.Font.Bold);
        Assert.Equal(14, title.Style.Font.FontSize);
    }

    [Fact]
    public void Header_is_bold_filled_and_bordered()
    {
        using var wb = new XLWorkbook(new MemoryStream(WriteTwoSheets()));
        var ws = wb.Worksheet(1);

        Assert.Equal(["地市", "人数", "总学时", "合格率"], Enumerable.Range(1, 4).Select(c => ws.Cell(2, c).GetString()));
        var header = ws.Cell("B2");
        Assert.True(header.Style.Font.Bold);
        Assert.NotEqual(XLFillPatternValues.None, header.Style.Fill.PatternType);
        Assert.Equal(XLBorderStyleValues.Thin, header.Style.Border.BottomBorder);
        Assert.Equal(XLBorderStyleValues.Thin, ws.Cell("C4").Style.Border.LeftBorder);
    }

    [Fact]
    public void Number_formats_widths_and_frozen_panes_are_applied()
    {
        using var wb = new XLWorkbook(new MemoryStream(WriteTwoSheets()));
        var ws = wb.Worksheet(1);

        Assert.Equal("#,##0", ws.Cell("B3").Style.NumberFormat.Format);
        Assert.Equal(12_345, ws.Cell("B3").GetDouble());
        Assert.Equal("0.0%", ws.Cell("D4").Style.NumberFormat.Format);
        Assert.Equal(0.9, ws.Cell("D4").GetDouble());
        Assert.Equal(14, ws.Column(1).Width, 1);
        Assert.Equal(2, ws.SheetView.SplitRow);
        Assert.Equal(0, ws.SheetView.SplitColumn);

        var second = wb.Worksheet(2);
        Assert.Equal("0.0", second.Cell("B3").Style.NumberFormat.Format);
        Assert.Equal(new DateTime(2026, 3, 1), second.Cell("C3").GetDateTime());
        Assert.Equal(2, second.SheetView.SplitRow);
        Assert.InRange(second.Column(1).Width, 8, 60);
    }

    [Fact]
    public void Sheet_names_are_sanitised_and_formula_text_is_guarded()
    {
        using var wb = new XLWorkbook(new MemoryStream(WriteTwoSheets()));
        var name = wb.Worksheet(2).Name;
        Assert.InRange(name.Length, 1, 31);
        Assert.DoesNotContain(name, c => "[]:*?/\\".Contains(c));
        Assert.StartsWith("课程_2026__汇总_专业科目", name);

        var cell = wb.Worksheet(1).Cell("A5");
        Assert.False(cell.HasFormula);
        Assert.Equal("=HYPERLINK(\"x\")", cell.GetString());

        var written = ExportTestData.Cell(WriteTwoSheets(), "A5");
        Assert.Equal("=HYPERLINK(\"x\")", written.Text);
        Assert.True(written.QuotePrefix);
        Assert.False(written.HasFormula);
        Assert.False(ExportTestData.Cell(WriteTwoSheets(), "A3").QuotePrefix);
    }

    [Fact]
    public void Repeated_sheet_names_get_a_suffix()
    {
        var sheet = new StatSheet("汇总", "汇总", ["项目"], [["a"]]);
        using var ms = new MemoryStream();
        StatisticsWorkbook.Write(ms, [sheet, sheet]);

        using var wb = new XLWorkbook(new MemoryStream(ms.ToArray()));
        Assert.Equal(["汇总", "汇总(2)"], wb.Worksheets.Select(w => w.Name));
        Assert.Equal("Sheet1", StatisticsWorkbook.SanitizeSheetName("  "));
        Assert.Equal("a_b", StatisticsWorkbook.SanitizeSheetName("'a/b'"));
    }
}
