using CeAdmin.App.Features.Accounts;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Organizations;
using Microsoft.AspNetCore.Authorization;

namespace CeAdmin.App.Features.Security;

/// <summary>
/// Page policies named after <see cref="Power"/> (docs/powers.md): a page a unit may not use yet
/// (an authority before its 角色申请 is approved, an institution before a 专业培训资格) refuses before
/// it renders anything, on the first HTTP request and on navigation inside the circuit alike.
/// </summary>
public static class PowerPolicies
{
    public const string AuthorityBusiness = nameof(Power.AuthorityBusiness);
    public const string ApplyForAuthorityRole = nameof(Power.ApplyForAuthorityRole);
    public const string PublishCatalogs = nameof(Power.PublishCatalogs);
    public const string Supervise = nameof(Power.Supervise);
    public const string InstitutionBusiness = nameof(Power.InstitutionBusiness);
    public const string ManageTeachers = nameof(Power.ManageTeachers);
    public const string FilePlans = nameof(Power.FilePlans);
    /// <summary>The authority-review pages: an approved authority (its subordinates) or the HRSS department (province level).</summary>
    public const string ReviewAuthorities = "ReviewAuthorities";
    /// <summary>站内消息: a person, or an operator in any unit role; a unit account's own login receives none.</summary>
    public const string ReadMessages = "ReadMessages";

    public static void Add(AuthorizationOptions options)
    {
        foreach (var power in new[] { Power.AuthorityBusiness, Power.ApplyForAuthorityRole, Power.PublishCatalogs, Power.Supervise, Power.InstitutionBusiness, Power.ManageTeachers, Power.FilePlans })
            options.AddPolicy(power.ToString(), p => p.AddRequirements(new PowerRequirement(power)));
        options.AddPolicy(ReviewAuthorities, p => p.AddRequirements(new PowerRequirement(Power.AuthorityBusiness | Power.HrssBusiness)));
        options.AddPolicy(ReadMessages, p => p.AddRequirements(new PowerRequirement(Power.PersonalAccount | Power.ApplyForAuthorityRole | Power.Supervise
            | Power.InstitutionBusiness | Power.FilePlans)));
    }
}

/// <summary>Met when the caller holds any of <see cref="AnyOf"/>.</summary>
public sealed record PowerRequirement(Power AnyOf) : IAuthorizationRequirement;

/// <summary>Reads the caller's powers from the database on every check, so an approval counts at once.</summary>
public sealed class PowerHandler(AppDbContextOptions contexts) : AuthorizationHandler<PowerRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PowerRequirement requirement)
    {
        var actor = CeClaims.ToActor(context.User);
        if (actor is null) return;
        await using var db = contexts.Create();
        if ((await UnitPowers.OfAsync(db, actor) & requirement.AnyOf) != 0) context.Succeed(requirement);
    }
}
