using CeAdmin.Tests.Attachments;
using CeAdmin.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CeAdmin.Tests.Institutions;

/// <summary>
/// Manual 1.3.1 and 1.5.2 through the real UI: the province publishes a catalog, an institution
/// applies for a training qualification with its attachment, and the city authority approves it.
/// </summary>
public sealed class QualificationBrowserTests(BrowserFixture browser) : BrowserTest
{
    [Fact]
    public async Task Publish_catalog_then_institution_applies_and_authority_approves()
    {
        var page = await browser.NewPageAsync();

        // 1.3.1 the province-level authority publishes next year's catalog.
        await browser.SignInAsync(page, "gd_edu", "广东省教育厅");
        await browser.GotoAsync(page, "/catalogs");
        await BrowserFixture.ScreenshotAsync(page, "1.3.1-01-list");
        await page.ClickAsync("#new-catalog");
        await BrowserFixture.WaitInteractiveAsync(page);
        await Ui.SelectAsync(page, "#catalog-series", "高等学校教师");
        await Ui.SelectAsync(page, "#catalog-year", (DateTime.UtcNow.Year + 1).ToString());
        await page.FillAsync("#catalog-operator", "李文华");
        await page.ClickAsync("#save-catalog");
        await Ui.ExpectSnackbarAsync(page, "基本信息已保存");
        await page.WaitForURLAsync(u => System.Text.RegularExpressions.Regex.IsMatch(u, @"/catalogs/\d+$"), new() { WaitUntil = WaitUntilState.Commit });
        await page.ClickAsync("#add-course");
        await page.FillAsync("#course-name", "高校教师数字化教学能力提升");
        await page.FillAsync("#course-content", "信息化教学设计、在线课程建设与混合式教学实施");
        await page.ClickAsync("#course-save-new");
        await Assertions.Expect(page.Locator("#course-added")).ToContainTextAsync("1");
        await page.FillAsync("#course-name", "高校课程思政建设");
        await page.FillAsync("#course-content", "课程思政的理念、方法与案例");
        await BrowserFixture.ScreenshotAsync(page, "1.3.1-02-add-course");
        await page.ClickAsync("#course-save");
        await Assertions.Expect(page.Locator("#course-table")).ToContainTextAsync("高校课程思政建设");
        await page.ClickAsync("#publish-catalog");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "确认", Exact = true }).ClickAsync();
        await Ui.ExpectSnackbarAsync(page, "专业课目录已发布");
        await BrowserFixture.ScreenshotAsync(page, "1.3.1-03-published");

        // 1.5.2 an institution applies for the qualification of the series, with an attachment.
        await browser.SignInAsync(page, "py_train", "广州市番禺区职业培训学校");
        await browser.GotoAsync(page, "/institution");
        await page.ClickAsync("#apply-qualification");
        await Ui.SelectAsync(page, "#qual-series", "高等学校教师");
        await page.FillAsync("#qual-overview", "面向高校教师开展教学能力与师德师风培训");
        await page.FillAsync("#qual-industry", "教育");
        await page.ClickAsync("#qual-save");
        await Assertions.Expect(page.Locator("#qualification-table")).ToContainTextAsync("广州市教育局");
        await page.GetByText("[附件材料]").ClickAsync();
        await page.Locator(".mud-dialog input[type=file]").SetInputFilesAsync(new FilePayload { Name = "办学许可证.png", MimeType = "image/png", Buffer = SampleFiles.Png() });
        await Assertions.Expect(page.Locator(".mud-dialog")).ToContainTextAsync("办学许可证.png", new() { Timeout = 20_000 });
        await BrowserFixture.ScreenshotAsync(page, "1.5.2-01-institution-attachment");
        await page.ClickAsync("#attachments-close");
        await page.GetByText("[送审]").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "送审", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#qualification-table")).ToContainTextAsync("待审核");
        await BrowserFixture.ScreenshotAsync(page, "1.5.2-02-institution-submitted");

        // The city authority reviews it in 1.5.2.
        await browser.SignInAsync(page, "gz_edu", "广州市教育局");
        await browser.GotoAsync(page, "/qualification-reviews");
        await Assertions.Expect(page.Locator("#qualification-grid")).ToContainTextAsync("广州市番禺区职业培训学校");
        await BrowserFixture.ScreenshotAsync(page, "1.5.2-03-review-list");
        await page.Locator("tr", new() { HasTextString = "广州市番禺区职业培训学校" }).GetByText("[审核]").ClickAsync();
        await BrowserFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator(".institution-info")).ToContainTextAsync("广州市番禺区职业培训学校");
        await page.GetByText("同意", new() { Exact = true }).First.ClickAsync();
        await BrowserFixture.ScreenshotAsync(page, "1.5.2-04-review-detail");
        await page.Locator(".review-submit").ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith("/qualification-reviews"));

        // The institution now holds the qualification.
        await browser.SignInAsync(page, "py_train", "广州市番禺区职业培训学校");
        await browser.GotoAsync(page, "/institution");
        await Assertions.Expect(page.Locator("#qualification-table")).ToContainTextAsync("同意");
        await BrowserFixture.ScreenshotAsync(page, "1.5.2-05-institution-approved");
    }
}
