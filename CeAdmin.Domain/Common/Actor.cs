using CeAdmin.Domain.Organizations;

namespace CeAdmin.Domain.Common;

/// <summary>
/// The signed-in operator and the unit he acts for. UnitId is 0 for a personal session
/// (a personal account that has not entered a unit role). IsUnitLogin marks a unit account's own
/// login, which manages its operators but does not operate the system itself. IsSystemAdministrator
/// marks the system's administrator (系统管理员, signed in and having chosen that role, or the server's
/// command line, <see cref="Console"/>); IsSecurityAuditor the 安全审计员. Neither acts for a unit.
/// </summary>
public sealed record Actor(string UserId, string UserName, int UnitId, string UnitName, UnitKind? UnitKind = null, bool IsUnitLogin = false,
    bool IsSystemAdministrator = false, bool IsSecurityAuditor = false)
{
    /// <summary>A person signed in without a unit role (and without a system role).</summary>
    public bool IsPersonal => UnitId == 0 && !IsSystemAdministrator && !IsSecurityAuditor;

    /// <summary>The user id the server's command line acts under (no account of its own).</summary>
    public const string CommandLineUserId = "system";

    /// <summary>The server's administration command, not a signed-in account.</summary>
    public bool IsCommandLine => UserId == CommandLineUserId && IsSystemAdministrator;

    /// <summary>The operator of the server's administration command (docs/deploy.md).</summary>
    public static Actor Console(string who) => new(CommandLineUserId, who, 0, "", IsSystemAdministrator: true);
}

/// <summary>Who is calling; the App reads it from the authentication state, tests fix it.</summary>
public interface ICurrentUser
{
    ValueTask<Actor?> GetActorAsync();
}

public static class CurrentUserExtensions
{
    public static async ValueTask<Actor> RequireActorAsync(this ICurrentUser user)
        => await user.GetActorAsync() ?? throw new DomainException("请先登录");

    /// <summary>The caller must act for a unit of the given kind; every service method starts with this.</summary>
    public static async ValueTask<Actor> RequireUnitAsync(this ICurrentUser user, params UnitKind[] kinds)
    {
        var actor = await user.RequireActorAsync();
        if (actor.IsPersonal || actor.IsUnitLogin || actor.UnitKind is not { } kind || (kinds.Length > 0 && !kinds.Contains(kind)))
            throw new ScopeException("无权执行该操作：请以相应的单位角色登录");
        return actor;
    }

    /// <summary>The caller must be the system's administrator (signed in as 系统管理员, or the server's command line).</summary>
    public static async ValueTask<Actor> RequireSystemAdministratorAsync(this ICurrentUser user)
    {
        var actor = await user.RequireActorAsync();
        if (!actor.IsSystemAdministrator) throw new ScopeException("无权执行该操作：只有系统管理员可以办理");
        return actor;
    }

    /// <summary>The caller must be the 安全审计员 (the audit log is his alone: the administrator may not read it).</summary>
    public static async ValueTask<Actor> RequireSecurityAuditorAsync(this ICurrentUser user)
    {
        var actor = await user.RequireActorAsync();
        if (!actor.IsSecurityAuditor) throw new ScopeException("无权执行该操作：只有安全审计员可以查看审计日志");
        return actor;
    }
}

public sealed class FixedCurrentUser(Actor? actor) : ICurrentUser
{
    public ValueTask<Actor?> GetActorAsync() => ValueTask.FromResult(actor);
}
