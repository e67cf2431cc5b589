using CeAdmin.Domain.Demo;
using CeAdmin.Domain.Records;
using CeAdmin.Tests.Infrastructure;
using Microsoft.Playwright;
using MiniExcelLibs;
using T = CeAdmin.Domain.Records.RecordImportTemplate;

namespace CeAdmin.Tests.Browser;

/// <summary>Where records come from, through the UI: an institution's 结业名单 and an authority's Excel import.</summary>
[Trait("Category", "Browser")]
[Collection("Browser")]
public sealed class RosterImportBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Institution_enters_the_roster_of_an_ended_class()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "gz_train", "广州市专业技术人员继续教育培训中心");
        await page.GetByRole(AriaRole.Link, new() { Name = "培训班结业名单" }).ClickAsync();
        var awaiting = page.Locator("#roster-classes tbody tr", new() { HasTextString = "待录入" }).First;
        await Assertions.Expect(awaiting).ToBeVisibleAsync();
        await Screens.ShotAsync(page, "1.7-roster-01-classes");

        await awaiting.Locator("button.enter-roster").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog.Locator(".roster-head")).ToContainTextAsync("专业课程");
        var first = DemoIds.IdNumber("440104", new DateOnly(1987, 10, 3), 517);
        await dialog.Locator(".entry-name input").First.FillAsync("梁思远");
        await dialog.Locator(".entry-id input").First.FillAsync(first);
        await dialog.Locator(".entry-id input").First.BlurAsync();
        await dialog.Locator("#roster-add").ClickAsync();
        await dialog.Locator(".entry-name input").Nth(1).FillAsync("何雨桐");
        await dialog.Locator(".entry-id input").Nth(1).FillAsync("440106199001011234");
        await dialog.Locator("#roster-submit").ClickAsync();
        await Assertions.Expect(dialog.GetByText("公民身份号码格式或校验位不正确")).ToBeVisibleAsync();
        await Assertions.Expect(dialog.GetByText("请选择性别")).ToBeVisibleAsync();
        await Screens.ShotAsync(page, "1.7-roster-02-field-errors");

        var second = DemoIds.IdNumber("440106", new DateOnly(1990, 1, 1), 122);
        await dialog.Locator(".entry-id input").Nth(1).FillAsync(second);
        await dialog.Locator(".entry-id input").Nth(1).BlurAsync();
        await Assertions.Expect(dialog.Locator(".entry-gender").Nth(1)).ToContainTextAsync("女");
        await dialog.Locator("#roster-submit").ClickAsync();
        await Assertions.Expect(page.GetByText("已为2名合格学员生成继续教育记录")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#roster-classes")).ToContainTextAsync("已录入 2 人合格");
        await Screens.ShotAsync(page, "1.7-roster-03-recorded");
    }

    [Fact]
    public async Task Authority_imports_a_workbook_and_sees_every_rejected_row()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "gz_edu", "广州市教育局");
        await page.GetByRole(AriaRole.Link, new() { Name = "继续教育记录导入" }).ClickAsync();
        await Assertions.Expect(page.Locator(".rules-table")).ToContainTextAsync("公民身份号码");

        var template = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-template"));
        Assert.Equal("继续教育记录导入模板.xlsx", template.SuggestedFilename);

        var good = DemoIds.IdNumber("440106", new DateOnly(1983, 2, 9), 301);
        var bad = DemoIds.IdNumber("440304", new DateOnly(1984, 7, 1), 302);
        Dictionary<string, object?> Row(string id, string region, object hours) => new()
        {
            [T.Name] = "导入学员", [T.Gender] = "男", [T.IdNumber] = id, [T.Region] = region, [T.Course] = "高校课程思政建设与实践",
            [T.SubjectType] = "专业科目", [T.StudyMode] = "面授培训", [T.Start] = "2025-06-10", [T.End] = "2025-06-12", [T.Days] = 3,
            [T.Result] = "合格", [T.Hours] = hours, [T.Institution] = "广州市专业技术人员继续教育培训中心", [T.Year] = 2025,
            [T.Location] = "广州市越秀区", [T.Content] = "课程思政", [T.Remarks] = "",
        };
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".xlsx");
        MiniExcel.SaveAs(path, new[] { Row(good, "广州市天河区", 24), Row(bad, "440304", 40) });
        try
        {
            await page.SetInputFilesAsync("#import-upload input[type=file]", path);
            await Assertions.Expect(page.Locator("#import-summary")).ToContainTextAsync("已导入 1 行");
            await Assertions.Expect(page.Locator("#import-problems")).ToContainTextAsync("不在本单位管辖范围内");
            await Assertions.Expect(page.Locator("#import-problems")).ToContainTextAsync("即24学时");
            await Screens.ShotAsync(page, "1.7-import-01-result");

            var report = await page.RunAndWaitForDownloadAsync(() => page.Locator("#import-result button.export-button").ClickAsync());
            Assert.StartsWith(RecordImportResult.ReportTitle, report.SuggestedFilename);
            var reportPath = path + ".report.xlsx";
            await report.SaveAsAsync(reportPath);
            var lines = MiniExcel.Query(reportPath, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
            Assert.All(lines, l => Assert.Equal(3d, l["行号"]));
            Assert.Contains(lines, l => (string?)l["列"] == T.Region);
            Assert.Contains(lines, l => (string?)l["列"] == T.Hours);
            File.Delete(reportPath);

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
