using CeAdmin.App.Features.Accounts;
using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.App.Features.Security;

/// <summary>
/// The 系统管理 pages for the 系统管理员, the 审计日志 page for the 安全审计员 (docs/powers.md). Not scoped by
/// region; every other role (units, persons, the other system role) is refused before anything renders.
/// </summary>
public static class SystemRolePolicies
{
    public const string SystemAdministration = "SystemAdministration";
    public const string SecurityAudit = "SecurityAudit";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(SystemAdministration, p => p.AddRequirements(new SystemRoleRequirement(SystemRole.Administrator)));
        options.AddPolicy(SecurityAudit, p => p.AddRequirements(new SystemRoleRequirement(SystemRole.Auditor)));
    }
}

public sealed record SystemRoleRequirement(SystemRole Role) : IAuthorizationRequirement;

/// <summary>The cookie's chosen role, confirmed against the account on every check (a role taken away counts at once).</summary>
public sealed class SystemRoleHandler(AppDbContextOptions contexts) : AuthorizationHandler<SystemRoleRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, SystemRoleRequirement requirement)
    {
        var actor = CeClaims.ToActor(context.User);
        var chosen = requirement.Role == SystemRole.Administrator ? actor?.IsSystemAdministrator : actor?.IsSecurityAuditor;
        if (chosen != true) return;
        await using var db = contexts.Create();
        if (await db.Users.AsNoTracking().AnyAsync(u => u.Id == actor!.UserId && u.SystemRole == requirement.Role && u.DisabledAt == null))
            context.Succeed(requirement);
    }
}
