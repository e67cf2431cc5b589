using CeAdmin.Domain.Organizations;

namespace CeAdmin.App.Shared;

public sealed record MenuItem(string Title, string Href, Func<SessionInfo, bool> Visible);

public sealed record MenuGroup(string Title, string Icon, IReadOnlyList<MenuItem> Items);

/// <summary>
/// The navigation mirrors the manual's chapters (1.1 to 1.7); each item says who may see it. Pages
/// enforce the same rule themselves (and services again): hiding a link is not the protection.
/// </summary>
public static class Menu
{
    private static bool ManagesTeachers(SessionInfo s) => s.Can(Power.ManageTeachers);

    private static bool ReviewsPlans(SessionInfo s) => s.IsAuthority || s.Kind == UnitKind.Hrss;

    public static readonly IReadOnlyList<MenuGroup> Groups =
    [
        new("个人账号", MudBlazor.Icons.Material.Outlined.Person,
        [
            new("个人账号实名认证", "account/verify", s => s.IsPersonal),
            new("我经办的单位账号信息", "account/my-units", s => s.IsPersonal),
        ]),
        new("单位账号", MudBlazor.Icons.Material.Outlined.Business,
        [
            new("单位经办人员信息", "unit/operators", s => s.IsUnitAdmin),
        ]),
        new("行业主管部门（行业组织）", MudBlazor.Icons.Material.Outlined.AccountBalance,
        [
            // Before approval this is the only page an authority's operator has.
            new("行业部门（行业组织）角色申请", "authority/application", s => s.Kind == UnitKind.Authority),
            new("行业主管部门信息维护", "authority/profile", s => s.IsAuthority),
        ]),
        new("施教机构", MudBlazor.Icons.Material.Outlined.School,
        [
            new("机构信息与专业培训资格申请", "institution", s => s.Kind == UnitKind.Institution),
            new("培训班结业名单", "roster", s => s.IsInstitution),
        ]),
        new("专业课目录管理", MudBlazor.Icons.Material.Outlined.MenuBook,
        [
            new("专业课目录指南发布", "catalogs", s => s.IsProvinceAuthority),
        ]),
        new("课程培训计划管理", MudBlazor.Icons.Material.Outlined.EventNote,
        [
            new("专业课计划审核", "plan-reviews", ReviewsPlans),
            new("专业课计划备案", "plans", s => s.IsAuthority),
            // An institution files plans once a 专业培训资格 is approved.
            new("专业课计划申报", "plans", s => s.Kind is UnitKind.Institution or UnitKind.Employer && s.Can(Power.FilePlans)),
        ]),
        new("行业主管业务管理", MudBlazor.Icons.Material.Outlined.FactCheck,
        [
            new("下级行业主管部门（行业组织）信息审核", "authority-reviews", s => s.IsAuthority && s.AuthorityLevel != AffiliationLevel.County),
            new("施教机构专业培训资格审核", "qualification-reviews", s => s.IsAuthority),
            new("常用审核意见", "review-opinions", s => s.IsAuthority),
        ]),
        new("人社业务审核", MudBlazor.Icons.Material.Outlined.FactCheck,
        [
            new("省级行业主管角色申请审核", "authority-reviews", s => s.Kind == UnitKind.Hrss),
            new("学时规定", "hours-rules", s => s.Kind == UnitKind.Hrss),
            new("常用审核意见", "review-opinions", s => s.Kind == UnitKind.Hrss),
        ]),
        new("师资管理", MudBlazor.Icons.Material.Outlined.Groups,
        [
            new("师资信息维护", "teachers", ManagesTeachers),
        ]),
        new("系统管理", MudBlazor.Icons.Material.Outlined.AdminPanelSettings,
        [
            new("账号管理", "admin/accounts", s => s.IsSystemAdministrator),
            new("单位管理", "admin/units", s => s.IsSystemAdministrator),
            new("运行参数", "admin/settings", s => s.IsSystemAdministrator),
        ]),
        new("安全审计", MudBlazor.Icons.Material.Outlined.Policy,
        [
            new("审计日志", "audit", s => s.IsSecurityAuditor),
        ]),
        new("查询统计", MudBlazor.Icons.Material.Outlined.QueryStats,
        [
            new("继续教育记录查询", "records", s => s.IsSupervisor),
            new("继续教育记录导入", "record-import", s => s.IsAuthority),
            new("行业主管查询", "authority/subordinates", s => s.IsAuthority && s.AuthorityLevel != AffiliationLevel.County),
            new("专业课计划查询", "plan-query", ReviewsPlans),
            new("施教机构培训班查询", "class-query", ReviewsPlans),
            new("统计分析", "statistics", s => s.IsSupervisor),
        ]),
    ];
}
