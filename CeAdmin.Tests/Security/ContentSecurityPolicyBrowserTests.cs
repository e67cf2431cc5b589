using CeAdmin.Domain.Data;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CeAdmin.Tests.Security;

/// <summary>
/// The Content-Security-Policy holds with Blazor Server and MudBlazor: the main pages of several roles
/// load, run interactively and report no violation (securitypolicyviolation events and console errors).
/// </summary>
public sealed class ContentSecurityPolicyBrowserTests(BrowserFixture browser) : BrowserTest
{
    private const string Listener = """
        window.__csp = [];
        document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sourceFile || '') + ':' + e.lineNumber));
        """;

    private async Task<(IPage Page, List<string> Console)> PageAsync()
    {
        var page = await browser.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy") || m.Text.Contains("Content-Security-Policy")) lock (console) console.Add(m.Text); };
        await page.AddInitScriptAsync(Listener);
        return (page, console);
    }

    /// <summary>Opens each page, lets it render over the circuit, and collects what the browser refused.</summary>
    private static async Task<List<string>> VisitAsync(IPage page, List<string> console, params string[] paths)
    {
        var violations = new List<string>();
        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            if (!path.StartsWith("/account/login")) await BrowserFixture.WaitInteractiveAsync(page);
            await page.WaitForTimeoutAsync(400);
            violations.AddRange((await page.EvaluateAsync<string[]>("() => window.__csp")).Select(v => $"{path}: {v}"));
        }
        lock (console) violations.AddRange(console);
        return violations;
    }

    [Fact]
    public async Task The_listener_sees_a_violation_when_there_is_one()
    {
        var (page, console) = await PageAsync();
        await page.GotoAsync("/account/login");
        await page.EvaluateAsync("() => document.head.appendChild(Object.assign(document.createElement('script'), { textContent: 'window.__injected = 1' }))");
        await page.WaitForTimeoutAsync(300);
        Assert.Contains(await page.EvaluateAsync<string[]>("() => window.__csp"), v => v.StartsWith("script-src"));
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__injected"));
        Assert.NotEmpty(console);
    }

    [Fact]
    public async Task No_violation_on_the_main_pages_of_each_role()
    {
        long recordId;
        await using (var db = browser.Server.Services.GetRequiredService<AppDbContextOptions>().Create())
            recordId = await db.CeRecords.Where(r => r.RegionCode.StartsWith("4401")).Select(r => r.Id).FirstAsync();
        var violations = new List<string>();

        var (anonymous, anonymousConsole) = await PageAsync();
        violations.AddRange(await VisitAsync(anonymous, anonymousConsole, "/account/login", "/account/register", "/account/register-unit"));

        var (city, cityConsole) = await PageAsync();
        await browser.SignInAsync(city, "gz_edu", "广州市教育局");
        violations.AddRange(await VisitAsync(city, cityConsole, "/", "/records", $"/records/{recordId}", "/statistics", "/plan-reviews", "/authority-reviews",
            "/qualification-reviews", "/teachers", "/plans", "/record-import", "/authority/profile", "/plan-query", "/class-query"));
        // A dialog and a popover as well.
        await city.GotoAsync("/teachers");
        await BrowserFixture.WaitInteractiveAsync(city);
        await city.GetByRole(AriaRole.Button, new() { Name = "新增" }).First.ClickAsync();
        await city.Locator(".mud-dialog").WaitForAsync();
        await city.WaitForTimeoutAsync(400);
        violations.AddRange((await city.EvaluateAsync<string[]>("() => window.__csp")).Select(v => "teacher dialog: " + v));
        await BrowserFixture.ScreenshotAsync(city, "security-csp-teacher-dialog", fullPage: false);

        var (province, provinceConsole) = await PageAsync();
        await browser.SignInAsync(province, "gd_edu", "广东省教育厅");
        violations.AddRange(await VisitAsync(province, provinceConsole, "/catalogs", "/authority/subordinates"));

        var (institution, institutionConsole) = await PageAsync();
        await browser.SignInAsync(institution, "gz_train", "广州市专业技术人员继续教育培训中心");
        violations.AddRange(await VisitAsync(institution, institutionConsole, "/institution", "/plans", "/roster", "/teachers"));

        var (hrss, hrssConsole) = await PageAsync();
        await browser.SignInAsync(hrss, "hrss_reviewer", "广东省人力资源和社会保障厅");
        violations.AddRange(await VisitAsync(hrss, hrssConsole, "/hours-rules", "/authority-reviews", "/statistics"));
        await BrowserFixture.ScreenshotAsync(hrss, "security-csp-statistics");

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
