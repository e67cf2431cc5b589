using CeAdmin.Domain.Records;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using T = CeAdmin.Domain.Records.RecordImportTemplate;
using static CeAdmin.Tests.Records.ImportRows;

namespace CeAdmin.Tests.Records;

/// <summary>
/// The import's rules for dates, days, hours, names, the trainee's 主管部门 and overlapping records,
/// as the Guangzhou authority; today is 2026-03-02 (TestApp's clock).
/// </summary>
public sealed class RecordImportRuleTests() : IntegrationTest(demo: true)
{
    private async Task<RecordImportService> ImporterAsync() => App.As<RecordImportService>(await App.DemoActorAsync("gz_edu"));

    private static void Has(RecordImportResult result, int row, string column, string reason) =>
        Assert.Contains(result.Problems, p => p.Row == row && p.Column == column && p.Reason.Contains(reason, StringComparison.Ordinal));

    [Fact]
    public async Task Dates_in_the_future_or_outside_the_year_and_days_that_do_not_fit_the_dates_are_refused()
    {
        const string Public = "专业技术人员职业道德与诚信建设";
        var rows = new List<Dictionary<string, object?>>
        {
            Row(Id("440106", 201)),                                                                                // 2 valid
            Row(Id("440106", 202), start: "2026-03-05", end: "2026-03-06", days: 2d, hours: 16d, year: 2026d),      // 3 future
            Row(Id("440106", 203), start: "2026-02-27", end: "2026-03-03", days: 5d, hours: 40d, year: 2026d),      // 4 ends in the future
            Row(Id("440106", 204), course: Public, subject: "公需科目", start: "2024-12-10", end: "2024-12-12"),       // 5 year is not the start's
            Row(Id("440106", 205), course: Public, subject: "公需科目", start: "2024-12-30", end: "2026-01-02", year: 2024d), // 6 ends two years on
            Row(Id("440106", 206), course: Public, subject: "公需科目", start: "2024-12-30", end: "2025-01-01", year: 2024d), // 7 valid: across New Year
            Row(Id("440106", 207), start: "2025-05-10", end: "2025-05-14", days: 0.5d, hours: 4d),                  // 8 too few days
            Row(Id("440106", 208), days: 2.3d, hours: 16d),                                                         // 9 not in half days
            Row(Id("440106", 209), days: 5d, hours: 40d),                                                           // 10 more days than dates
            Row(Id("440106", 210), start: "2025-05-10", end: "2025-05-10", days: 0.5d, hours: 4d),                  // 11 valid: half a day
        };

        var result = await (await ImporterAsync()).ImportAsync(Workbook(rows));

        Has(result, 3, T.Start, "学习开始时间不能晚于今天（2026-03-02）");
        Has(result, 3, T.End, "学习结束时间不能晚于今天");
        Has(result, 4, T.End, "学习结束时间不能晚于今天（2026-03-02）");
        Assert.DoesNotContain(result.Problems, p => p.Row == 4 && p.Column == T.Start);
        Has(result, 5, T.Year, "申报年度应为学习开始时间所在的年度（2024年）");
        Has(result, 6, T.End, "学习结束时间应在申报年度或其次年内（2024—2025年）");
        Has(result, 8, T.Days, "学习开始至结束共5天，参训天数至少为1天");
        Has(result, 9, T.Days, "参训天数以0.5天为单位");
        Has(result, 10, T.Days, "参训天数不能超过学习开始至结束的天数（3天）");
        Assert.Equal([3, 4, 5, 6, 8, 9, 10], result.Problems.Select(p => p.Row).Distinct());
        Assert.Equal(3, result.Imported);
        await using var db = App.Db();
        Assert.Equal(3, await db.CeRecords.CountAsync(r => r.PersonName == "测试学员"));
    }

    [Fact]
    public async Task Hours_follow_the_same_per_year_rules_as_plans_including_a_year_without_its_own_rule()
    {
        await using (var db = App.Db())
        {
            // The administrator's book: 2025 changed to 6 学时 a day; 2023 and 2024 removed, so they follow 2022 (8 a day).
            (await db.HoursRules.SingleAsync(r => r.Year == 2025)).HoursPerDay = 6;
            db.HoursRules.RemoveRange(db.HoursRules.Where(r => r.Year == 2023 || r.Year == 2024));
            await db.SaveChangesAsync();
        }
        const string Public = "专业技术人员职业道德与诚信建设";
        var rows = new List<Dictionary<string, object?>>
        {
            Row(Id("440106", 301), hours: 24d),                                                                              // 2: 3 × 6 = 18
            Row(Id("440106", 302), hours: 18d),                                                                              // 3 valid
            Row(Id("440106", 303), course: Public, subject: "公需科目", start: "2024-05-10", end: "2024-05-12", hours: 24d, year: 2024d), // 4 valid: 3 × 8
            Row(Id("440106", 304), course: Public, subject: "公需科目", start: "2024-05-10", end: "2024-05-12", hours: 25d, year: 2024d), // 5
        };

        var result = await (await ImporterAsync()).ImportAsync(Workbook(rows));

        Has(result, 2, T.Hours, "拟申报学时不能超过参训天数×每天6学时（2025年度规定），即18学时");
        Has(result, 5, T.Hours, "每天8学时（2024年度规定），即24学时");
        Assert.Equal([2, 5], result.Problems.Select(p => p.Row).Distinct());
        Assert.Equal(2, result.Imported);
    }

    [Fact]
    public async Task Names_follow_the_one_name_rule_and_the_authority_must_be_the_one_the_region_gives()
    {
        var rows = new List<Dictionary<string, object?>>
        {
            Row(Id("440106", 401), name: "=HYPERLINK(\"http://x\",\"y\")"),                     // 2
            Row(Id("440106", 402), name: "张\u0007三"),                                          // 3
            Row(Id("440106", 403), name: "张三1"),                                               // 4
            Row(Id("440106", 404), name: new string('A', 51)),                                    // 5
            Row(Id("440106", 405), name: "John Smith"),                                          // 6 valid
            Row(Id("440106", 406), name: "阿沛·阿旺晋美"),                                        // 7 valid
            Row(Id("440106", 407), unit: ""),                                                    // 8
            Row(Id("440106", 408), authority: "广州市教育局"),                                     // 9
            Row(Id("440106", 409), authority: "广州市天河区教育局"),                               // 10 valid
            Row(Id("440104", 410), region: "440104", authority: "广州市越秀区教育局"),              // 11: 越秀区's is not approved
            Row(Id("440304", 411), region: "440304"),                                            // 12
        };

        var result = await (await ImporterAsync()).ImportAsync(Workbook(rows));

        Has(result, 2, T.Name, "姓名不能以 = + - @ 开头");
        Has(result, 3, T.Name, "姓名不能包含控制字符");
        Has(result, 4, T.Name, "姓名只能为中文（少数民族姓名可用间隔号“·”分隔）或英文字母和空格");
        Has(result, 5, T.Name, "姓名不能超过50个字");
        Has(result, 8, T.WorkUnit, "请填写工作单位");
        Has(result, 9, T.Authority, "主管部门应为“广州市天河区教育局”（由所属地区和专业系列确定），或留空");
        Has(result, 11, T.Authority, "主管部门应为“广州市教育局”");
        Has(result, 12, T.Region, "所属地区“深圳市福田区”不在本单位管辖范围内");
        Assert.Equal([2, 3, 4, 5, 8, 9, 11, 12], result.Problems.Select(p => p.Row).Distinct());
        await using var db = App.Db();
        string[] ids = [Id("440106", 405), Id("440106", 406), Id("440106", 409)];
        var imported = await db.CeRecords.Where(r => ids.Contains(r.IdNumber)).OrderBy(r => r.Id).Select(r => r.PersonName).ToListAsync();
        Assert.Equal(["John Smith", "阿沛·阿旺晋美", "测试学员"], imported);
    }

    [Fact]
    public async Task A_row_overlapping_another_record_of_the_person_waits_with_a_warning_and_is_imported_when_the_operator_decides()
    {
        CeRecord existing;
        await using (var db = App.Db())
            existing = await db.CeRecords.AsNoTracking().OrderBy(r => r.Id)
                .FirstAsync(r => r.RegionCode == "440106" && r.SeriesId == 1 && r.SubjectType == RecordValues.Public && r.Days >= 2);
        var person = Id("440106", 501);
        var rows = new List<Dictionary<string, object?>>
        {
            Row(person),                                                                                          // 2 valid
            Row(person, course: "专业技术人员职业道德与诚信建设", subject: "公需科目", start: "2025-05-12", end: "2025-05-13", days: 2d, hours: 16d), // 3 overlaps row 2
            Row(existing.IdNumber, course: "学术论文写作与规范", subject: "选修科目", start: existing.StartDate.ToString("yyyy-MM-dd"),
                end: existing.StartDate.AddDays(1).ToString("yyyy-MM-dd"), days: 2d, hours: 12d, year: (double)existing.Year), // 4 overlaps a saved record
            Row(person, start: "2025-05-12", end: "2025-05-12", days: 1d, hours: 8d, course: Course),             // 5 same course, other dates: overlaps too
        };
        var file = Workbook(rows).ToArray();
        var importer = await ImporterAsync();

        var first = await importer.ImportAsync(new MemoryStream(file));
        Assert.Equal((4, 1, 0), (first.RowsRead, first.Imported, first.RejectedRows));
        Assert.Equal([3, 4, 5], first.HeldRows.Order());
        Assert.All(first.Problems, p => Assert.True(p.IsWarning && p.Reason.Length == 0));
        Assert.Contains("与第2行（同一人员）时间重叠", first.Problems.Single(p => p.Row == 3).Warning);
        Assert.Contains($"与该人员已有记录《{existing.CourseName}》（{existing.StartDate:yyyy-MM-dd}至{existing.EndDate:yyyy-MM-dd}）时间重叠",
            first.Problems.Single(p => p.Row == 4).Warning);
        await using (var db = App.Db())
            Assert.Equal(1, await db.CeRecords.CountAsync(r => r.IdNumber == person));

        // The operator has read the warnings and imports the held rows; row 2 is not imported twice.
        var second = await importer.ImportAsync(new MemoryStream(file), new RecordImportOptions(ImportOverlapping: true, OnlyRows: first.HeldRows));
        Assert.Equal((3, 3), (second.RowsRead, second.Imported));
        Assert.Empty(second.Problems);
        await using (var db = App.Db())
        {
            Assert.Equal(3, await db.CeRecords.CountAsync(r => r.IdNumber == person));
            Assert.True(await db.CeRecords.AnyAsync(r => r.IdNumber == existing.IdNumber && r.CourseName == "学术论文写作与规范" && r.StartDate == existing.StartDate));
        }
    }
}
