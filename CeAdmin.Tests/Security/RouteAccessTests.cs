using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using CeAdmin.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace CeAdmin.Tests.Security;

/// <summary>
/// Every routed page of the app (found by reflection, so a page added later is covered) opened by its address as
/// every kind of caller the demo has, and as a visitor who is not signed in. A signed-in caller gets either the
/// page or the one refusal page (403, <c>#access-refused</c>, the same text everywhere); which of the two is not
/// read from the pages' own policies but from what the caller's menu offers: a page is the caller's when the menu
/// links to it or to the list it belongs to (<c>/plans/new</c> belongs to <c>/plans</c>). A visitor is sent to the
/// login, except on the public pages; the not-found page offers him 登录.
/// </summary>
public sealed partial class RouteAccessTests(RouteAccessTests.Server server) : IClassFixture<RouteAccessTests.Server>
{
    public sealed class Server : IAsyncLifetime
    {
        public AppServer App { get; private set; } = null!;

        public Task InitializeAsync()
        {
            App = new AppServer();
            return Task.CompletedTask;
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    /// <param name="Login">Null: not signed in.</param>
    /// <param name="Unit">The unit role chosen after 个人登录; null: a person without a unit role, or a unit login.</param>
    /// <param name="AlsoMay">Pages the caller may read although its menu does not list them (docs/powers.md).</param>
    public sealed record Caller(string Label, string? Login, string? Unit = null, bool UnitLogin = false, params string[] AlsoMay);

    // 学时规定: approved authorities read the per-year rules (docs/powers.md); the menu offers it to the HRSS department.
    public static readonly Caller[] Callers =
    [
        new("省级行业主管部门", "gd_edu", "广东省教育厅", false, "/hours-rules"),
        new("市级行业主管部门", "gz_edu", "广州市教育局", false, "/hours-rules"),
        new("县级行业主管部门", "th_edu", "广州市天河区教育局", false, "/hours-rules"),
        new("角色申请待审核的行业主管部门", "hz_edu", "广州市海珠区教育局"),
        new("人社业务主管部门", "hrss_reviewer", "广东省人力资源和社会保障厅"),
        new("省级施教机构", "gpnu_ce", "广东技术师范大学继续教育学院"),
        new("市级施教机构", "gz_train", "广州市专业技术人员继续教育培训中心"),
        new("尚无专业培训资格的施教机构", "py_train", "广州市番禺区职业培训学校"),
        new("法人单位", "gz_corp", "广州智造科技有限公司"),
        new("个人账号", "new_user"),
        new("单位账号", "gz_edu_unit", UnitLogin: true),
        new("未登录的访客", null),
    ];

    public static TheoryData<string> CallerLabels => [.. Callers.Select(c => c.Label)];

    public sealed record PageRoute(string Template, Type Page)
    {
        /// <summary>The address opened: route parameters get an id.</summary>
        public string Path => RouteParameter().Replace(Template, "1");

        public bool HasParameters => Template.Contains('{');

        public bool IsPublic => Page.GetCustomAttribute<AuthorizeAttribute>() is null;

        /// <summary>The sign-in pages are static and may send the caller on (choose-unit sends a unit login back to the login).</summary>
        public bool IsSignInFlow => Template.StartsWith("/account/", StringComparison.Ordinal)
                                   && Page.GetCustomAttribute<ExcludeFromInteractiveRoutingAttribute>() is not null;

        /// <summary>The list a page belongs to: its address without a last segment that is a parameter or "new".</summary>
        public string ListPath
        {
            get
            {
                var segments = Template.Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
                if (segments.Count > 1 && (segments[^1].StartsWith('{') || segments[^1] == "new")) segments.RemoveAt(segments.Count - 1);
                return "/" + string.Join('/', segments);
            }
        }
    }

    /// <summary>Every @page of the app.</summary>
    public static IReadOnlyList<PageRoute> Routes { get; } = typeof(Program).Assembly.GetTypes()
        .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => new PageRoute(r.Template, t)))
        .OrderBy(r => r.Template, StringComparer.Ordinal)
        .ToList();

    public enum Outcome { Page, Refused, ToLogin, Elsewhere }

    [Fact]
    public void The_routes_are_found_by_reflection()
    {
        Assert.True(Routes.Count >= 40, $"only {Routes.Count} routes found");
        Assert.Contains(Routes, r => r.Template == "/catalogs/new");
        Assert.Contains(Routes, r => r.Template == "/records/{Id:long}");
    }

    [Theory]
    [MemberData(nameof(CallerLabels))]
    public async Task Every_page_shows_itself_or_the_one_refusal(string label)
    {
        var caller = Callers.Single(c => c.Label == label);
        using var browser = new HttpSession(server.App);
        if (caller.Login is not null) await SignInAsync(browser, caller);
        var menu = caller.Login is null ? new HashSet<string>() : await MenuOfAsync(browser);

        var failures = new List<string>();
        var refusals = new HashSet<string>();
        foreach (var route in Routes)
        {
            var page = await browser.GetAsync(route.Path);
            var outcome = Classify(page);
            var expected = Expected(caller, route, menu);
            if (!expected.Contains(outcome))
            {
                failures.Add($"{route.Path}: {outcome} ({(int)page.Status} {page.Location}), expected {string.Join(" or ", expected)}");
                continue;
            }
            if (outcome == Outcome.Refused) refusals.Add(RefusalText(page.Html));
            if (outcome == Outcome.Page && !route.IsPublic && !route.HasParameters && ErrorShown(page.Html) is { } error)
                failures.Add($"{route.Path}: the page shows an error instead of refusing: {error}");
        }

        Assert.True(failures.Count == 0, $"{label}:\n" + string.Join("\n", failures));
        // One refusal: the same words on every page refused.
        Assert.True(refusals.Count <= 1, string.Join("\n---\n", refusals));
    }

    [Fact]
    public async Task A_city_authority_opening_the_catalogs_by_address_gets_the_refusal_before_anything_of_them()
    {
        using var browser = new HttpSession(server.App);
        await SignInAsync(browser, Callers.Single(c => c.Login == "gz_edu"));
        foreach (var path in new[] { "/catalogs", "/catalogs/new" })
        {
            var page = await browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, page.Status);
            Assert.Contains("id=\"access-refused\"", page.Html);
            Assert.DoesNotContain("新申请", page.Html);
            Assert.DoesNotContain("catalog-grid", page.Html);
            Assert.DoesNotContain("专业课名称", page.Html);
        }
    }

    [Fact]
    public async Task The_not_found_page_offers_a_visitor_the_login()
    {
        using var visitor = new HttpSession(server.App);
        foreach (var path in new[] { "/not-found", "/no-such-page" })
        {
            var page = await visitor.GetAsync(path);
            Assert.Contains("id=\"not-found\"", page.Html);
            Assert.Matches("id=\"not-found-login\"[^>]*href=\"account/login\"|href=\"account/login\"[^>]*id=\"not-found-login\"", page.Html);
        }

        using var signedIn = new HttpSession(server.App);
        await SignInAsync(signedIn, Callers.Single(c => c.Login == "gz_edu"));
        var known = await signedIn.GetAsync("/no-such-page");
        Assert.Contains("id=\"not-found\"", known.Html);
        Assert.DoesNotContain("not-found-login", known.Html);
    }

    private static Outcome[] Expected(Caller caller, PageRoute route, IReadOnlySet<string> menu)
    {
        if (caller.Login is null) return route.IsPublic ? [Outcome.Page] : [Outcome.ToLogin];
        if (route.IsSignInFlow) return [Outcome.Page, Outcome.Elsewhere, Outcome.ToLogin];
        if (route.IsPublic) return [Outcome.Page];
        // Where a refused download sends the browser: the refusal page itself.
        if (route.Template == "/account/denied") return [Outcome.Refused];
        var mine = route.ListPath == "/" || route.ListPath == "/account/password"
                   || menu.Contains(route.ListPath) || caller.AlsoMay.Contains(route.ListPath);
        return mine ? [Outcome.Page] : [Outcome.Refused];
    }

    private static Outcome Classify(HttpSession.Page page) => page switch
    {
        { Status: HttpStatusCode.Forbidden } when page.Html.Contains("id=\"access-refused\"") => Outcome.Refused,
        { Status: HttpStatusCode.OK } when !page.Html.Contains("id=\"access-refused\"") => Outcome.Page,
        { Status: HttpStatusCode.Redirect, Location: { } to } when to.Contains("/account/login") => Outcome.ToLogin,
        { Status: HttpStatusCode.Redirect } => Outcome.Elsewhere,
        _ => (Outcome)(-1),
    };

    private static async Task SignInAsync(HttpSession browser, Caller caller)
    {
        if (caller.UnitLogin)
        {
            var page = await browser.TrySignInAsync(caller.Login!, HttpSession.DemoPassword, mode: "unit");
            Assert.Equal(HttpStatusCode.Redirect, page.Status);
            return;
        }
        await browser.SignInAsync(caller.Login!, caller.Unit);
    }

    /// <summary>The addresses the caller's menu links to, as the home page draws it.</summary>
    private static async Task<IReadOnlySet<string>> MenuOfAsync(HttpSession browser)
    {
        var home = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.Status);
        return AnchorTag().Matches(home.Html).Select(m => m.Value)
            // The menu, and the top bar's 站内消息 button.
            .Where(tag => tag.Contains("mud-nav-link") || tag.Contains("id=\"messages-link\""))
            .Select(tag => "/" + Href().Match(tag).Groups[1].Value)
            .ToHashSet();
    }

    private static string RefusalText(string html) =>
        WebUtility.HtmlDecode(Regex.Replace(html[html.IndexOf("id=\"access-refused\"", StringComparison.Ordinal)..], "<[^>]+>", " ")).Split("返回首页")[0].Trim();

    /// <summary>An error alert or snackbar on a page that rendered: how a page refused before it had a policy.</summary>
    private static string? ErrorShown(string html) =>
        ErrorAlert().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(Regex.Replace(m.Value, "<[^>]+>", " ")).Trim() : null;

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@"<a\b[^>]*>")]
    private static partial Regex AnchorTag();

    [GeneratedRegex(@"\bhref=""([^""]*)""")]
    private static partial Regex Href();

    [GeneratedRegex(@"class=""[^""]*mud-(?:alert-(?:text|filled|outlined)-error|snackbar-error)[^""]*""[^>]*>.{0,400}", RegexOptions.Singleline)]
    private static partial Regex ErrorAlert();
}
