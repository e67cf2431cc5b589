using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Organizations;
using CeAdmin.Domain.ReferenceData;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Administration;

/// <summary>
/// What only the system administrator does: open the HRSS department (never self-registered, see
/// <see cref="UnitKinds.SelfRegistrable"/>) and disable or re-enable an account. Today the server's
/// command line calls it (docs/deploy.md); the administrator role's UI will call the same methods.
/// </summary>
public sealed class SystemAdministrationService(
    IDbContextFactory<AppDbContext> dbFactory,
    ICurrentUser currentUser,
    IPasswordHasher<AppUser> hasher,
    TimeProvider clock)
{
    private readonly HrssDepartmentFormValidator _validator = new();

    /// <summary>Opens the HRSS department with its unit login and its first authorised operator; returns the unit's id.</summary>
    public async Task<int> CreateHrssDepartmentAsync(HrssDepartmentForm form, CancellationToken ct = default)
    {
        await currentUser.RequireSystemAdministratorAsync();
        await _validator.EnsureValidAsync(form, ct);
        await using var db = dbFactory.CreateDbContext();
        var unit = await AddHrssDepartmentAsync(db, form, hasher, clock, ct);
        return unit.Id;
    }

    /// <summary>
    /// The creation itself on a given context. The demo data calls it inside its seeding transaction,
    /// so the demo's department is made exactly as an administrator makes one.
    /// </summary>
    internal static async Task<UnitAccount> AddHrssDepartmentAsync(AppDbContext db, HrssDepartmentForm form,
        IPasswordHasher<AppUser> hasher, TimeProvider clock, CancellationToken ct)
    {
        var existing = await db.UnitAccounts.AsNoTracking().Where(u => u.Kind == UnitKind.Hrss).Select(u => u.Name).FirstOrDefaultAsync(ct);
        if (existing is not null) throw new DomainException($"人社业务主管部门已开设（{existing}）：本系统只有一个人社业务主管部门");

        var normalized = form.OperatorLoginName.Trim().ToUpperInvariant();
        var person = await db.Users.SingleOrDefaultAsync(u => u.NormalizedUserName == normalized && u.Kind == AccountKind.Personal, ct)
            ?? throw new ValidationFailedException(nameof(form.OperatorLoginName), $"个人账号“{form.OperatorLoginName}”不存在");
        if (!person.IsVerified)
            throw new ValidationFailedException(nameof(form.OperatorLoginName), "该个人账号尚未实名认证，不能作为人社业务主管部门的经办人");
        await UnitAccountService.EnsureUniqueAsync(db, form.LoginName, form.Code, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var unit = new UnitAccount
        {
            Name = form.UnitName.Trim(),
            Kind = UnitKind.Hrss,
            CodeType = form.CodeType,
            Code = form.Code.Trim().ToUpperInvariant(),
            // The department of Guangdong province: its scope is the whole province.
            RegionCode = RegionDirectory.ProvinceCode,
            OwnerUserId = person.Id,
            Status = UnitAccountStatus.Active,
            CreatedAt = now,
        };
        unit.Operators.Add(new UnitOperator
        {
            UserId = person.Id, Status = OperatorStatus.Accepted, Authorised = true,
            InvitedAt = now, AcceptedAt = now, AuthorisedAt = now,
        });
        await UnitAccountService.AddWithLoginAsync(db, unit, form.LoginName.Trim(), form.Password, hasher, clock, ct);
        return unit;
    }

    /// <summary>停用: the account can no longer sign in, and every open session of it ends (HTTP at once, open pages at the next revalidation).</summary>
    public async Task DisableAccountAsync(string loginName, CancellationToken ct = default)
    {
        await currentUser.RequireSystemAdministratorAsync();
        await using var db = dbFactory.CreateDbContext();
        var user = await FindAsync(db, loginName, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        user.DisabledAt ??= now;
        // A new stamp also refuses cookies issued before session records existed.
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        await SessionService.EndAllAsync(db, user.Id, SessionEndReason.AccountDisabled, now, null, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>启用: a disabled account may sign in again.</summary>
    public async Task EnableAccountAsync(string loginName, CancellationToken ct = default)
    {
        await currentUser.RequireSystemAdministratorAsync();
        await using var db = dbFactory.CreateDbContext();
        var user = await FindAsync(db, loginName, ct);
        user.DisabledAt = null;
        await db.SaveChangesAsync(ct);
    }

    private static async Task<AppUser> FindAsync(AppDbContext db, string loginName, CancellationToken ct)
    {
        var normalized = loginName.Trim().ToUpperInvariant();
        return await db.Users.SingleOrDefaultAsync(u => u.NormalizedUserName == normalized, ct)
            ?? throw new DomainException($"账号“{loginName}”不存在");
    }
}
