using CeAdmin.Domain.Accounts;
using CeAdmin.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CeAdmin.Tests.Security;

/// <summary>
/// An app whose idle limit is twelve seconds (long enough for a sign-in on a loaded machine to finish inside
/// it) and whose circuits re-check every second.
/// </summary>
public sealed class ShortSessionFixture : BrowserFixture
{
    protected override Dictionary<string, string?> Settings => new()
    {
        ["Security:IdleMinutes"] = "0.2",
        ["Security:RevalidationSeconds"] = "1",
    };
}

/// <summary>Idle sign-out and prompt loss of an open circuit when the operator's authorisation is withdrawn.</summary>
[Collection("Browser waits")]
public sealed class SessionBrowserTests(ShortSessionFixture browser) : BrowserTest<ShortSessionFixture>
{
    [Fact]
    public async Task An_idle_session_is_signed_out_with_a_message()
    {
        var page = await browser.SignedInPageAsync("th_edu", "广州市天河区教育局");
        await page.WaitForURLAsync(u => u.Contains("reason=idle"), new() { Timeout = 40_000 });
        await Microsoft.Playwright.Assertions.Expect(page.Locator(".login-notice")).ToContainTextAsync("未操作，系统已自动退出");
        await BrowserFixture.ScreenshotAsync(page, "1.1.4-09-idle-signed-out");
    }

    [Fact]
    public async Task A_locked_account_loses_its_open_circuit()
    {
        var page = await browser.SignedInPageAsync("gz_train", "广州市专业技术人员继续教育培训中心");

        // An administrator disables the account: locked out with a new security stamp.
        await using (var scope = browser.Server.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByNameAsync("gz_train"))!;
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            await users.UpdateSecurityStampAsync(user);
        }

        await page.WaitForURLAsync(u => u.Contains("/account/login"), new() { Timeout = 15_000 });
    }
}

/// <summary>Circuits re-check every second; sessions end 30 seconds after the password was entered.</summary>
public sealed class RevalidatingFixture : BrowserFixture
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    protected override Dictionary<string, string?> Settings => new()
    {
        ["Security:RevalidationSeconds"] = "1",
        ["Security:AbsoluteSessionHours"] = Lifetime.TotalHours.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>An open page (its circuit) ends with its server-side session: 退出 elsewhere, the absolute lifetime.</summary>
[Collection("Browser waits")]
public sealed class SessionCircuitBrowserTests(RevalidatingFixture browser) : BrowserTest<RevalidatingFixture>
{
    [Fact]
    public async Task Signing_out_in_one_tab_ends_the_open_page_in_the_other()
    {
        var page = await browser.SignedInPageAsync("gz_edu", "广州市教育局");
        var started = System.Diagnostics.Stopwatch.StartNew();
        await browser.GotoAsync(page, "/records");

        // The second tab shares the cookie; its 退出 ends the session on the server.
        var other = await page.Context.NewPageAsync();
        await other.GotoAsync("/");
        await BrowserFixture.WaitInteractiveAsync(other);
        await other.ClickAsync("#logout");
        await other.WaitForURLAsync(u => u.Contains("reason=signedout"));

        await page.WaitForURLAsync(u => u.Contains("/account/login"), new() { Timeout = 15_000 });
        Assert.True(started.Elapsed < RevalidatingFixture.Lifetime, "ended by the sign-out, not by the lifetime");
    }

    [Fact]
    public async Task An_open_page_ends_at_the_absolute_lifetime()
    {
        var page = await browser.SignedInPageAsync("gd_edu", "广东省教育厅");
        var started = System.Diagnostics.Stopwatch.StartNew();
        await page.WaitForURLAsync(u => u.Contains("/account/login"), new() { Timeout = 60_000 });
        // Not before the lifetime (less the seconds the sign-in took before the stopwatch started).
        Assert.True(started.Elapsed > RevalidatingFixture.Lifetime - TimeSpan.FromSeconds(8), started.Elapsed.ToString());
    }
}
