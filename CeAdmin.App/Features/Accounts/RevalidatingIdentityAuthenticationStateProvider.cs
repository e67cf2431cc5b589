using System.Security.Claims;
using CeAdmin.Domain.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CeAdmin.App.Features.Accounts;

/// <summary>
/// Re-checks an open circuit's user every minute: a changed security stamp (password change,
/// operator removed or de-authorised), a locked or disabled account, an ended or expired server-side
/// session or a unit role no longer granted ends the session promptly, without waiting for the next
/// HTTP request.
/// </summary>
public sealed class RevalidatingIdentityAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    IOptions<IdentityOptions> options,
    SecurityOptions security,
    ClientContext client) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<RevalidatingIdentityAuthenticationStateProvider>();

    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(security.RevalidationSeconds);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        try
        {
            return await ValidateAsync(authenticationState, cancellationToken);
        }
        catch (CeAdmin.Domain.Data.DatabaseUnavailableException ex)
        {
            // The database is away (a restart taking longer than the retries): a failed check would sign every open
            // page out. Keep them; every action needs the database and says so until it is back, and the next round checks.
            _logger.LogWarning(ex, "Revalidation postponed: the database is unavailable");
            return true;
        }
    }

    private async Task<bool> ValidateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var principal = authenticationState.User;
        var user = await users.GetUserAsync(principal);
        if (user is null || user.IsDisabled || await users.IsLockedOutAsync(user)) return false;
        var stamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        if (stamp != await users.GetSecurityStampAsync(user)) return false;
        // 退出 in another tab, a password change elsewhere, the absolute lifetime: the session row says.
        var token = Security.SessionCookie.TokenOf(principal);
        if (!await scope.ServiceProvider.GetRequiredService<SessionService>().IsActiveAsync(token, user.Id, cancellationToken))
        {
            await Security.SessionCookie.AuditExpiryAsync(scope.ServiceProvider, principal, token, client.Address);
            return false;
        }

        var actor = CeClaims.ToActor(principal);
        // A system role holds while the account still has it (the command line may take it away).
        if (actor is { IsSystemAdministrator: true }) return user.SystemRole == SystemRole.Administrator;
        if (actor is { IsSecurityAuditor: true }) return user.SystemRole == SystemRole.Auditor;
        if (actor is { IsPersonal: false, IsUnitLogin: false })
        {
            var roles = await scope.ServiceProvider.GetRequiredService<SignInDirectory>().RolesForAsync(user.Id, cancellationToken);
            // The unit still grants the role, is not disabled, and is still of the kind the cookie names.
            return roles.Any(r => r.UnitId == actor.UnitId && r.Kind == actor.UnitKind);
        }
        return true;
    }
}
