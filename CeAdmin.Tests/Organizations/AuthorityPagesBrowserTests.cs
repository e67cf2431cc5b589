using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Data;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CeAdmin.Tests.Organizations;

/// <summary>1.2.2, 1.7.4, batch review, the HRSS review page, a returned application and a case outside the scope opened by URL.</summary>
public sealed class AuthorityPagesBrowserTests(BrowserFixture browser) : BrowserTest
{
    [Fact]
    public async Task Maintenance_saves_contact_fields_and_shows_the_defining_ones_read_only()
    {
        var page = await OpenAsync("gz_edu", "广州市教育局", "/authority/profile");
        await Assertions.Expect(page.Locator(".authority-info")).ToContainTextAsync("广东省教育厅");
        await Assertions.Expect(page.Locator("#unit-name")).ToHaveCountAsync(0);

        await page.FillAsync("#mobile", "1868858464");
        await page.ClickAsync("#save");
        await Assertions.Expect(page.Locator(".mud-input-helper-text.mud-input-error", new PageLocatorOptions { HasTextString = "手机号码格式不正确" })).ToBeVisibleAsync();
        await page.FillAsync("#mobile", "18688584644");
        await page.FillAsync("#office-phone", "0668-8946548");
        await page.ClickAsync("#save");
        await Ui.ExpectSnackbarAsync(page, "已保存");
        await BrowserFixture.ScreenshotAsync(page, "1.2.2-01-maintenance");

        await browser.GotoAsync(page, "/authority/profile");
        await Assertions.Expect(page.Locator("#mobile")).ToHaveValueAsync("18688584644");
    }

    [Fact]
    public async Task Query_lists_the_subordinates_and_opens_one_with_its_attachments()
    {
        var page = await OpenAsync("gd_edu", "广东省教育厅", "/authority/subordinates");
        var rows = page.Locator(".list-grid tbody tr");
        await Assertions.Expect(rows.Filter(new LocatorFilterOptions { HasTextString = "广州市天河区教育局" })).ToHaveCountAsync(1);
        await Assertions.Expect(rows.Filter(new LocatorFilterOptions { HasTextString = "深圳市教育局" })).ToHaveCountAsync(0);  // pending
        await BrowserFixture.ScreenshotAsync(page, "1.7.4-01-query");

        await page.FillAsync("#filter-name", "天河");
        await page.ClickAsync("#search");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await rows.First.Locator("a", new LocatorLocatorOptions { HasTextString = "[查看]" }).ClickAsync();
        await Assertions.Expect(page.Locator(".authority-info")).ToContainTextAsync("广州市天河区教育局");
        await Assertions.Expect(page.Locator(".attachments-panel tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(".attachments-panel")).Not.ToContainTextAsync("[删除]");
        await BrowserFixture.ScreenshotAsync(page, "1.7.4-02-detail");

        var preview = await page.Context.RunAndWaitForPageAsync(() =>
            page.Locator(".attachments-panel a", new PageLocatorOptions { HasTextString = "[预览]" }).First.ClickAsync());
        await preview.WaitForLoadStateAsync();
        await BrowserFixture.ScreenshotAsync(preview, "1.7.4-03-preview");
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.Locator(".attachments-panel a", new PageLocatorOptions { HasTextString = "[下载]" }).First.ClickAsync());
        Assert.Equal("统一社会信用代码证.png", download.SuggestedFilename);
    }

    [Fact]
    public async Task Batch_review_decides_the_pending_case_and_skips_the_decided_one()
    {
        var page = await OpenAsync("gz_edu", "广州市教育局", "/authority-reviews");
        await Row(page, "广州市海珠区教育局").Locator("input[type=checkbox]").CheckAsync();
        await Row(page, "广州市黄埔区教育局").Locator("input[type=checkbox]").CheckAsync();
        await page.ClickAsync("#batch-review");
        var dialog = page.Locator(".batch-review-dialog");
        await dialog.Locator("label", new LocatorLocatorOptions { HasTextString = "不同意并退案" }).ClickAsync();
        await dialog.Locator(".review-submit").ClickAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("请填写审核意见");
        await dialog.Locator("textarea").FillAsync("请补充上传单位职能文件");
        await BrowserFixture.ScreenshotAsync(page, "1.5.1-04-batch-dialog");
        await dialog.Locator(".review-submit").ClickAsync();

        await Assertions.Expect(page.Locator("#batch-summary")).ToContainTextAsync("审核完成 1 条，未处理 1 条");
        await Assertions.Expect(dialog.Locator(".batch-result")).ToContainTextAsync("不能重复审核");
        await BrowserFixture.ScreenshotAsync(page, "1.5.1-05-batch-result");
        await dialog.Locator("button", new LocatorLocatorOptions { HasTextString = "关闭" }).ClickAsync();
        await Assertions.Expect(Row(page, "广州市海珠区教育局")).ToContainTextAsync("不同意并退案");
        await Assertions.Expect(Row(page, "广州市黄埔区教育局")).ToContainTextAsync("同意");
    }

    [Fact]
    public async Task Hrss_reviews_province_level_applications_on_its_own_page()
    {
        var page = await browser.SignedInPageAsync("hrss_reviewer", "广东省人力资源和社会保障厅");
        await page.Locator(".mud-navmenu a", new PageLocatorOptions { HasTextString = "省级行业主管角色申请审核" }).ClickAsync();
        await Assertions.Expect(page.Locator(".breadcrumb")).ToContainTextAsync("省级行业主管角色申请审核");
        await Assertions.Expect(Row(page, "广东省卫生健康委员会")).ToContainTextAsync("待审核");
        await BrowserFixture.ScreenshotAsync(page, "1.2.1-05-hrss-review-list");

        await Ui.SelectAsync(page, "#filter-status", "不同意并退案");
        await page.ClickAsync("#search");
        await Assertions.Expect(page.Locator(".list-grid tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(Row(page, "广东省财政厅")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Returned_application_shows_the_opinion_and_can_be_edited()
    {
        var page = await OpenAsync("yx_edu", "广州市越秀区教育局", "/authority/application");
        await Assertions.Expect(page.Locator("#case-status")).ToContainTextAsync("请上传加盖公章的统一社会信用代码证扫描件");
        await Assertions.Expect(page.Locator("#submit")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".approval-history tbody tr")).ToHaveCountAsync(2);
        await BrowserFixture.ScreenshotAsync(page, "1.2.1-06-returned");
    }

    [Fact]
    public async Task Another_citys_case_opened_by_url_is_refused()
    {
        int shenzhenCase, shenzhenAttachment;
        await using (var db = browser.Server.Services.GetRequiredService<AppDbContextOptions>().Create())
        {
            var reviewCase = await db.ReviewCases.SingleAsync(c => c.Kind == ReviewKind.AuthorityApplication && c.ApplicantName == "深圳市教育局");
            shenzhenCase = reviewCase.Id;
            shenzhenAttachment = await db.Attachments.Where(a => a.OwnerId == reviewCase.SubjectId).Select(a => a.Id).FirstAsync();
        }

        var page = await OpenAsync("gz_edu", "广州市教育局", $"/authority-reviews/{shenzhenCase}");
        await Assertions.Expect(page.Locator("#load-error")).ToContainTextAsync("无权访问该数据");
        await Assertions.Expect(page.Locator(".review-panel")).ToHaveCountAsync(0);

        // Its files are refused over HTTP too, with the signed-in session's cookie.
        var download = await page.APIRequest.GetAsync($"/attachments/{shenzhenAttachment}/download");
        Assert.Equal(403, download.Status);
        Assert.Contains("无权访问该数据", await download.TextAsync());
    }

    /// <summary>A new browser session of the operator, in the unit role, on <paramref name="path"/>.</summary>
    private async Task<IPage> OpenAsync(string login, string unitName, string path)
    {
        var page = await browser.SignedInPageAsync(login, unitName);
        await browser.GotoAsync(page, path);
        return page;
    }

    private static ILocator Row(IPage page, string name) =>
        page.Locator(".list-grid tbody tr", new PageLocatorOptions { HasTextString = name });
}
