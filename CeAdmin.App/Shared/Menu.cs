namespace CeAdmin.App.Shared;

public sealed record MenuItem(string Title, string Href, Func<SessionInfo, bool> Visible);

public sealed record MenuGroup(string Title, string Icon, IReadOnlyList<MenuItem> Items);

/// <summary>
/// The navigation mirrors the manual's chapters; each item says who may see it. Pages enforce the
/// same rule themselves (and services again): hiding a link is not the protection.
/// </summary>
public static class Menu
{
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
        new("查询统计", MudBlazor.Icons.Material.Outlined.QueryStats,
        [
            new("继续教育记录查询", "records", s => s.IsSupervisor),
            new("继续教育记录导入", "record-import", s => s.IsAuthority),
            new("统计分析", "statistics", s => s.IsSupervisor),
            new("培训班结业名单", "roster", s => s.IsInstitution),
        ]),
    ];
}
