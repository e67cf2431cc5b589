using CeAdmin.Domain.Common;
using CeAdmin.Demo;
using CeAdmin.Domain.Exports;
using CeAdmin.Domain.Records;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using T = CeAdmin.Domain.Records.RecordImportTemplate;
using static CeAdmin.Tests.Records.ImportRows;

namespace CeAdmin.Tests.Records;

/// <summary>继续教育记录导入 with a mix of valid and invalid rows, as the Guangzhou authority.</summary>
public sealed class RecordImportTests() : IntegrationTest(demo: true)
{
    [Fact]
    public async Task Valid_rows_are_all_imported_and_every_invalid_row_is_reported_with_column_and_reason()
    {
        CeRecord existing;
        await using (var db = App.Db())
            existing = await db.CeRecords.AsNoTracking().OrderBy(r => r.Id).FirstAsync(r => r.RegionCode == "440106" && r.SeriesId == 1);

        string[] valid = [Id("440106", 101), Id("440104", 102), Id("440105", 103), Id("440106", 117)];
        var badCheck = Id("440106", 104);
        badCheck = badCheck[..17] + (badCheck[17] == '0' ? '1' : '0');
        var rows = new List<Dictionary<string, object?>>
        {
            Row(valid[0]),                                                                                       // 2
            Row(valid[1], region: "440104", course: "专业技术人员职业道德与诚信建设", subject: "公需科目"),             // 3
            Row(badCheck),                                                                                       // 4
            Row(valid[2], region: "广州市海珠区", course: "学术论文写作与规范", subject: "选修科目",
                start: new DateTime(2024, 9, 2), end: "2024/9/3", days: 2d, hours: 16d, year: 2024d),            // 5
            Row(Id("440106", 106), start: "2025-05-12", end: "2025-05-10"),                                      // 6
            Row(Id("440106", 107), hours: 30d),                                                                  // 7
            Row(Id("440106", 108), course: "不存在的专业课"),                                                      // 8
            Row(Id("440106", 109), institution: "未登记的培训机构"),                                                // 9
            Row(Id("440304", 110), region: "440304"),                                                            // 10
            Row(existing.IdNumber, course: existing.CourseName, subject: existing.SubjectType,
                start: existing.StartDate.ToString("yyyy-MM-dd"), end: existing.EndDate.ToString("yyyy-MM-dd"),
                days: (double)existing.Days, hours: (double)existing.Hours, year: (double)existing.Year),        // 11
            Row(valid[0]),                                                                                       // 12
            Row(Id("440106", 113), idCell: 440106198603151139d),                                                 // 13
            Row(Id("440106", 114), course: "专业技术人员职业道德与诚信建设", subject: "公需科目",
                start: "2019-06-01", end: "2019-06-03", hours: 24d, year: 2019d),                                // 14
            Row(Id("440106", 115), gender: GenderOf(Id("440106", 116)), start: "2025-13-01"),                    // 15
            Row(valid[3], course: "专业技术人员职业道德与诚信建设", subject: "公需科目",
                start: "2019-06-01", end: "2019-06-03", hours: 18d, year: 2019d),                                // 16
        };
        var blank = rows[0].ToDictionary(kv => kv.Key, _ => (object?)null);
        rows.Insert(rows.Count - 1, blank);                                                                     // 16 is blank, the last row is 17

        var result = await App.As<RecordImportService>(await App.DemoActorAsync("gz_edu")).ImportAsync(Workbook(rows));

        Assert.Equal(15, result.RowsRead);
        Assert.Equal(4, result.Imported);
        Assert.Equal(11, result.RejectedRows);
        void Has(int row, string column, string reason) =>
            Assert.Contains(result.Problems, p => p.Row == row && p.Column == column && p.Reason.Contains(reason, StringComparison.Ordinal));
        Has(4, T.IdNumber, "校验位");
        Has(6, T.End, "不能早于学习开始时间");
        Has(7, T.Hours, "即24学时");
        Has(8, T.Course, "不在2025年度已发布的高等学校教师专业课目录中");
        Has(9, T.Institution, "未在本系统登记");
        Has(10, T.Region, "不在本单位管辖范围内");
        Has(11, T.IdNumber, "不能重复导入");
        Has(12, T.IdNumber, "与第2行重复");
        Has(13, T.IdNumber, "文本格式");
        Has(14, T.Hours, "每天6学时（2019年度规定），即18学时");
        Has(15, T.Gender, "性别与公民身份号码不符");
        Has(15, T.Start, "不是有效的日期");
        Assert.DoesNotContain(result.Problems, p => p.Row is 2 or 3 or 5 or 16 or 17);

        await using (var db = App.Db())
        {
            var imported = await db.CeRecords.AsNoTracking().Where(r => valid.Contains(r.IdNumber)).OrderBy(r => r.Id).ToListAsync();
            Assert.Equal(valid, imported.Select(r => r.IdNumber));
            Assert.All(imported, r => Assert.Equal(RecordSource.Import, r.Source));
            Assert.Equal(("广州市天河区教育局", "440106", "高校课程思政建设与实践", "华南师范大学"), (imported[0].AuthorityName, imported[0].RegionCode, imported[0].CourseName, imported[0].WorkUnit));
            Assert.NotNull(imported[0].CatalogCourseId);
            Assert.Equal(("广州市教育局", "公需科目"), (imported[1].AuthorityName, imported[1].SubjectType));
            Assert.Equal(("440105", new DateOnly(2024, 9, 2), new DateOnly(2024, 9, 3), 16m), (imported[2].RegionCode, imported[2].StartDate, imported[2].EndDate, imported[2].Hours));
        }

        // The report names every rejected row with its column and reason.
        var report = new MemoryStream();
        await result.WriteReportAsync(report, null, CancellationToken.None);
        var lines = MiniExcel.Query(new MemoryStream(report.ToArray()), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["行号", "列", "原因", "提示", "姓名", "公民身份号码"], lines[0].Keys);
        Assert.Equal(result.Problems.Count, lines.Count);
        Assert.Equal([4d, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15], lines.Select(l => (double)l["行号"]!).Distinct());
    }

    [Fact]
    public async Task A_file_that_is_not_a_workbook_or_lacks_columns_is_refused_as_a_whole()
    {
        var service = App.As<RecordImportService>(await App.DemoActorAsync("gz_edu"));
        var text = await Assert.ThrowsAsync<DomainException>(() => service.ImportAsync(new MemoryStream("姓名,性别\n张三,男"u8.ToArray())));
        Assert.Equal("文件不是有效的Excel工作簿(.xlsx)", text.Message);
        var zip = await Assert.ThrowsAsync<DomainException>(() => service.ImportAsync(new MemoryStream([(byte)'P', (byte)'K', 3, 4, 0, 0, 0])));
        Assert.Equal("文件不是有效的Excel工作簿(.xlsx)", zip.Message);

        var partial = Workbook([new() { [T.Name] = "张三", [T.IdNumber] = Id("440106", 101) }]);
        var missing = await Assert.ThrowsAsync<DomainException>(() => service.ImportAsync(partial));
        Assert.Contains("文件缺少模板列：性别、工作单位、所属地区、课程名称", missing.Message);
        Assert.DoesNotContain(T.Authority, missing.Message);
        Assert.DoesNotContain(T.Remarks, missing.Message);

        var template = new MemoryStream();
        await T.WriteAsync(template);
        template.Position = 0;
        var empty = await Assert.ThrowsAsync<DomainException>(() => service.ImportAsync(template));
        Assert.Contains("没有数据行", empty.Message);

        await Assert.ThrowsAsync<ScopeException>(async () =>
            await App.As<RecordImportService>(await App.DemoActorAsync("hrss_reviewer")).ImportAsync(Workbook([Row(Id("440106", 101))])));
        await using var db = App.Db();
        Assert.False(await db.CeRecords.AnyAsync(r => r.Source == RecordSource.Import && r.PersonName == "测试学员"));
    }
}
