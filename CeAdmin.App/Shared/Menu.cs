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
        new("专业课目录管理", MudBlazor.Icons.Material.Outlined.MenuBook,
        [
            new("专业课目录指南发布", "catalogs", s => s.IsProvinceAuthority),
        ]),
        new("个人账号", MudBlazor.Icons.Material.Outlined.Person,
        [
            new("个人账号实名认证", "account/verify", s => s.IsPersonal),
            new("我经办的单位账号信息", "account/my-units", s => s.IsPersonal),
        ]),
        new("单位账号", MudBlazor.Icons.Material.Outlined.Business,
        [
            new("单位经办人员信息", "unit/operators", s => s.IsUnitAdmin),
        ]),
        new("师资管理", MudBlazor.Icons.Material.Outlined.School,
        [
            new("师资信息维护", "teachers", s => s.IsAuthority || s.Kind is CeAdmin.Domain.Organizations.UnitKind.Institution or CeAdmin.Domain.Organizations.UnitKind.Employer),
        ]),
    ];
}
