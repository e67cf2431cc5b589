using System.Xml.Linq;
using CeAdmin.Domain.Exports;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using MiniExcelLibs;

namespace CeAdmin.Tests.Exports;

public class ExcelExporterTests
{
    private const int RowCount = 2_500;
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static async Task<byte[]> ExportAsync(int rows, IProgress<int>? progress = null)
    {
        using var ms = new MemoryStream();
        await ExcelExporter.WriteAsync(ms, ExportTestData.Rows(rows), ExportTestData.Columns(), "学员名单", progress);
        return ms.ToArray();
    }

    [Fact]
    public async Task Writes_headers_in_column_order_and_every_row()
    {
        var bytes = await ExportAsync(RowCount);

        var raw = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["序号", "姓名", "工作单位", "备注", "学时", "完成日期", "是否合格"], raw[0].Values.Select(v => v?.ToString()));
        Assert.Equal(RowCount + 1, raw.Count);

        var rows = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(RowCount, rows.Count);
        var last = rows[^1];
        Assert.Equal((double)RowCount, last["序号"]);
        Assert.Equal("学员2500", last["姓名"]);
        Assert.Equal("广东省广州市天河区继续教育学院第49分院", last["工作单位"]);
        Assert.Equal("备注：第2500行", last["备注"]);
        Assert.Equal(15.5, last["学时"]);
        Assert.Equal(new DateTime(2026, 1, 1).AddDays(2499 % 365), last["完成日期"]);
        Assert.Equal("否", last["是否合格"]);
        Assert.Equal("是", rows[1]["是否合格"]);
    }

    [Fact]
    public async Task Formula_like_text_is_kept_as_entered_with_the_quote_prefix_style()
    {
        var bytes = await ExportAsync(RowCount);

        var rows = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        for (var i = 0; i < ExportTestData.Injections.Length; i++)
        {
            var value = Assert.IsType<string>(rows[i]["备注"]);
            // A raw CR in XML text is read back as LF (XML end-of-line handling).
            Assert.Equal(ExportTestData.Injections[i].Replace('\r', '\n'), value);
            var cell = ExportTestData.Cell(bytes, $"D{i + 2}");
            Assert.True(cell.QuotePrefix, $"D{i + 2} has no quote prefix");
            Assert.False(cell.HasFormula);
        }
        // Ordinary text and numbers keep the plain style.
        Assert.False(ExportTestData.Cell(bytes, $"D{ExportTestData.Injections.Length + 2}").QuotePrefix);
        Assert.False(ExportTestData.Cell(bytes, "A2").QuotePrefix);

        var sheet = ExportTestData.SheetXml(bytes);
        Assert.DoesNotContain(sheet.Descendants(), e => e.Name.LocalName == "f");

        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        var d2 = workbook.Worksheet(1).Cell("D2");
        Assert.False(d2.HasFormula);
        Assert.Equal(XLDataType.Text, d2.DataType);
        Assert.Equal("=1+1", d2.GetString());
        Assert.True(d2.Style.IncludeQuotePrefix);
    }

    [Fact]
    public async Task Header_row_is_frozen_and_column_widths_are_fixed()
    {
        var bytes = await ExportAsync(10);
        var sheet = ExportTestData.SheetXml(bytes);

        var pane = Assert.Single(sheet.Descendants(Main + "pane"));
        Assert.Equal("1", (string?)pane.Attribute("ySplit"));
        Assert.Equal("frozen", (string?)pane.Attribute("state"));
        Assert.Null(pane.Attribute("xSplit"));

        var expected = ExportTestData.Columns().Select(c => c.Width).ToArray();
        var cols = sheet.Descendants(Main + "col").ToList();
        Assert.Equal(expected.Length, cols.Count);
        for (var i = 0; i < cols.Count; i++)
        {
            var width = double.Parse((string)cols[i].Attribute("width")!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(width, expected[i], expected[i] + 1);
            Assert.Equal("1", (string?)cols[i].Attribute("customWidth"));
        }
    }

    [Fact]
    public async Task Output_passes_open_xml_schema_validation()
    {
        var bytes = await ExportAsync(50);

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => e.Description + " @ " + e.Path?.XPath).ToList();
        Assert.Empty(errors);
        Assert.Equal("学员名单", document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single().Name!.Value);
    }

    [Fact]
    public async Task Progress_is_reported_every_thousand_rows_and_at_the_end()
    {
        var progress = new RecordingProgress();
        await ExportAsync(RowCount, progress);
        Assert.Equal([1_000, 2_000, 2_500], progress.Values);
    }

    [Fact]
    public async Task Cancelling_stops_between_rows_with_OperationCanceledException()
    {
        using var cts = new CancellationTokenSource();
        var pulled = 0;
        var progress = new RecordingProgress(n =>
        {
            if (n == 1_000)
            {
                cts.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ExcelExporter.WriteAsync(
            new MemoryStream(), ExportTestData.Rows(100_000, n => pulled = n), ExportTestData.Columns(),
            progress: progress, ct: cts.Token));

        Assert.Equal([1_000], progress.Values);
        Assert.InRange(pulled, 1_000, 1_001);
    }

    [Fact]
    public async Task An_already_cancelled_token_throws_before_writing()
    {
        using var output = new MemoryStream();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ExcelExporter.WriteAsync(
            output, ExportTestData.Rows(10), ExportTestData.Columns(), ct: new CancellationToken(true)));
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public async Task A_failing_source_surfaces_its_own_exception()
    {
        static async IAsyncEnumerable<LearnerRow> Failing()
        {
            yield return ExportTestData.Row(0);
            await Task.Yield();
            throw new InvalidOperationException("数据库连接中断");
        }

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            ExcelExporter.WriteAsync(new MemoryStream(), Failing(), ExportTestData.Columns()));
        Assert.Equal("数据库连接中断", ex.Message);
    }

    [Fact]
    public async Task No_rows_still_writes_the_header_row()
    {
        var bytes = await ExportAsync(0);
        var raw = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        var header = Assert.Single(raw);
        Assert.Equal("序号", header.Values.First());
    }

    [Fact]
    public async Task Writes_to_a_non_seekable_stream_and_allows_repeated_headers()
    {
        var columns = ExportColumns.For<LearnerRow>()
            .Text("备注", r => r.Name)
            .Text("备注", r => r.Unit)
            .Build();
        using var target = new MemoryStream();

        await ExcelExporter.WriteAsync(new ForwardOnlyStream(target), ExportTestData.Rows(1_200), columns);

        var raw = MiniExcel.Query(new MemoryStream(target.ToArray()), useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(1_201, raw.Count);
        Assert.Equal(["备注", "备注"], raw[0].Values.Select(v => v?.ToString()));
        Assert.Equal(["学员1200", "广东省广州市天河区继续教育学院第49分院"], raw[^1].Values.Select(v => v?.ToString()));
    }

    [Fact]
    public async Task DateOnly_through_a_plain_column_becomes_iso_text()
    {
        var columns = ExportColumns.For<LearnerRow>().Add("完成日期", r => r.CompletedOn).Build();
        using var ms = new MemoryStream();
        await ExcelExporter.WriteAsync(ms, ExportTestData.Rows(1), columns);

        var row = Assert.Single(MiniExcel.Query(new MemoryStream(ms.ToArray()), useHeaderRow: true).Cast<IDictionary<string, object?>>());
        Assert.Equal("2026-01-01", row["完成日期"]);
    }

    [Fact]
    public void FileName_has_title_and_timestamp()
    {
        Assert.Equal("继续教育记录_20261129153000.xlsx", ExcelExporter.FileName("继续教育记录", new DateTime(2026, 11, 29, 15, 30, 0)));
        Assert.Equal("学时_统计_20260102030405.xlsx", ExcelExporter.FileName("学时/统计", new DateTime(2026, 1, 2, 3, 4, 5)));
        Assert.Equal("导出_20260102030405.xlsx", ExcelExporter.FileName("  ", new DateTime(2026, 1, 2, 3, 4, 5)));
        // The clock's instant in China time (UTC+8), whatever the server's own zone.
        Assert.Equal("继续教育记录_20260302100000.xlsx", ExcelExporter.FileName("继续教育记录", new Infrastructure.TestClock(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero))));
    }
}
