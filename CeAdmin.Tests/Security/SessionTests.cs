using System.Net;
using System.Security.Claims;
using CeAdmin.App.Features.Accounts;
using CeAdmin.App.Features.Administration;
using CeAdmin.App.Features.Security;
using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.ReferenceData;
using CeAdmin.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CeAdmin.Tests.Security;

/// <summary>One app on a real Kestrel port for the HTTP-level session tests of a class.</summary>
public class WebServerFixture : IAsyncLifetime
{
    public AppServer Server { get; private set; } = null!;

    protected virtual Dictionary<string, string?> Settings => [];

    public Task InitializeAsync()
    {
        Server = new AppServer(Settings);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public AppDbContext Db() => Server.Services.GetRequiredService<AppDbContextOptions>().Create();

    /// <summary>A 广州市 高等学校教师 record (in 广州市教育局's scope) and its full ID number.</summary>
    public async Task<(long Id, string IdNumber)> GuangzhouRecordAsync(string regionPrefix = "4401")
    {
        var series = ReferenceCatalog.Series.Single(s => s.Name == "高等学校教师").Id;
        await using var db = Db();
        var record = await db.CeRecords.AsNoTracking()
            .Where(r => r.RegionCode.StartsWith(regionPrefix) && r.SeriesId == series)
            .Select(r => new { r.Id, r.IdNumber }).FirstAsync();
        return (record.Id, record.IdNumber);
    }

    /// <summary>The principal inside a sign-in cookie, as the app reads it.</summary>
    public ClaimsPrincipal PrincipalOf(string authCookie)
    {
        var options = Server.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        return options.TicketDataFormat.Unprotect(authCookie)!.Principal;
    }

    /// <summary>The server-side session token inside a sign-in cookie (what the app reads from the claim).</summary>
    public string SessionTokenOf(string authCookie) => PrincipalOf(authCookie).FindFirstValue(CeClaims.SessionId)!;

    public async Task<string> UserIdAsync(string loginName)
    {
        await using var db = Db();
        return await db.Users.Where(u => u.UserName == loginName).Select(u => u.Id).SingleAsync();
    }
}

/// <summary>
/// Sessions end on the server: 退出 (a POST with the antiforgery token), a changed security stamp, the
/// end of all other sessions after a password change, a disabled account. Checked the way an attacker
/// would: the cookie copied before is replayed afterwards.
/// </summary>
[Trait("Category", "Web")]
[Collection("Browser")]
public sealed class SessionTests(WebServerFixture web) : IClassFixture<WebServerFixture>
{
    private AppServer Server => web.Server;

    private static void AssertSentToLogin(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_cookie_copied_before_sign_out_is_refused_after_it()
    {
        var (recordId, idNumber) = await web.GuangzhouRecordAsync();
        using var browser = new HttpSession(Server);
        await browser.SignInAsync("gz_edu", "广州市教育局");
        var before = await browser.Client.GetAsync($"/records/{recordId}");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Contains(idNumber, await before.Content.ReadAsStringAsync());
        var copied = browser.AuthCookie;

        var signOut = await browser.SignOutAsync();
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.EndsWith("/account/login?reason=signedout", signOut.Headers.Location!.ToString());

        var replayed = await HttpSession.ReplayAsync(Server, $"/records/{recordId}", copied);
        AssertSentToLogin(replayed);
        Assert.DoesNotContain(idNumber, await replayed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await HttpSession.ReplayAsync(Server, "/account/keepalive", copied)).StatusCode);

        await using var db = web.Db();
        var userId = await web.UserIdAsync("gz_edu");
        Assert.Contains(await db.SignInSessions.Where(s => s.UserId == userId).Select(s => s.EndReason).ToListAsync(), r => r == SessionEndReason.SignedOut);
    }

    [Fact]
    public async Task A_GET_of_the_logout_address_no_longer_signs_out()
    {
        var (recordId, _) = await web.GuangzhouRecordAsync("440106");
        using var browser = new HttpSession(Server);
        await browser.SignInAsync("th_edu", "广州市天河区教育局");

        var get = await browser.Client.GetAsync("/account/logout");
        Assert.NotEqual(HttpStatusCode.Redirect, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync($"/records/{recordId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await HttpSession.ReplayAsync(Server, $"/records/{recordId}", browser.AuthCookie)).StatusCode);
    }

    [Fact]
    public async Task A_logout_post_without_the_antiforgery_token_is_refused()
    {
        var (recordId, _) = await web.GuangzhouRecordAsync();
        using var browser = new HttpSession(Server);
        await browser.SignInAsync("gd_edu", "广东省教育厅");

        // What a cross-site form can send: the cookie (if the browser sent it at all) but no token.
        var forged = await browser.Client.PostAsync("/account/logout", new FormUrlEncodedContent([new("reason", "signedout")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync($"/records/{recordId}")).StatusCode);
    }

    [Fact]
    public async Task Ending_the_other_sessions_keeps_only_the_callers()
    {
        using var mine = new HttpSession(Server);
        using var other = new HttpSession(Server);
        await mine.SignInAsync("gpnu_ce", "广东技术师范大学继续教育学院");
        await other.SignInAsync("gpnu_ce", "广东技术师范大学继续教育学院");
        Assert.Equal(HttpStatusCode.OK, (await other.Client.GetAsync("/institution")).StatusCode);

        // What a password change or reset does (SessionService.EndAllAsync with the caller's own token).
        await using (var scope = Server.Services.CreateAsyncScope())
        {
            var ended = await scope.ServiceProvider.GetRequiredService<SessionService>()
                .EndAllAsync(await web.UserIdAsync("gpnu_ce"), SessionEndReason.CredentialsChanged, web.SessionTokenOf(mine.AuthCookie));
            Assert.Equal(1, ended);
        }

        Assert.Equal(HttpStatusCode.OK, (await mine.Client.GetAsync("/institution")).StatusCode);
        AssertSentToLogin(await other.Client.GetAsync("/institution"));
    }

    [Fact]
    public async Task After_a_password_change_the_callers_session_goes_on_with_its_role_and_the_others_end()
    {
        using var mine = new HttpSession(Server);
        using var other = new HttpSession(Server);
        await mine.SignInAsync("fs_edu", "佛山市教育局");
        await other.SignInAsync("fs_edu", "佛山市教育局");
        var before = mine.AuthCookie;

        // What the password page does on its POST: change the password, then renew the caller's cookie.
        string renewed;
        await using (var scope = Server.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByNameAsync("fs_edu"))!;
            Assert.True((await users.ChangePasswordAsync(user, HttpSession.DemoPassword, "Fs2468change")).Succeeded);
            var context = new DefaultHttpContext { RequestServices = services, User = web.PrincipalOf(before) };
            services.GetRequiredService<IHttpContextAccessor>().HttpContext = context;
            await SessionCookie.RenewAfterCredentialChangeAsync(context, services.GetRequiredService<SignInManager<AppUser>>(), user);
            renewed = context.Response.Headers.SetCookie.Select(c => c!).Single(c => c.StartsWith("CeAdmin.Auth="))["CeAdmin.Auth=".Length..].Split(';')[0];
        }

        Assert.Equal(web.SessionTokenOf(before), web.SessionTokenOf(renewed));
        Assert.Equal(HttpStatusCode.OK, (await HttpSession.ReplayAsync(Server, "/authority/profile", renewed)).StatusCode);
        AssertSentToLogin(await HttpSession.ReplayAsync(Server, "/authority/profile", before));
        AssertSentToLogin(await other.Client.GetAsync("/authority/profile"));
    }

    [Fact]
    public async Task A_changed_security_stamp_ends_every_session_of_the_account()
    {
        using var first = new HttpSession(Server);
        using var second = new HttpSession(Server);
        await first.SignInAsync("gz_corp", "广州智造科技有限公司");
        await second.SignInAsync("gz_corp", "广州智造科技有限公司");
        var token = web.SessionTokenOf(first.AuthCookie);

        // UserManager's password change and reset update the stamp the same way.
        await using (var scope = Server.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByNameAsync("gz_corp"))!);
        }

        AssertSentToLogin(await first.Client.GetAsync("/plans"));
        AssertSentToLogin(await second.Client.GetAsync("/plans"));
        await using var scope2 = Server.Services.CreateAsyncScope();
        Assert.False(await scope2.ServiceProvider.GetRequiredService<SessionService>().IsActiveAsync(token, await web.UserIdAsync("gz_corp")));
    }

    [Fact]
    public async Task A_disabled_account_loses_its_sessions_and_cannot_sign_in_until_enabled()
    {
        using var browser = new HttpSession(Server);
        await browser.SignInAsync("hp_edu", "广州市黄埔区教育局");
        var copied = browser.AuthCookie;
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/authority/profile")).StatusCode);

        Assert.Equal(0, await AdminAsync("disable-account", "--login", "hp_edu"));
        AssertSentToLogin(await HttpSession.ReplayAsync(Server, "/authority/profile", copied));

        using var again = new HttpSession(Server);
        var refused = await again.PostFormAsync("/account/login", "/account/login", "login",
            ("Input.Mode", "personal"), ("Input.ReturnUrl", ""), ("Input.UserName", "hp_edu"), ("Input.Password", HttpSession.DemoPassword));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("login-error", await refused.Content.ReadAsStringAsync());

        Assert.Equal(0, await AdminAsync("enable-account", "--login", "hp_edu"));
        await again.SignInAsync("hp_edu", "广州市黄埔区教育局");
    }

    private async Task<int> AdminAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await AdminCommand.RunAsync([AdminCommand.Verb, .. args, "--Database:Provider=Sqlite", $"--Database:ConnectionString={Server.ConnectionString}", "--Logging:LogLevel:Default=Warning"],
            TextReader.Null, output, error);
        Assert.True(code == 0, error.ToString());
        return code;
    }
}
