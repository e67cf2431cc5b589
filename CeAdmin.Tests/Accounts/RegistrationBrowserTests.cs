using CeAdmin.Domain.Data;
using CeAdmin.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using CeAdmin.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CeAdmin.Tests.Accounts;

/// <summary>
/// The whole of manual 1.1 through the real UI over SignalR: personal registration, real-name
/// verification, unit registration with the SMS step, binding (新增 → 通过申请 → 授权) and the
/// operator's sign-in into the unit role.
/// </summary>
public sealed class RegistrationBrowserTests(BrowserFixture browser) : BrowserTest
{
    private const string Password = "Reg2468abc";

    [Fact]
    public async Task Register_verify_register_unit_bind_authorise_and_sign_in()
    {
        var ownerId = DemoIds.IdNumber("440103", new DateOnly(1979, 5, 6), 321);
        var operatorId = DemoIds.IdNumber("440111", new DateOnly(1992, 8, 9), 654);
        var page = await browser.NewPageAsync();

        // 1.1.1 个人账号申请 (owner and operator), with a field-level message first.
        await browser.GotoAsync(page, "/account/register");
        await page.FillAsync("#reg-login", "bad name!");
        await page.FillAsync("#reg-password", "abcd1234");
        await page.ClickAsync("#reg-submit");
        await Assertions.Expect(page.GetByText("登录账号只能包含字母、数字、下划线")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("密码必须为8-16位不连续字母跟数字混合").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "1.1.1-01-register-errors");
        await RegisterAsync(page, "zhao_owner", "13922223333");
        await BrowserFixture.ScreenshotAsync(page, "1.1.1-02-registered");
        await RegisterAsync(page, "qian_operator", "13922224444");

        // 1.1.2 实名认证 for both.
        await VerifyAsync(page, "zhao_owner", "赵德明", ownerId, screenshot: true);
        await VerifyAsync(page, "qian_operator", "钱晓红", operatorId, screenshot: false);

        // 1.1.3 单位账号注册: three steps with the SMS code.
        await browser.GotoAsync(page, "/account/register-unit");
        await page.FillAsync("#owner-login", "zhao_owner");
        await page.FillAsync("#owner-id", ownerId);
        await page.ClickAsync("#owner-next");
        // 单位类别 offers only the kinds a unit may claim: never 人社业务主管部门.
        await page.Locator(".mud-select", new PageLocatorOptions { Has = page.Locator("#unit-kind") }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(3);
        var kinds = await page.Locator(".mud-popover-open .mud-list-item").AllInnerTextsAsync();
        Assert.Equal(["行业主管部门（行业组织）", "施教机构", "法人单位"], kinds.Select(k => k.Trim()).ToArray());
        await page.Locator(".mud-popover-open .mud-list-item").First.ClickAsync();
        await page.FillAsync("#unit-login", "hz_forest_unit");
        await page.FillAsync("#unit-password", Password);
        await page.FillAsync("#unit-confirm", Password);
        await page.FillAsync("#unit-name", "惠州市林业局");
        await page.FillAsync("#unit-code", "91110000600037341L");
        await page.ClickAsync("#region-city");
        await page.GetByRole(AriaRole.Option, new() { Name = "惠州市" }).ClickAsync();
        await BrowserFixture.ScreenshotAsync(page, "1.1.3-01-unit-form");
        await page.ClickAsync("#send-code");
        await page.Locator("#sms-code").WaitForAsync();
        // A resend waits 60 s: the button counts down.
        await Assertions.Expect(page.Locator("#resend-code")).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("#resend-code")).ToContainTextAsync("秒）");
        await page.FillAsync("#sms-code", browser.Server.Sms.LastCode());
        await page.ClickAsync("#complete-unit");
        await Assertions.Expect(page.Locator("#unit-done")).ToContainTextAsync("注册成功");
        await BrowserFixture.ScreenshotAsync(page, "1.1.3-02-unit-done");

        // 1.1.4 binding: the unit adds the operator …
        await SignInUnitAsync(page, "hz_forest_unit");
        await page.ClickAsync("#add-operator");
        await page.FillAsync("#op-login", "qian_operator");
        await page.FillAsync("#op-name", "钱晓红");
        await page.FillAsync("#op-id", operatorId);
        await page.ClickAsync("#op-submit");
        await Assertions.Expect(page.Locator("#operators")).ToContainTextAsync("待经办人通过");
        await BrowserFixture.ScreenshotAsync(page, "1.1.4-06-operator-invited");

        // … the operator accepts …
        await browser.SignInAsync(page, "qian_operator", password: Password);
        await browser.GotoAsync(page, "/account/my-units");
        await page.GetByRole(AriaRole.Button, new() { Name = "通过申请" }).ClickAsync();
        await Assertions.Expect(page.Locator("#my-units")).ToContainTextAsync("待单位授权");
        await BrowserFixture.ScreenshotAsync(page, "1.1.4-07-accepted");

        // … and the unit grants the system.
        await SignInUnitAsync(page, "hz_forest_unit");
        await page.GetByRole(AriaRole.Button, new() { Name = "授权", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#operators")).ToContainTextAsync("已授权继续教育系统");

        // The operator now enters the unit role.
        await browser.SignInAsync(page, "qian_operator", "惠州市林业局", Password);
        await Assertions.Expect(page.Locator("#current-unit")).ToHaveTextAsync("惠州市林业局");
        await BrowserFixture.ScreenshotAsync(page, "1.1.4-08-entered-unit");

        // A fresh authority (its 角色申请 not approved) opening other pages by URL is refused before anything is shown.
        var (recordId, idNumber) = await AnyRecordAsync();
        foreach (var path in new[] { $"/records/{recordId}", "/records", "/statistics", "/authority-reviews", "/plan-reviews", "/qualification-reviews", "/record-import", "/teachers", "/plans", "/hours-rules" })
        {
            var response = await page.GotoAsync(path);
            // The one refusal, in place (403), at the address that was opened.
            Assert.Equal(403, response!.Status);
            await Assertions.Expect(page.Locator("#access-refused")).ToBeVisibleAsync();
            Assert.EndsWith(path, page.Url);
            Assert.DoesNotContain(idNumber, await page.ContentAsync());
        }
        await BrowserFixture.ScreenshotAsync(page, "security-01-fresh-authority-refused");
        // Its application is what it may do.
        await browser.GotoAsync(page, "/authority/application");
        await Assertions.Expect(page.Locator(".breadcrumb")).ToContainTextAsync("角色申请");
        await BrowserFixture.ScreenshotAsync(page, "security-02-fresh-authority-application");
        // The menu: home, and the one group with the one page.
        await Assertions.Expect(page.Locator(".mud-nav-link")).ToHaveTextAsync(["首页", "行业主管部门（行业组织）", "行业部门（行业组织）角色申请"]);
    }

    private async Task<(long Id, string IdNumber)> AnyRecordAsync()
    {
        await using var db = browser.Server.Services.GetRequiredService<AppDbContextOptions>().Create();
        var record = await db.CeRecords.Select(r => new { r.Id, r.IdNumber }).FirstAsync();
        return (record.Id, record.IdNumber);
    }

    private async Task RegisterAsync(IPage page, string login, string mobile)
    {
        await browser.GotoAsync(page, "/account/register");
        await page.FillAsync("#reg-login", login);
        await page.FillAsync("#reg-password", Password);
        await page.FillAsync("#reg-confirm", Password);
        await page.FillAsync("#reg-mobile", mobile);
        await page.ClickAsync("#reg-submit");
        await Assertions.Expect(page.Locator("#register-done")).ToBeVisibleAsync();
    }

    private async Task VerifyAsync(IPage page, string login, string name, string idNumber, bool screenshot)
    {
        await browser.SignInAsync(page, login, password: Password);
        await Assertions.Expect(page.Locator("#no-unit-message")).ToBeVisibleAsync();
        await browser.GotoAsync(page, "/account/verify");
        await page.FillAsync("#real-name", name);
        await page.FillAsync("#id-number", idNumber[..17] + (idNumber[17] == '0' ? '1' : '0'));
        await page.ClickAsync("#verify-submit");
        await Assertions.Expect(page.GetByText("公民身份号码格式或校验位不正确")).ToBeVisibleAsync();
        if (screenshot) await BrowserFixture.ScreenshotAsync(page, "1.1.2-01-verify-error");
        await page.FillAsync("#id-number", idNumber);
        await page.ClickAsync("#verify-submit");
        await Assertions.Expect(page.Locator("#verified")).ToContainTextAsync("已完成实名认证");
        if (screenshot) await BrowserFixture.ScreenshotAsync(page, "1.1.2-02-verified");
    }

    private static async Task SignInUnitAsync(IPage page, string unitLogin)
    {
        await page.GotoAsync("/account/login?mode=unit");
        await page.FillAsync("#username", unitLogin);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync(u => u.Contains("/unit/operators"));
        await BrowserFixture.WaitInteractiveAsync(page);
    }
}
