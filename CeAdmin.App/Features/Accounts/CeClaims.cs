using System.Security.Claims;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Organizations;

namespace CeAdmin.App.Features.Accounts;

/// <summary>The claims the sign-in puts into the cookie besides Identity's own.</summary>
public static class CeClaims
{
    public const string UnitId = "ce:unit_id";
    public const string UnitName = "ce:unit_name";
    public const string UnitKind = "ce:unit_kind";
    /// <summary>The token of the server-side session (Security/SessionCookie).</summary>
    public const string SessionId = "ce:session";
    /// <summary>Role of a personal account signed in without a unit role.</summary>
    public const string PersonalRole = "Personal";
    /// <summary>Role of a unit account's own login (manages its operators).</summary>
    public const string UnitAdminRole = "UnitAdmin";
    /// <summary>系统管理员, chosen after 个人登录 by an account that holds it.</summary>
    public const string SystemAdministratorRole = "SystemAdministrator";
    /// <summary>安全审计员, chosen after 个人登录 by an account that holds it.</summary>
    public const string SecurityAuditorRole = "SecurityAuditor";

    /// <summary>Kept when Identity refreshes the cookie's principal.</summary>
    public static readonly string[] Custom = [UnitId, UnitName, UnitKind, SessionId];

    public static Actor? ToActor(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return null;
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var name = user.Identity.Name;
        if (id is null || name is null) return null;
        if (user.IsInRole(SystemAdministratorRole)) return new Actor(id, name, 0, "", IsSystemAdministrator: true);
        if (user.IsInRole(SecurityAuditorRole)) return new Actor(id, name, 0, "", IsSecurityAuditor: true);
        if (!int.TryParse(user.FindFirstValue(UnitId), out var unitId))
            return new Actor(id, name, 0, "");
        if (user.IsInRole(UnitAdminRole))
            return new Actor(id, name, unitId, user.FindFirstValue(UnitName) ?? "", null, IsUnitLogin: true);
        UnitKind? kind = Enum.TryParse<UnitKind>(user.FindFirstValue(UnitKind), out var k) ? k : null;
        return new Actor(id, name, unitId, user.FindFirstValue(UnitName) ?? "", kind);
    }
}
