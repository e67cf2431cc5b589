using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Audit;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Organizations;
using CeAdmin.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Administration;

/// <summary>单位管理's filters: name or code (contains), kind, status.</summary>
public sealed record UnitFilter(string? Text = null, UnitKind? Kind = null, UnitAccountStatus? Status = null);

public sealed record UnitAdminRow(int Id, string Name, UnitKind Kind, string Code, string RegionName, UnitAccountStatus Status, string LoginName, int Operators, DateTime CreatedAt);

/// <summary>
/// 单位管理 for the system administrator: find units, correct a unit kind chosen wrongly at registration
/// (only while the unit has no business of its kind yet), disable or re-enable a unit. Opening the
/// HRSS department is <see cref="SystemAdministrationService.CreateHrssDepartmentAsync"/>. Every
/// change ends the sessions of the unit's login and operators: their cookies name the old state.
/// </summary>
public sealed class UnitAdministrationService(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, AuditLog audit, TimeProvider clock)
{
    public async Task<Page<UnitAdminRow>> SearchAsync(UnitFilter filter, PageRequest page, CancellationToken ct = default)
    {
        await currentUser.RequireSystemAdministratorAsync();
        await using var db = dbFactory.CreateDbContext();
        var units = db.UnitAccounts.AsNoTracking();
        if (filter.Text?.Trim() is { Length: > 0 } text) units = units.Where(u => u.Name.Contains(text) || u.Code.Contains(text.ToUpperInvariant()));
        if (filter.Kind is { } kind) units = units.Where(u => u.Kind == kind);
        if (filter.Status is { } status) units = units.Where(u => u.Status == status);
        var total = await units.CountAsync(ct);
        var sorted = page.SortBy switch
        {
            nameof(UnitAdminRow.Kind) => units.OrderBy(u => u.Kind, page.Descending).ThenBy(u => u.Id),
            nameof(UnitAdminRow.CreatedAt) => units.OrderBy(u => u.CreatedAt, page.Descending).ThenBy(u => u.Id),
            nameof(UnitAdminRow.Name) => units.OrderBy(u => u.Name, page.Descending).ThenBy(u => u.Id),
            _ => units.OrderBy(u => u.Id),
        };
        var rows = await sorted.PageBy(page).Select(u => new
        {
            u.Id, u.Name, u.Kind, u.Code, u.RegionCode, u.Status, u.CreatedAt,
            Login = db.Users.Where(x => x.Id == u.LoginUserId).Select(x => x.UserName).FirstOrDefault(),
            Operators = u.Operators.Count(o => o.Authorised),
        }).ToListAsync(ct);
        return new Page<UnitAdminRow>(rows.Select(u => new UnitAdminRow(u.Id, u.Name, u.Kind, u.Code, ReferenceCatalog.RegionFullName(u.RegionCode), u.Status,
            u.Login ?? "", u.Operators, u.CreatedAt)).ToList(), total);
    }

    /// <summary>更正单位类别: between the self-registrable kinds, and only before the unit has any business of its kind.</summary>
    public Task CorrectKindAsync(int unitId, UnitKind kind, CancellationToken ct = default) =>
        ActAsync(AuditEvent.UnitKindCorrected, unitId, new { Kind = kind }, async (db, unit, now) =>
        {
            if (unit.Kind == UnitKind.Hrss) throw new DomainException("人社业务主管部门的单位类别不能更正");
            if (!UnitKinds.SelfRegistrable.Contains(kind)) throw new DomainException(UnitKinds.NotSelfRegistrableMessage);
            if (unit.Kind == kind) throw new DomainException($"该单位已是{kind.ToLabel()}");
            if (await BusinessOfAsync(db, unit.Id, ct) is { } business)
                throw new DomainException($"该单位已有{business}，不能更正单位类别：请停用该单位，由其以正确的类别重新注册");
            var old = unit.Kind;
            unit.Kind = kind;
            await EndSessionsAsync(db, unit, now, ct);
            return new { From = old, To = kind };
        }, ct);

    /// <summary>停用单位: its login and its operators can no longer enter it; their open sessions end.</summary>
    public Task DisableAsync(int unitId, CancellationToken ct = default) =>
        ActAsync(AuditEvent.UnitDisabled, unitId, null, async (db, unit, now) =>
        {
            if (unit.Status == UnitAccountStatus.Disabled) throw new DomainException("该单位已停用");
            unit.Status = UnitAccountStatus.Disabled;
            await EndSessionsAsync(db, unit, now, ct);
            return null;
        }, ct);

    /// <summary>启用单位.</summary>
    public Task EnableAsync(int unitId, CancellationToken ct = default) =>
        ActAsync(AuditEvent.UnitEnabled, unitId, null, (_, unit, _) =>
        {
            if (unit.Status != UnitAccountStatus.Disabled) throw new DomainException("该单位未被停用");
            unit.Status = UnitAccountStatus.Active;
            return Task.FromResult<object?>(null);
        }, ct);

    private Task ActAsync(AuditEvent kind, int unitId, object? details, Func<AppDbContext, UnitAccount, DateTime, Task<object?>> change, CancellationToken ct) =>
        audit.RefusalsOfAsync(new AuditRecord(kind, $"UnitAccount#{unitId}", details, nameof(UnitAccount), unitId.ToString()), async () =>
        {
            await currentUser.RequireSystemAdministratorAsync();
            await using var db = dbFactory.CreateDbContext();
            var unit = await db.UnitAccounts.SingleOrDefaultAsync(u => u.Id == unitId, ct) ?? throw new DomainException("该单位不存在");
            var done = await change(db, unit, clock.GetUtcNow().UtcDateTime);
            db.StageAudit(new AuditRecord(kind, unit.Name, done ?? details, nameof(UnitAccount), unit.Id.ToString()));
            await db.SaveChangesAsync(ct);
        }, ct);

    /// <summary>What the unit already did in its kind's role, if anything.</summary>
    private static async Task<string?> BusinessOfAsync(AppDbContext db, int unitId, CancellationToken ct)
    {
        if (await db.Authorities.AnyAsync(a => a.UnitAccountId == unitId, ct)) return "行业主管部门信息（角色申请）";
        if (await db.Institutions.AnyAsync(i => i.UnitAccountId == unitId, ct)) return "施教机构信息";
        if (await db.TrainingPlans.AnyAsync(p => p.OwnerUnitId == unitId, ct)) return "专业课计划";
        if (await db.Teachers.AnyAsync(t => t.OwnerUnitId == unitId, ct)) return "师资信息";
        if (await db.ReviewCases.AnyAsync(c => c.ApplicantUnitId == unitId || c.ReviewingUnitId == unitId, ct)) return "审核业务";
        return null;
    }

    /// <summary>New stamps for the unit's login and operators, and their sessions ended: each must sign in (and choose the role) again.</summary>
    private static async Task EndSessionsAsync(AppDbContext db, UnitAccount unit, DateTime now, CancellationToken ct)
    {
        var ids = await db.UnitOperators.Where(o => o.UnitAccountId == unit.Id).Select(o => o.UserId).ToListAsync(ct);
        ids.Add(unit.LoginUserId);
        foreach (var user in await db.Users.Where(u => ids.Contains(u.Id)).ToListAsync(ct))
        {
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            await SessionService.EndAllAsync(db, user.Id, SessionEndReason.AccountDisabled, now, null, ct);
        }
    }
}
