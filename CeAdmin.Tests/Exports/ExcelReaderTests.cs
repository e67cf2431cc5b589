using System.IO.Compression;
using System.Text;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Exports;

namespace CeAdmin.Tests.Exports;

public class ExcelReaderTests
{
    [Fact]
    public void A_non_xlsx_stream_is_rejected_with_a_chinese_message()
    {
        using var csv = new MemoryStream(Encoding.UTF8.GetBytes("姓名,学时\n张三,12\n"));

        Assert.False(ExcelReader.LooksLikeXlsx(csv));
        Assert.Equal(0, csv.Position);
        var ex = Assert.Throws<InvalidDataException>(() => ExcelReader.ReadRows(csv));
        Assert.Equal("文件不是有效的Excel工作簿(.xlsx)", ex.Message);
    }

    [Fact]
    public void A_zip_that_is_not_a_workbook_is_rejected()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var w = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            w.Write("<document/>");
        }
        ms.Position = 0;

        Assert.True(ExcelReader.LooksLikeXlsx(ms));
        var ex = Assert.Throws<InvalidDataException>(() => ExcelReader.ReadRows(ms));
        Assert.Equal("文件不是有效的Excel工作簿(.xlsx)", ex.Message);
    }

    [Fact]
    public async Task A_truncated_workbook_is_rejected()
    {
        using var ms = new MemoryStream();
        await ExcelExporter.WriteAsync(ms, ExportTestData.Rows(100), ExportTestData.Columns());
        using var truncated = new MemoryStream(ms.ToArray()[..(int)(ms.Length / 2)]);

        var ex = Assert.Throws<InvalidDataException>(() => ExcelReader.ReadRows(truncated).ToList());
        Assert.Equal("文件不是有效的Excel工作簿(.xlsx)", ex.Message);
    }

    [Fact]
    public async Task Reads_back_an_export_by_header()
    {
        using var ms = new MemoryStream();
        await ExcelExporter.WriteAsync(ms, ExportTestData.Rows(1_500), ExportTestData.Columns());
        ms.Position = 0;

        var rows = ExcelReader.ReadRows(ms).ToList();

        Assert.Equal(1_500, rows.Count);
        Assert.Equal("学员1", rows[0]["姓名"]);
        // The quote prefix is a style: the text reads back as entered.
        Assert.Equal("=1+1", rows[0]["备注"]);
        Assert.Equal(12.5, rows[0]["学时"]);
    }

    private static readonly string[] Headers = ["姓名", "性别", "公民身份号码"];
    private static readonly ExcelReadLimits Limits = new(20_000, 50);

    // Each of these took a naive reader 4-16 s (it fills the numbering gap with empty rows, or reads all of them).
    [Fact(Timeout = 20_000)]
    public async Task A_sheet_declaring_three_million_rows_is_refused_before_any_row_is_read()
    {
        await Task.Yield();
        using var file = HostileWorkbooks.OneRowFarDown(Headers, 3_000_000, declareDimension: true);
        Assert.True(file.Length < 4_096);

        var ex = Assert.Throws<DomainException>(() => ExcelReader.ReadRows(file, Limits));
        Assert.Equal("工作表超过20,000行（表头以下的空行也计算在内），请删除多余的行，或分成多个文件导入", ex.Message);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_row_numbered_three_million_without_a_dimension_stops_the_reading_at_the_limit()
    {
        await Task.Yield();
        using var file = HostileWorkbooks.OneRowFarDown(Headers, 3_000_000, declareDimension: false);
        var read = 0;

        var ex = Assert.Throws<DomainException>(() => { foreach (var _ in ExcelReader.ReadRows(file, Limits)) read++; });
        Assert.Contains("超过20,000行", ex.Message);
        Assert.Equal(20_000, read);
    }

    [Fact(Timeout = 20_000)]
    public async Task Three_million_empty_rows_count_against_the_limit()
    {
        await Task.Yield();
        using var file = HostileWorkbooks.ManyEmptyRows(Headers, 3_000_000);
        Assert.True(file.Length < 64 * 1024);

        var ex = Assert.Throws<DomainException>(() => ExcelReader.ReadRows(file, Limits).Count());
        Assert.Contains("空行也计算在内", ex.Message);
    }

    [Fact]
    public void A_part_inflating_past_the_limit_is_refused_before_reading()
    {
        using var file = HostileWorkbooks.HugeSheetPart(Headers, padBytes: 3 * 1024 * 1024);
        Assert.True(file.Length < 64 * 1024);

        var ex = Assert.Throws<DomainException>(() => ExcelReader.ReadRows(file, Limits with { MaxPartBytes = 1024 * 1024 }));
        Assert.StartsWith("文件解压后超过", ex.Message);
        // Within the limits the same file reads.
        Assert.Single(ExcelReader.ReadRows(file, Limits));
    }

    [Fact]
    public void A_sheet_wider_than_the_limit_is_refused()
    {
        using var file = HostileWorkbooks.OneRowFarDown(Enumerable.Range(1, 60).Select(i => "列" + i).ToList(), 2, declareDimension: true);
        var ex = Assert.Throws<DomainException>(() => ExcelReader.ReadRows(file, Limits));
        Assert.Equal("工作表超过50列，请按导入模板的列填写", ex.Message);

        using var undeclared = HostileWorkbooks.OneRowFarDown(Enumerable.Range(1, 60).Select(i => "列" + i).ToList(), 2, declareDimension: false);
        Assert.Throws<DomainException>(() => ExcelReader.ReadRows(undeclared, Limits).ToList());
    }

    [Fact]
    public async Task Reading_stops_when_cancelled()
    {
        using var ms = new MemoryStream();
        await ExcelExporter.WriteAsync(ms, ExportTestData.Rows(1_500), ExportTestData.Columns());
        ms.Position = 0;
        using var cts = new CancellationTokenSource();
        var read = 0;

        Assert.Throws<OperationCanceledException>(() =>
        {
            foreach (var _ in ExcelReader.ReadRows(ms, Limits, cts.Token))
                if (++read == 10) cts.Cancel();
        });
        Assert.Equal(10, read);
    }
}
