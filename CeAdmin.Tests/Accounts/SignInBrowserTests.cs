using CeAdmin.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CeAdmin.Tests.Accounts;

/// <summary>1.1.4: 个人登录, the choose-unit dialog, the shell in Chinese, lockout and idle sign-out messages.</summary>
public sealed class SignInBrowserTests(BrowserFixture browser) : BrowserTest
{
    [Fact]
    public async Task Operator_signs_in_personally_then_enters_a_unit_role()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await page.WaitForURLAsync(u => u.Contains("/account/login"));
        await BrowserFixture.ScreenshotAsync(page, "1.1.4-01-login");

        await browser.SignInAsync(page, "gz_edu");
        await BrowserFixture.ScreenshotAsync(page, "1.1.4-02-choose-unit");
        await page.Locator("label.role-option", new PageLocatorOptions { HasText = "广州市教育局" }).ClickAsync();
        await page.ClickAsync("#enter-unit");
        await BrowserFixture.WaitInteractiveAsync(page);

        await Assertions.Expect(page.Locator("#current-unit")).ToHaveTextAsync("广州市教育局");
        await Assertions.Expect(page.Locator(".breadcrumb")).ToContainTextAsync("欢迎");
        await BrowserFixture.ScreenshotAsync(page, "1.1.4-03-home");

        await page.ClickAsync("#logout");
        await page.WaitForURLAsync(u => u.Contains("reason=signedout"));
        await Assertions.Expect(page.Locator(".login-notice")).ToContainTextAsync("安全退出");
    }

    [Fact]
    public async Task Person_without_an_authorised_unit_is_told_why()
    {
        var page = await browser.SignedInPageAsync("new_user");
        await Assertions.Expect(page.Locator("#no-unit-message")).ToContainTextAsync("尚未绑定任何单位");
        await BrowserFixture.ScreenshotAsync(page, "1.1.4-04-no-unit");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_say_for_how_long()
    {
        var page = await browser.NewPageAsync();
        for (var i = 1; i <= 5; i++)
        {
            await page.GotoAsync("/account/login");
            await page.FillAsync("#username", "th_edu");
            await page.FillAsync("#password", "Wrong1357x");
            await page.ClickAsync("#login-submit");
            await page.Locator("#login-error").WaitForAsync();
        }
        await Assertions.Expect(page.Locator("#login-error")).ToContainTextAsync("锁定15分钟");

        // Even the right password is refused while locked.
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", "th_edu");
        await page.FillAsync("#password", browser.DemoPassword);
        await page.ClickAsync("#login-submit");
        await Assertions.Expect(page.Locator("#login-error")).ToContainTextAsync("已被锁定");
        await BrowserFixture.ScreenshotAsync(page, "1.1.4-05-locked");
    }
}
