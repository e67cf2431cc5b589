using CeAdmin.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CeAdmin.Tests.Accounts;

/// <summary>用户密码重置 (1.1): 忘记密码 with an SMS code from the login page, 修改密码 from the app bar.</summary>
public sealed class PasswordBrowserTests(BrowserFixture browser) : BrowserTest
{
    private const string NewPassword = "Wenhua2580x";

    [Fact]
    public async Task A_forgotten_password_is_reset_with_an_sms_code()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.ClickAsync("#forgot-password");
        await page.FillAsync("#reset-login", "gz_train");
        await page.ClickAsync("#send-code");

        await Assertions.Expect(page.Locator("#reset-notice")).ToContainTextAsync("短信验证码已发送至该手机号码");
        // The resend button counts down from 60 seconds.
        await Assertions.Expect(page.Locator("#resend-code")).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("#resend-code")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"重新获取（\d+秒）"));
        await page.FillAsync("#sms-code", "000000" == browser.Server.Sms.LastCode() ? "111111" : "000000");
        await page.FillAsync("#new-password", NewPassword);
        await page.FillAsync("#confirm-password", NewPassword);
        await page.ClickAsync("#reset-password");
        await Assertions.Expect(page.Locator("#sms-code-error")).ToContainTextAsync("短信验证码不正确，还可输入4次");

        await page.FillAsync("#sms-code", browser.Server.Sms.LastCode());
        await page.FillAsync("#new-password", NewPassword);
        await page.FillAsync("#confirm-password", NewPassword);
        await BrowserFixture.ScreenshotAsync(page, "1.1-07-password-reset");
        await page.ClickAsync("#reset-password");

        try { await page.WaitForURLAsync(u => u.Contains("reason=password")); }
        catch (TimeoutException) { await BrowserFixture.ScreenshotAsync(page, "debug-reset"); throw; }
        await Assertions.Expect(page.Locator(".login-notice")).ToContainTextAsync("密码已重置");
        await browser.SignInAsync(page, "gz_train", "广州市专业技术人员继续教育培训中心", NewPassword);
        await Assertions.Expect(page.Locator("#current-unit")).ToHaveTextAsync("广州市专业技术人员继续教育培训中心");
    }

    [Fact]
    public async Task A_signed_in_user_changes_his_password_and_stays_signed_in()
    {
        var page = await browser.SignedInPageAsync("gpnu_ce", "广东技术师范大学继续教育学院");
        await page.ClickAsync("#change-password-link");
        await page.WaitForURLAsync(u => u.Contains("/account/password"));

        await page.FillAsync("#current-password", "Wrong2468a");
        await page.FillAsync("#new-password", NewPassword);
        await page.FillAsync("#confirm-password", NewPassword);
        await page.ClickAsync("#change-password");
        await Assertions.Expect(page.Locator(".field-error").First).ToHaveTextAsync("原密码不正确");
        await BrowserFixture.ScreenshotAsync(page, "1.1-08-password-change-wrong");

        await page.FillAsync("#current-password", browser.DemoPassword);
        await page.FillAsync("#new-password", NewPassword);
        await page.FillAsync("#confirm-password", NewPassword);
        await page.ClickAsync("#change-password");
        await Assertions.Expect(page.Locator("#password-changed")).ToContainTextAsync("其他浏览器或设备上的登录已全部退出");
        await BrowserFixture.ScreenshotAsync(page, "1.1-09-password-changed");

        // This browser keeps its unit role.
        await page.ClickAsync("text=返回系统");
        await BrowserFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator("#current-unit")).ToHaveTextAsync("广东技术师范大学继续教育学院");
    }
}
