using CeAdmin.App.Features.Accounts;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Organizations;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.App.Shared;

/// <summary>What the shell needs to know about the signed-in user to draw menus.</summary>
public sealed record SessionInfo(Actor? Actor, bool IsUnitAdmin, AffiliationLevel? AuthorityLevel, bool AuthorityApproved, Power Powers = Power.None)
{
    /// <summary>What the unit may do now (docs/powers.md); the pages' policies ask the same.</summary>
    public bool Can(Power power) => (Powers & power) != 0;

    public UnitKind? Kind => Actor?.UnitKind;
    public bool IsAuthority => Kind == UnitKind.Authority && AuthorityApproved;
    public bool IsProvinceAuthority => IsAuthority && AuthorityLevel == AffiliationLevel.Province;
    public bool IsPersonal => Actor is { IsPersonal: true } && !IsUnitAdmin;
    public bool IsHrss => Kind == UnitKind.Hrss;
    public bool IsInstitution => Kind == UnitKind.Institution;
    /// <summary>Authorities and the HRSS department: who queries records and statistics.</summary>
    public bool IsSupervisor => IsAuthority || IsHrss;
    public bool IsSystemAdministrator => Actor is { IsSystemAdministrator: true };
    public bool IsSecurityAuditor => Actor is { IsSecurityAuditor: true };
}

/// <summary>Loads SessionInfo from the database, so an approval shows its menus without signing in again.</summary>
public sealed class UserSession(AuthenticationStateProvider authState, IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<SessionInfo> GetAsync()
    {
        var user = (await authState.GetAuthenticationStateAsync()).User;
        var actor = CeClaims.ToActor(user);
        var isUnitAdmin = user.IsInRole(CeClaims.UnitAdminRole);
        await using var db = dbFactory.CreateDbContext();
        var powers = await UnitPowers.OfAsync(db, actor);
        if (actor is null || actor.UnitKind != UnitKind.Authority) return new SessionInfo(actor, isUnitAdmin, null, false, powers);

        var authority = await db.Authorities.AsNoTracking()
            .Where(a => a.UnitAccountId == actor.UnitId)
            .Select(a => new { a.Level, a.ApprovedAt })
            .FirstOrDefaultAsync();
        return new SessionInfo(actor, isUnitAdmin, authority?.Level, authority?.ApprovedAt is not null, powers);
    }
}
