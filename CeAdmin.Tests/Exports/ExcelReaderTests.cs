using System.IO.Compression;
using System.Text;
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
        Assert.Equal("'=1+1", rows[0]["备注"]);
        Assert.Equal(12.5, rows[0]["学时"]);
    }
}
