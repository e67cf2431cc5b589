using System.IO.Compression;
using System.Xml.Linq;
using CeAdmin.Domain.Records;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace CeAdmin.Tests.Records;

/// <summary>导出Excel of 1.7.1 read back: text that Excel would run as a formula stays text, exactly as entered, in a quote-prefixed cell.</summary>
public sealed class RecordExportTests() : IntegrationTest(demo: true)
{
    [Fact]
    public async Task Formula_like_text_from_the_database_is_written_as_entered_in_quote_prefixed_cells()
    {
        const string course = "=HYPERLINK(\"http://evil.example\",\"点击查看\")";
        await using (var db = App.Db())
        {
            var template = await db.CeRecords.AsNoTracking().FirstAsync(r => r.RegionCode == "440106" && r.SeriesId == 1);
            var hostile = new CeRecord
            {
                PersonName = "@SUM(A1)", Gender = template.Gender, IdNumber = template.IdNumber, RegionCode = "440106", SeriesId = 1,
                AuthorityName = "+86 13800138000", CourseName = course, SubjectType = RecordValues.Public, StudyMode = "面授培训",
                StartDate = new DateOnly(2025, 7, 1), EndDate = new DateOnly(2025, 7, 1), Days = 1, Result = RecordValues.Passed, Hours = 8,
                InstitutionName = "-2+3", Year = 2025, Location = "广州", Content = "测试", Source = RecordSource.Import, CreatedAt = DateTime.UtcNow,
            };
            db.CeRecords.Add(hostile);
            await db.SaveChangesAsync();
        }

        var file = new MemoryStream();
        await App.As<CeRecordService>(await App.DemoActorAsync("th_edu")).ExportAsync(new CeRecordFilter(Year: 2025, PersonName: "@SUM(A1)"), file, null);
        var bytes = file.ToArray();

        var row = Assert.Single(MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true).Cast<IDictionary<string, object?>>());
        Assert.Equal("@SUM(A1)", row["姓名"]);
        Assert.Equal(course, row["专业课名称"]);
        Assert.Equal("+86 13800138000", row["行业部门(行业组织)"]);
        Assert.Equal("-2+3", row["施教机构名称"]);
        // 姓名, 专业课名称, 行业部门, 施教机构名称: columns A, C, G, H of row 2.
        foreach (var (reference, text) in new[] { ("A2", "@SUM(A1)"), ("C2", course), ("G2", "+86 13800138000"), ("H2", "-2+3") })
            Assert.Equal((text, false, true), Exports.ExportTestData.Cell(bytes, reference));
        Assert.False(Exports.ExportTestData.Cell(bytes, "B2").QuotePrefix);

        using var zip = new ZipArchive(new MemoryStream(bytes));
        using var sheet = zip.GetEntry("xl/worksheets/sheet1.xml")!.Open();
        Assert.DoesNotContain(XDocument.Load(sheet).Descendants(), e => e.Name.LocalName == "f");
    }
}
