using CeAdmin.Tests.Attachments;
using CeAdmin.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CeAdmin.Tests.Organizations;

/// <summary>
/// 1.2.1 → 1.5.1 through the real UI: 广州市荔湾区教育局 (lw_edu) applies with its certificate and submits,
/// 广州市教育局 (gz_edu) reviews it in 1.5.1 and approves, and the county then has its authority menus.
/// </summary>
public sealed class AuthorityChainBrowserTests(BrowserFixture browser) : BrowserTest
{
    [Fact]
    public async Task County_applies_city_approves_county_gets_its_menus()
    {
        var county = await browser.SignedInPageAsync("lw_edu", "广州市荔湾区教育局");
        await Assertions.Expect(MenuLink(county, "行业主管部门信息维护")).ToHaveCountAsync(0);
        await MenuLink(county, "行业部门（行业组织）角色申请").ClickAsync();
        await Assertions.Expect(county.Locator("#unit-name")).ToHaveValueAsync("广州市荔湾区教育局");
        await BrowserFixture.ScreenshotAsync(county, "1.2.1-01-new-application");

        // The prefilled form needs the nature, the series, the parent and the office contact.
        await Ui.SelectAsync(county, "#nature", "机关");

        // No city authority of this series has the role yet: no parent to choose, and the applicant is told why.
        await Ui.SelectAsync(county, "#series", "工程技术人员");
        await Assertions.Expect(county.Locator("#no-parent")).ToContainTextAsync("上一级行业主管部门尚未在本系统注册申请角色");
        await Ui.SelectAsync(county, "#series", "高等学校教师");
        await Ui.SelectAsync(county, "#parent", "广州市教育局");
        await county.FillAsync("#office-phone", "020-81234567");
        await county.FillAsync("#email", "lwjyj@demo.gd.gov.cn");
        await county.FillAsync("#postal-code", "510150");
        await county.FillAsync("#address", "广州市荔湾区中山七路208号");
        await county.FillAsync("#functions", "负责荔湾区高等学校教师继续教育的组织实施和监督管理。");
        await county.ClickAsync("#save");
        await Ui.ExpectSnackbarAsync(county, "已保存");

        await county.Locator(".attachments-panel input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "统一社会信用代码证.png", MimeType = "image/png", Buffer = SampleFiles.Png(),
        });
        await Assertions.Expect(county.Locator(".attachments-panel tbody tr")).ToContainTextAsync("统一社会信用代码证.png");
        await BrowserFixture.ScreenshotAsync(county, "1.2.1-02-saved-with-attachment");

        await county.ClickAsync("#submit");
        await Ui.ExpectSnackbarAsync(county, "已送审");
        await Assertions.Expect(county.Locator("#case-status")).ToContainTextAsync("待审核");
        await Assertions.Expect(county.Locator("#submit")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(county, "1.2.1-03-submitted");

        // The city reviews it in 1.5.1.
        var city = await browser.SignedInPageAsync("gz_edu", "广州市教育局");
        await MenuLink(city, "下级行业主管部门（行业组织）信息审核").ClickAsync();
        var row = city.Locator(".list-grid tbody tr", new PageLocatorOptions { HasText = "广州市荔湾区教育局" });
        await Assertions.Expect(row).ToContainTextAsync("待审核");
        await BrowserFixture.ScreenshotAsync(city, "1.5.1-01-review-list");

        await row.Locator("a", new LocatorLocatorOptions { HasText = "[审核]" }).ClickAsync();
        await Assertions.Expect(city.Locator(".authority-info")).ToContainTextAsync("广州市荔湾区中山七路208号");
        await Assertions.Expect(city.Locator(".attachments-panel tbody tr")).ToContainTextAsync("[预览]");
        await BrowserFixture.ScreenshotAsync(city, "1.5.1-02-review-detail");

        await city.Locator(".review-panel label", new PageLocatorOptions { HasText = "同意" }).First.ClickAsync();
        await city.ClickAsync(".review-submit");
        await Ui.ExpectReviewOutcomeAsync(city, "审核完成：同意（广州市荔湾区教育局）");
        await city.WaitForURLAsync(u => u.EndsWith("/authority-reviews"));
        await Assertions.Expect(city.Locator(".list-grid tbody tr", new PageLocatorOptions { HasText = "广州市荔湾区教育局" })).ToContainTextAsync("同意");
        await BrowserFixture.ScreenshotAsync(city, "1.5.1-03-approved");

        // Back at the county: the role is granted, the menus appear, the application is read-only.
        await browser.GotoAsync(county, "/authority/application");
        await Assertions.Expect(county.Locator("#case-status")).ToContainTextAsync("已取得行业主管角色");
        await Assertions.Expect(MenuLink(county, "行业主管部门信息维护")).ToBeVisibleAsync();
        await Assertions.Expect(county.Locator(".approval-history tbody tr")).ToHaveCountAsync(2);
        await BrowserFixture.ScreenshotAsync(county, "1.2.1-04-approved-with-menus");
    }

    private static ILocator MenuLink(IPage page, string title) =>
        page.Locator(".mud-navmenu a", new PageLocatorOptions { HasTextString = title });
}
