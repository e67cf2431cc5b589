using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.Playwright;

namespace CeAdmin.Tests.Infrastructure;

/// <summary>A demo account and the unit role it enters (README, "Demo accounts").</summary>
public sealed record DemoRole(string Key, string? Login, string? Unit = null, bool UnitLogin = false)
{
    public override string ToString() => Key;

    /// <summary>Signs <paramref name="page"/> in as this role (nothing for a visitor).</summary>
    public async Task SignInAsync(BrowserFixture browser, IPage page)
    {
        if (Login is null) return;
        if (UnitLogin)
        {
            await page.GotoAsync("/account/login?mode=unit");
            await page.FillAsync("#username", Login);
            await page.FillAsync("#password", browser.DemoPassword);
            await page.ClickAsync("#login-submit");
            await page.WaitForURLAsync(u => !u.Contains("/account/login"));
            return;
        }
        // Without a unit: the choose-unit step's "个人账号" way in.
        await browser.SignInAsync(page, Login, Unit);
    }
}

/// <summary>
/// Every routable page of the app, with the demo roles that open it (and how a parameterised route gets a sample
/// id). The routes come from the App assembly's @page directives: a page added without an entry here fails
/// <c>PageMapTests</c>, so whoever adds a page says who may open it, and the accessibility and layout tests
/// cover it from then on.
/// </summary>
public static class PageMap
{
    public static readonly DemoRole Visitor = new("访客（未登录）", null);
    public static readonly DemoRole Personal = new("个人账号", "new_user");
    public static readonly DemoRole UnitAccount = new("单位登录", "gz_edu_unit", UnitLogin: true);
    public static readonly DemoRole Province = new("省级行业主管", "gd_edu", "广东省教育厅");
    public static readonly DemoRole City = new("市级行业主管", "gz_edu", "广州市教育局");
    public static readonly DemoRole County = new("县级行业主管", "th_edu", "广州市天河区教育局");
    public static readonly DemoRole PendingAuthority = new("未获批的行业主管", "lw_edu", "广州市荔湾区教育局");
    public static readonly DemoRole Hrss = new("人社业务主管部门", "hrss_reviewer", "广东省人力资源和社会保障厅");
    public static readonly DemoRole Institution = new("施教机构", "gz_train", "广州市专业技术人员继续教育培训中心");
    public static readonly DemoRole NewInstitution = new("未取得资格的施教机构", "py_train", "广州市番禺区职业培训学校");
    public static readonly DemoRole Employer = new("法人单位", "gz_corp", "广州智造科技有限公司");
    public static readonly DemoRole Administrator = new("系统管理员", "sys_admin", "系统管理员");
    public static readonly DemoRole Auditor = new("安全审计员", "sec_auditor", "安全审计员");

    public static readonly IReadOnlyList<DemoRole> Roles =
        [Visitor, Personal, UnitAccount, Province, City, County, PendingAuthority, Hrss, Institution, NewInstitution, Employer, Administrator, Auditor];

    private static readonly DemoRole[] Operators = [Province, City, County, PendingAuthority, Hrss, Institution, NewInstitution, Employer];
    private static readonly DemoRole[] SignedIn = [Personal, UnitAccount, .. Operators, Administrator, Auditor];
    private static readonly DemoRole[] Approved = [Province, City, County];
    private static readonly DemoRole[] Supervisors = [.. Approved, Hrss];
    private static readonly DemoRole[] Filers = [.. Approved, Institution, Employer];

    /// <summary>Keyed by the route template exactly as the @page directive spells it.</summary>
    public static readonly IReadOnlyDictionary<string, PageEntry> Pages = new[]
    {
        Page("/", SignedIn),
        Page("/Error", Visitor),
        Page("/not-found", [Visitor, City]),
        // Where a role that may not open a page is sent: every test below opens one such page per role.
        Page("/account/denied", [PendingAuthority]),
        Page("/account/login", Visitor),
        Page("/account/register", Visitor),
        Page("/account/register-unit", Visitor),
        Page("/account/forgot-password", Visitor),
        Page("/account/choose-unit", [Personal, City]),
        Page("/account/password", SignedIn),
        Page("/account/verify", Personal),
        Page("/account/my-units", Personal),
        Page("/unit/operators", UnitAccount),
        Page("/authority/application", [PendingAuthority, City]),
        Page("/authority/profile", Approved),
        Page("/authority/subordinates", [Province, City]),
        Page("/authority/subordinates/{Id:int}", [Province, City], From("/authority/subordinates")),
        Page("/authority-reviews", [Province, City, Hrss]),
        Page("/authority-reviews/{CaseId:int}", [Province, City, Hrss], From("/authority-reviews", "[审核]")),
        Page("/qualification-reviews", Approved),
        Page("/qualification-reviews/{CaseId:int}", [City, County], From("/qualification-reviews", "[审核]")),
        Page("/catalogs", Province),
        Page("/catalogs/new", Province),
        Page("/catalogs/{Id:int}", Province, From("/catalogs")),
        Page("/institution", [Institution, NewInstitution]),
        Page("/roster", [Institution, NewInstitution]),
        Page("/teachers", [.. Approved, Institution, NewInstitution, Employer]),
        Page("/plans", Filers),
        Page("/plans/new", Filers),
        Page("/plans/{Id:int}", [City, Institution, Employer], From("/plans")),
        Page("/plan-reviews", Supervisors),
        Page("/plan-reviews/{CaseId:int}", [City, Hrss], From("/plan-reviews", "[审核]")),
        Page("/plan-query", Supervisors),
        Page("/plan-query/{Id:int}", [City, Hrss], From("/plan-query")),
        Page("/class-query", Supervisors),
        Page("/records", Supervisors),
        Page("/records/{Id:long}", [City, Hrss], From("/records")),
        Page("/record-import", Approved),
        Page("/statistics", Supervisors),
        Page("/compliance", Supervisors),
        Page("/compliance/{RecordId:long}", [City, Hrss], From("/compliance")),
        // The public verification page; an unknown token is answered on the page itself.
        Page("/verify/{Token}", Visitor),
        Page("/hours-rules", Supervisors),
        Page("/review-opinions", [Province, City, Hrss]),
        Page("/messages", [Personal, .. Operators]),
        Page("/admin/accounts", Administrator),
        Page("/admin/units", Administrator),
        Page("/admin/settings", Administrator),
        Page("/audit", Auditor),
    }.ToDictionary(p => p.Template);

    /// <summary>The route templates of every page in the App assembly (its @page directives).</summary>
    public static IReadOnlyList<string> AppRoutes() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => r.Template)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The pages <paramref name="role"/> opens, parameterless ones first (they give the samples).</summary>
    public static IReadOnlyList<PageEntry> PagesOf(DemoRole role) =>
        Pages.Values.Where(p => p.Roles.Contains(role)).OrderBy(p => p.Sample is not null).ThenBy(p => p.Template, StringComparer.Ordinal).ToList();

    /// <summary>A page <paramref name="role"/> may not open, to see the refusal.</summary>
    public static PageEntry RefusedTo(DemoRole role) =>
        Pages.Values.First(p => p.Sample is null && !p.Roles.Contains(role) && p.Template != "/account/denied"
                                && !p.Roles.Contains(Visitor) && p.Template is not ("/" or "/account/password" or "/account/choose-unit"));

    private static PageEntry Page(string template, DemoRole role, SampleSource? sample = null) => Page(template, [role], sample);

    private static PageEntry Page(string template, DemoRole[] roles, SampleSource? sample = null) => new(template, roles, sample);

    private static SampleSource From(string listPath, string? preferredText = null) => new(listPath, preferredText);
}

/// <summary>A route, the roles that open it, and for a parameterised route where its sample id comes from.</summary>
public sealed record PageEntry(string Template, IReadOnlyList<DemoRole> Roles, SampleSource? Sample)
{
    public override string ToString() => Template;
}

/// <summary>
/// A parameterised route's sample: the first link to it on <paramref name="ListPath"/> as the same role (a row of
/// the role's own scope), preferring one whose text contains <paramref name="PreferredText"/> (e.g. [审核]: a case
/// still open, so that the review panel is on the page).
/// </summary>
public sealed record SampleSource(string ListPath, string? PreferredText);
