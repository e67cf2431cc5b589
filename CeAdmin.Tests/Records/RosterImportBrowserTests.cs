using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Demo;
using CeAdmin.Domain.Records;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniExcelLibs;
using T = CeAdmin.Domain.Records.RecordImportTemplate;

namespace CeAdmin.Tests.Records;

/// <summary>Where records come from, through the UI: an institution's 结业名单 and an authority's Excel import.</summary>
public sealed class RosterImportBrowserTests(BrowserFixture browser) : BrowserTest
{
    /// <summary>The 继续教育记录 card of the signed-in authority's 统计分析, all years.</summary>
    private static async Task<int> StatisticsRecordsAsync(IPage page)
    {
        await page.GotoAsync("/statistics");
        await BrowserFixture.WaitInteractiveAsync(page);
        var card = page.Locator("#stat-summary .stat-card", new() { HasTextString = "继续教育记录" }).Locator(".stat-value");
        await Assertions.Expect(card).ToBeVisibleAsync();
        // The page opens on last year; the roster's class is this year's.
        await Ui.SelectAsync(page, "#stat-year", "全部年度");
        await page.ClickAsync("#stat-search");
        await Assertions.Expect(page.Locator("#stat-breadcrumb")).ToContainTextAsync("全部年度");
        return int.Parse((await card.InnerTextAsync()).Replace("条", "").Replace(",", "").Trim());
    }

    [Fact]
    public async Task Institution_enters_each_trainees_region_and_the_county_finds_its_record_in_query_and_statistics()
    {
        // 天河区's authority counts its records before the city-level institution's roster is entered.
        var county = await browser.SignedInPageAsync("th_edu", "广州市天河区教育局");
        var before = await StatisticsRecordsAsync(county);

        // A person who already has a record outside 天河区: the roster offers that record's 工作单位 and 所属地区.
        CeRecord known;
        await using (var db = browser.Server.Services.GetRequiredService<AppDbContextOptions>().Create())
            known = await db.CeRecords.AsNoTracking().Where(r => r.WorkUnit != "" && r.RegionCode.StartsWith("4403") && r.SeriesId == 1)
                .OrderByDescending(r => r.EndDate).ThenByDescending(r => r.Id).FirstAsync();

        var page = await browser.SignedInPageAsync("gz_train", "广州市专业技术人员继续教育培训中心");
        await Ui.MenuAsync(page, "培训班结业名单");
        var awaiting = page.Locator("#roster-classes tbody tr", new() { HasTextString = "待录入" }).First;
        await Assertions.Expect(awaiting).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "1.7-roster-01-classes");

        await awaiting.Locator("button.enter-roster").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog.Locator(".roster-head")).ToContainTextAsync("专业课程");
        // 1: a 天河区 professional trained by a 广州市 institution.
        var first = DemoIds.IdNumber("440104", new DateOnly(1987, 10, 3), 517);
        await dialog.Locator(".entry-name input").First.FillAsync("梁思远");
        await dialog.Locator(".entry-id input").First.FillAsync(first);
        await dialog.Locator(".entry-id input").First.BlurAsync();
        await dialog.Locator(".entry-work-unit input").First.FillAsync("华南师范大学");
        await Assertions.Expect(dialog.Locator(".entry-authority").First).ToContainTextAsync("选择所属地区后确定");
        await Ui.SelectAsync(page, "#entry-0-region-city", "广州市");
        await Assertions.Expect(dialog.Locator(".entry-authority").First).ToContainTextAsync("广州市教育局");
        await Ui.SelectAsync(page, "#entry-0-region-county", "天河区");
        await Assertions.Expect(dialog.Locator(".entry-authority").First).ToContainTextAsync("广州市天河区教育局");
        // 2: nothing about where she works yet, and a wrong ID number.
        await dialog.Locator("#roster-add").ClickAsync();
        await dialog.Locator(".entry-name input").Nth(1).FillAsync("何雨桐");
        await dialog.Locator(".entry-id input").Nth(1).FillAsync("440106199001011234");
        await dialog.Locator("#roster-submit").ClickAsync();
        await Assertions.Expect(dialog.GetByText("公民身份号码格式或校验位不正确")).ToBeVisibleAsync();
        await Assertions.Expect(dialog.GetByText("请选择性别")).ToBeVisibleAsync();
        await Assertions.Expect(dialog.GetByText("请输入工作单位")).ToBeVisibleAsync();
        await Assertions.Expect(dialog.GetByText("请选择所属地区")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "1.7-roster-02-field-errors");

        var second = DemoIds.IdNumber("440106", new DateOnly(1990, 1, 1), 122);
        await dialog.Locator(".entry-id input").Nth(1).FillAsync(second);
        await dialog.Locator(".entry-id input").Nth(1).BlurAsync();
        await Assertions.Expect(dialog.Locator(".entry-gender").Nth(1)).ToContainTextAsync("女");
        await dialog.Locator(".entry-work-unit input").Nth(1).FillAsync("广东省教育研究院");
        await Ui.SelectAsync(page, "#entry-1-region-city", "省直单位");
        await Assertions.Expect(dialog.Locator(".entry-authority").Nth(1)).ToContainTextAsync("广东省教育厅");
        // Corrected fields drop their messages.
        foreach (var message in new[] { "公民身份号码格式或校验位不正确", "请选择性别", "请输入工作单位", "请选择所属地区" })
            await Assertions.Expect(dialog.GetByText(message)).ToHaveCountAsync(0);
        // 3: the known person: 工作单位 and 所属地区 come from his latest record, and the dialog says so.
        await dialog.Locator("#roster-add").ClickAsync();
        await dialog.Locator(".entry-name input").Nth(2).FillAsync(known.PersonName);
        await dialog.Locator(".entry-id input").Nth(2).FillAsync(known.IdNumber);
        await dialog.Locator(".entry-id input").Nth(2).BlurAsync();
        await Assertions.Expect(dialog.Locator(".entry-filled-from")).ToContainTextAsync(known.EndDate.ToString("yyyy-MM-dd"));
        await Assertions.Expect(dialog.Locator(".entry-work-unit input").Nth(2)).ToHaveValueAsync(known.WorkUnit);
        await Assertions.Expect(dialog.Locator(".entry-authority").Nth(2)).ToContainTextAsync("广东省教育厅");
        await BrowserFixture.ScreenshotAsync(page, "1.7-roster-03-trainee-regions", fullPage: false);
        await page.SetViewportSizeAsync(1366, 768);
        await BrowserFixture.ScreenshotAsync(page, "1.7-roster-03-trainee-regions-1366", fullPage: false);

        await dialog.Locator("#roster-submit").ClickAsync();
        await Assertions.Expect(page.GetByText("已为3名合格学员生成继续教育记录")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#roster-classes")).ToContainTextAsync("已录入 3 人合格");
        await BrowserFixture.ScreenshotAsync(page, "1.7-roster-04-recorded");

        // 天河区 finds its professional's record in 继续教育记录查询 and counts it in 统计分析; the others are not its.
        await Ui.MenuAsync(county, "继续教育记录查询");
        await county.WaitForURLAsync(u => u.EndsWith("/records"));
        await BrowserFixture.WaitInteractiveAsync(county);
        await county.FillAsync("#filter-id", first);
        await county.ClickAsync("#records-search");
        var row = county.Locator("#records-grid tbody tr").First;
        await Assertions.Expect(row).ToContainTextAsync("梁思远");
        await Assertions.Expect(row).ToContainTextAsync("广州市天河区");
        await Assertions.Expect(row).ToContainTextAsync("广州市天河区教育局");
        await Assertions.Expect(county.Locator("#records-total")).ToContainTextAsync("共 1 条");
        await BrowserFixture.ScreenshotAsync(county, "1.7-roster-05-county-query");
        await county.FillAsync("#filter-id", second);
        await county.ClickAsync("#records-search");
        await Assertions.Expect(county.Locator("#records-total")).ToContainTextAsync("共 0 条");
        Assert.Equal(before + 1, await StatisticsRecordsAsync(county));
        await BrowserFixture.ScreenshotAsync(county, "1.7-roster-06-county-statistics");
    }

    [Fact]
    public async Task Authority_imports_a_workbook_reads_the_reason_of_every_bad_row_and_decides_on_an_overlapping_one()
    {
        var page = await browser.SignedInPageAsync("gz_edu", "广州市教育局");
        await Ui.MenuAsync(page, "继续教育记录导入");
        await Assertions.Expect(page.Locator(".rules-table")).ToContainTextAsync("公民身份号码");
        await Assertions.Expect(page.Locator(".rules-table")).ToContainTextAsync(T.WorkUnit);

        var template = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-template"));
        Assert.Equal("继续教育记录导入模板.xlsx", template.SuggestedFilename);

        // Last year's dates: its catalog is published and the dates are past.
        var year = DateTime.Today.Year - 1;
        var good = DemoIds.IdNumber("440106", new DateOnly(1983, 2, 9), 301);
        string Id(int seq) => DemoIds.IdNumber("440106", new DateOnly(1984, 7, 1), seq);
        Dictionary<string, object?> Row(string id, string region = "广州市天河区", object? hours = null, string name = "导入学员", string unit = "华南师范大学",
            string? authority = null, string? start = null, string? end = null, object? days = null, int? rowYear = null) => new()
        {
            [T.Name] = name, [T.Gender] = IdNumber.GenderOf(id) == Gender.Male ? "男" : "女", [T.IdNumber] = id, [T.WorkUnit] = unit, [T.Region] = region,
            [T.Authority] = authority, [T.Course] = "高校课程思政建设与实践", [T.SubjectType] = "专业科目", [T.StudyMode] = "面授培训",
            [T.Start] = start ?? $"{year}-06-10", [T.End] = end ?? $"{year}-06-12", [T.Days] = days ?? 3, [T.Result] = "合格", [T.Hours] = hours ?? 24,
            [T.Institution] = "广州市专业技术人员继续教育培训中心", [T.Year] = rowYear ?? year, [T.Location] = "广州市越秀区", [T.Content] = "课程思政", [T.Remarks] = "",
        };
        var soon = DateTime.Today.AddDays(5);
        var rows = new[]
        {
            Row(good),                                                                                     // 2 imported
            Row(Id(302), region: "440304"),                                                                // 3
            Row(Id(303), hours: 40),                                                                       // 4
            Row(Id(304), start: $"{soon:yyyy-MM-dd}", end: $"{soon:yyyy-MM-dd}", days: 1, hours: 8, rowYear: soon.Year), // 5
            Row(Id(305), start: $"{year - 1}-12-10", end: $"{year - 1}-12-12"),                            // 6
            Row(Id(306), days: 5),                                                                         // 7
            Row(Id(307), name: "=HYPERLINK(\"http://x\",\"y\")"),                                      // 8
            Row(Id(308), authority: "广州市教育局"),                                                        // 9
            Row(Id(309), unit: ""),                                                                        // 10
            Row(good),                                                                                     // 11
            Row(good, start: $"{year}-06-12", end: $"{year}-06-13", days: 2, hours: 16),                   // 12 overlaps row 2
        };
        string[] reasons =
        [
            "所属地区“深圳市福田区”不在本单位管辖范围内", "即24学时", "学习开始时间不能晚于今天", $"申报年度应为学习开始时间所在的年度（{year - 1}年）",
            "参训天数不能超过学习开始至结束的天数（3天）", "姓名不能以 = + - @ 开头", "主管部门应为“广州市天河区教育局”", "请填写工作单位", "与第2行重复",
        ];
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".xlsx");
        MiniExcel.SaveAs(path, rows);
        try
        {
            await page.SetInputFilesAsync("#import-upload input[type=file]", path);
            await Assertions.Expect(page.Locator("#import-summary")).ToContainTextAsync("已导入 1 行");
            await Assertions.Expect(page.Locator("#import-summary")).ToContainTextAsync("未导入 9 行");
            var grid = page.Locator("#import-problems");
            foreach (var reason in reasons) await Assertions.Expect(grid).ToContainTextAsync(reason);
            var held = grid.Locator("tbody tr", new() { HasTextString = "与第2行（同一人员）时间重叠" });
            await Assertions.Expect(held.Locator("td").First).ToHaveTextAsync("12");
            await Assertions.Expect(page.Locator("#import-held")).ToContainTextAsync("第 12 行");
            await BrowserFixture.ScreenshotAsync(page, "1.7-import-01-result");
            await page.SetViewportSizeAsync(1366, 768);
            await BrowserFixture.ScreenshotAsync(page, "1.7-import-01-result-1366");

            var report = await page.RunAndWaitForDownloadAsync(() => page.Locator("#import-result button.export-button").ClickAsync());
            Assert.StartsWith("继续教育记录导入未通过明细", report.SuggestedFilename);
            var reportPath = path + ".report.xlsx";
            await report.SaveAsAsync(reportPath);
            var lines = MiniExcel.Query(reportPath, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
            File.Delete(reportPath);
            Assert.Equal(Enumerable.Range(3, 10).Select(r => (double)r), lines.Select(l => (double)l["行号"]!).Distinct());
            Assert.All(reasons, reason => Assert.Contains(lines, l => ((string?)l["原因"] ?? "").Contains(reason, StringComparison.Ordinal)));
            Assert.Contains("时间重叠", (string?)lines.Single(l => (double)l["行号"]! == 12)["提示"]);

            // The operator has read the warning and imports the overlapping row after all.
            await page.ClickAsync("#import-held-confirm");
            await Assertions.Expect(page.Locator("#import-summary")).ToContainTextAsync("已导入 2 行");
            await Assertions.Expect(page.Locator("#import-held")).ToHaveCountAsync(0);
            await Assertions.Expect(grid).Not.ToContainTextAsync("时间重叠");
            await BrowserFixture.ScreenshotAsync(page, "1.7-import-02-overlap-imported");

            // Not a workbook: the clear message, nothing imported.
            await File.WriteAllTextAsync(path, "姓名,性别\n张三,男");
            await page.SetInputFilesAsync("#import-upload input[type=file]", path);
            await Assertions.Expect(page.GetByText("文件不是有效的Excel工作簿(.xlsx)")).ToBeVisibleAsync();
        }
        finally
        {
            File.Delete(path);
        }
    }
}
