using System.Net;
using CeAdmin.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CeAdmin.Tests.Security;

/// <summary>
/// The refusal is the same when a page is reached inside the circuit (a menu link, a link on a page, going back)
/// as when its address is opened: every page of the app is navigated to without a reload, as a city authority and
/// as an authority whose 角色申请 still waits, and shows what the server answered for its address (the page, or
/// the one refusal); a page shown shows no error in its place.
/// </summary>
public sealed class RouteAccessBrowserTests(BrowserFixture browser) : BrowserTest
{
    [Theory]
    [InlineData("gz_edu", "广州市教育局")]
    [InlineData("hz_edu", "广州市海珠区教育局")]
    public async Task Navigating_inside_the_circuit_refuses_as_the_address_does(string login, string unit)
    {
        using var http = new HttpSession(browser.Server);
        await http.SignInAsync(login, unit);
        var page = await browser.SignedInPageAsync(login, unit);

        var failures = new List<string>();
        foreach (var route in RouteAccessTests.Routes.Where(r => !r.IsPublic && !r.IsSignInFlow && r.Template != "/"))
        {
            var byAddress = (await http.GetAsync(route.Path)).Status == HttpStatusCode.Forbidden;

            await NavigateAsync(page, "/");
            await Assertions.Expect(page.Locator(".breadcrumb .current")).ToHaveTextAsync("首页");
            await NavigateAsync(page, route.Path);
            await Assertions.Expect(page.Locator(".breadcrumb .current")).Not.ToHaveTextAsync("首页");
            var refused = await page.Locator("#access-refused").CountAsync() > 0;
            if (refused != byAddress)
            {
                failures.Add($"{route.Path}: {(refused ? "refused" : "shown")} inside the circuit, {(byAddress ? "refused" : "shown")} by its address");
                continue;
            }
            if (refused)
            {
                Assert.Equal(route.Path, new Uri(page.Url).AbsolutePath);
                if (route.Template == "/catalogs") await BrowserFixture.ScreenshotAsync(page, $"security-03-refused-in-circuit-{login}");
            }
            else if (!route.HasParameters)
            {
                // A list that loads its rows: no red message instead of a refusal.
                await Assertions.Expect(page.Locator(".mud-table-loading-progress")).ToHaveCountAsync(0);
                var errors = await page.Locator(".mud-snackbar.mud-alert-filled-error, .mud-alert-text-error, .mud-alert-filled-error").AllInnerTextsAsync();
                if (errors.Count > 0) failures.Add($"{route.Path}: shows an error: {string.Join(" / ", errors)}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task The_refusal_and_the_not_found_page_as_a_visitor_sees_them()
    {
        var page = await browser.SignedInPageAsync("gz_edu", "广州市教育局");
        var response = await page.GotoAsync("/catalogs/new");
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.Locator("#access-refused")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#new-catalog")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "security-04-refused-by-address");

        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync("/no-such-page");
        await visitor.ClickAsync("#not-found-login");
        await visitor.WaitForURLAsync(url => url.Contains("/account/login"));
        await visitor.GoBackAsync();
        await Assertions.Expect(visitor.Locator("#not-found-login")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(visitor, "security-05-not-found-visitor");
    }

    /// <summary>Blazor's own client-side navigation: the router of the running circuit renders the next page.</summary>
    private static Task NavigateAsync(IPage page, string path) => page.EvaluateAsync("p => Blazor.navigateTo(p)", path);
}
