using System.Net;
using CeAdmin.Domain.Audit;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Audit;

public sealed class AuditedServerFixture : IAsyncLifetime
{
    public AuditedServer App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await AuditedServer.StartAsync();

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// The security events of the web layer, over HTTP against the real app: every sign-in attempt (an unknown
/// name too, never its password), lockout, the role chosen and switched, a password change, 退出 and the idle
/// sign-out, each with its result, the account, the role and the browser's address (X-Forwarded-For honoured).
/// </summary>
[Trait("Category", "Integration")]
public sealed class SecurityEventHttpTests(AuditedServerFixture fixture) : IClassFixture<AuditedServerFixture>
{
    private AuditedServer App => fixture.App;

    private HttpSession Browser(string address)
    {
        var browser = new HttpSession(App.Server);
        // nginx's header (docs/deploy.md): the app records the browser's address, not the proxy's.
        browser.Client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return browser;
    }

    [Fact]
    public async Task Sign_in_attempts_roles_password_change_and_sign_out_are_audited_with_their_results()
    {
        var last = await App.LastIdAsync();
        using var browser = Browser("203.0.113.7");

        await browser.TrySignInAsync("nobody_here", "Guess2468abc");
        await browser.TrySignInAsync("gz_edu", "Wrong2468abc");
        await browser.SignInAsync("gz_edu", "广州市教育局");
        // A unit the person does not operate, chosen from inside a role: a refused switch.
        var refusedRole = await browser.PostAsync("/account/choose-unit", "choose-unit", ("Input.UnitId", "999999"), ("Input.ReturnUrl", ""));
        Assert.Null(refusedRole.Location);
        var changed = await browser.PostAsync("/account/password", "change-password",
            ("Input.CurrentPassword", HttpSession.DemoPassword), ("Input.NewPassword", "Gdce2468b"), ("Input.ConfirmPassword", "Gdce2468b"));
        Assert.NotNull(changed.Text("password-changed"));
        var wrongChange = await browser.PostAsync("/account/password", "change-password",
            ("Input.CurrentPassword", "NotMine2468a"), ("Input.NewPassword", "Gdce2468c"), ("Input.ConfirmPassword", "Gdce2468c"));
        Assert.Null(wrongChange.Text("password-changed"));
        await browser.SignOutAsync();

        var rows = await App.RowsAfterAsync(last);
        var events = rows.Where(r => r.Event != AuditEvent.DataWrite).ToList();
        Assert.Equal(
        [
            (AuditEvent.SignIn, AuditResult.Refused, "nobody_here", "登录账号不存在"),
            (AuditEvent.SignIn, AuditResult.Refused, "gz_edu", "密码错误"),
            (AuditEvent.SignIn, AuditResult.Succeeded, "gz_edu", ""),
            (AuditEvent.RoleChosen, AuditResult.Succeeded, "gz_edu", ""),
            (AuditEvent.RoleSwitched, AuditResult.Refused, "gz_edu", "您没有该单位的经办授权"),
            (AuditEvent.PasswordChanged, AuditResult.Succeeded, "gz_edu", ""),
            (AuditEvent.PasswordChanged, AuditResult.Refused, "gz_edu", "原密码不正确"),
            (AuditEvent.SignOut, AuditResult.Succeeded, "gz_edu", ""),
        ], events.Select(e => (e.Event, e.Result, e.UserName, e.Reason)));
        Assert.All(events, e => Assert.Equal("203.0.113.7", e.ClientAddress));
        Assert.All(rows, r => Assert.DoesNotContain("Guess2468abc", r.UserName + r.Target + r.Reason + r.Changes));
        Assert.All(rows, r => Assert.DoesNotContain("Wrong2468abc", r.UserName + r.Target + r.Reason + r.Changes));
        var chosen = events[3];
        Assert.Equal(("广州市教育局", "行业主管部门（行业组织）", "广州市教育局"), (chosen.UnitName, chosen.Role, chosen.Target));
        Assert.Equal(("", "个人账号"), (events[0].UserId, events[0].Role));

        await using var db = App.Db();
        Assert.True((await AuditVerifier.VerifyAsync(db, DateTime.UtcNow)).Intact);
    }

    [Fact]
    public async Task Roles_switch_from_one_unit_to_another_and_an_idle_sign_out_is_a_session_expiry()
    {
        var last = await App.LastIdAsync();
        using var browser = Browser("198.51.100.23");
        await browser.SignInAsync("th_edu", "广州市天河区教育局");
        // From inside a role, choosing again is a switch.
        var switched = await browser.PostAsync("/account/choose-unit", "choose-unit", ("Input.UnitId", await UnitIdAsync("广州市天河区教育局")), ("Input.ReturnUrl", ""));
        Assert.Equal(HttpStatusCode.Redirect, switched.Status);
        await browser.SignOutAsync("idle");

        var events = (await App.RowsAfterAsync(last)).Where(r => r.Event != AuditEvent.DataWrite).ToList();
        Assert.Equal([AuditEvent.SignIn, AuditEvent.RoleChosen, AuditEvent.RoleSwitched, AuditEvent.SessionExpired], events.Select(e => e.Event));
        Assert.Contains("广州市天河区教育局", events[2].Changes);
        Assert.Contains("无操作超时", events[3].Changes);
        Assert.All(events, e => Assert.Equal(("th_edu", "198.51.100.23"), (e.UserName, e.ClientAddress)));
    }

    [Fact]
    public async Task Lockout_and_the_refusals_that_follow_are_audited()
    {
        var last = await App.LastIdAsync();
        using var browser = Browser("192.0.2.50");
        for (var i = 0; i < 5; i++) await browser.TrySignInAsync("gpnu_ce", "Wrong2468abc");
        await browser.TrySignInAsync("gpnu_ce", HttpSession.DemoPassword);

        var events = (await App.RowsAfterAsync(last)).Where(r => r.Event != AuditEvent.DataWrite).ToList();
        Assert.Equal(5, events.Count(e => e is { Event: AuditEvent.SignIn, Result: AuditResult.Refused, Reason: "密码错误" }));
        var lockout = Assert.Single(events, e => e.Event == AuditEvent.Lockout);
        Assert.Equal(("gpnu_ce", AuditResult.Succeeded, "192.0.2.50"), (lockout.Target, lockout.Result, lockout.ClientAddress));
        Assert.Equal((AuditEvent.SignIn, AuditResult.Refused, "账号已锁定"), (events[^1].Event, events[^1].Result, events[^1].Reason));
    }

    [Fact]
    public async Task The_system_pages_refuse_every_other_role_before_rendering()
    {
        using var admin = Browser("10.1.1.1");
        await admin.SignInAsync("sys_admin", null);
        var choose = await admin.GetAsync("/account/choose-unit");
        Assert.Contains("系统管理员", choose.Html);
        Assert.DoesNotContain("以个人身份进入", choose.Html);
        await admin.PostAsync("/account/choose-unit", "choose-unit", ("Input.UnitId", "0"), ("Input.ReturnUrl", ""));
        using var auditor = Browser("10.1.1.2");
        await auditor.SignInAsync("sec_auditor", null);
        await auditor.PostAsync("/account/choose-unit", "choose-unit", ("Input.UnitId", "0"), ("Input.ReturnUrl", ""));
        using var unit = Browser("10.1.1.3");
        await unit.SignInAsync("hrss_reviewer", "广东省人力资源和社会保障厅");
        using var person = Browser("10.1.1.4");
        await person.SignInAsync("new_user", null);

        string[] adminPages = ["/admin/accounts", "/admin/units", "/admin/settings"];
        foreach (var path in adminPages)
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(path)).Status);
            foreach (var other in new[] { auditor, unit, person })
                Assert.Contains("/account/denied", (await other.GetAsync(path)).Location);
        }
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/audit")).Status);
        foreach (var other in new[] { admin, unit, person })
            Assert.Contains("/account/denied", (await other.GetAsync("/audit")).Location);
        // Neither system role has a unit's pages.
        foreach (var path in new[] { "/records", "/statistics", "/account/verify" })
        {
            Assert.Contains("/account/denied", (await admin.GetAsync(path)).Location);
            Assert.Contains("/account/denied", (await auditor.GetAsync(path)).Location);
        }
    }

    private async Task<string> UnitIdAsync(string unitName)
    {
        await using var db = App.Db();
        return (await db.UnitAccounts.Where(u => u.Name == unitName).Select(u => u.Id).SingleAsync()).ToString();
    }
}

/// <summary>Sessions end 3 seconds after the password was entered.</summary>
public sealed class ShortLivedServerFixture : IAsyncLifetime
{
    public AuditedServer App { get; private set; } = null!;

    public async Task InitializeAsync() =>
        App = await AuditedServer.StartAsync(new() { ["Security:AbsoluteSessionHours"] = (3.0 / 3600).ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>The end of a session by its absolute lifetime, and refusals of accounts the command line disabled or voided.</summary>
[Trait("Category", "Integration")]
public sealed class SessionExpiryHttpTests(ShortLivedServerFixture fixture) : IClassFixture<ShortLivedServerFixture>
{
    private AuditedServer App => fixture.App;

    [Fact]
    public async Task An_expired_session_is_audited_once_by_whichever_request_finds_it()
    {
        var last = await App.LastIdAsync();
        using var browser = new HttpSession(App.Server);
        await browser.SignInAsync("gz_corp", "广州智造科技有限公司");
        var cookie = browser.AuthCookie;
        await Task.Delay(TimeSpan.FromSeconds(3.5));

        var first = await HttpSession.ReplayAsync(App.Server, "/", cookie);
        var second = await HttpSession.ReplayAsync(App.Server, "/", cookie);
        Assert.All([first, second], r => Assert.Contains("/account/login", r.Headers.Location?.ToString()));

        var expiry = Assert.Single(await App.RowsAfterAsync(last), e => e.Event == AuditEvent.SessionExpired);
        Assert.Equal(("gz_corp", AuditResult.Succeeded, "广州智造科技有限公司"), (expiry.UserName, expiry.Result, expiry.UnitName));
        Assert.Contains("超过登录会话最长时长", expiry.Changes);
    }

    [Fact]
    public async Task Accounts_disabled_or_voided_at_the_command_line_are_refused_at_sign_in_and_both_are_audited()
    {
        var last = await App.LastIdAsync();
        await CommandAsync("disable-account", "gz_train");
        await CommandAsync("unlock-account", "gz_train", expected: 1);

        using var browser = new HttpSession(App.Server);
        var refused = await browser.TrySignInAsync("gz_train", HttpSession.DemoPassword);
        Assert.Equal("该账号已被停用，请联系系统管理员。", refused.Text("login-error"));

        var events = (await App.RowsAfterAsync(last)).Where(r => r.Event != AuditEvent.DataWrite).ToList();
        Assert.Equal(
        [
            (AuditEvent.AccountDisabled, AuditResult.Succeeded, "系统管理员（命令行）", ""),
            (AuditEvent.AccountUnlocked, AuditResult.Refused, "系统管理员（命令行）", "账号“gz_train”未被锁定"),
            (AuditEvent.SignIn, AuditResult.Refused, "gz_train", "账号已停用"),
        ], events.Select(e => (e.Event, e.Result, e.UserName, e.Reason)));
        Assert.All(events.Take(2), e => Assert.Equal(("gz_train", "系统管理员"), (e.Target, e.Role)));
    }

    private async Task CommandAsync(string command, string login, int expected = 0)
    {
        var error = new StringWriter();
        var code = await CeAdmin.App.Features.Administration.AdminCommand.RunAsync(
            [CeAdmin.App.Features.Administration.AdminCommand.Verb, command, "--login", login,
             $"--Database:Provider={(TestApp.PostgresServer is { Length: > 0 } ? "Postgres" : "Sqlite")}",
             $"--Database:ConnectionString={App.ConnectionString}", "--Logging:LogLevel:Default=Warning"],
            TextReader.Null, TextWriter.Null, error);
        Assert.True(code == expected, error.ToString());
    }
}
