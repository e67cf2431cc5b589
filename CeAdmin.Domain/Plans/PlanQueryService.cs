using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Plans;

public sealed record ClassFilter(string? InstitutionName = null, string? ClassName = null);

/// <summary>1.7.2 专业课计划查询 and 1.7.3 施教机构培训班查询 for authorities.</summary>
public sealed class PlanQueryService(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser)
{
    /// <summary>Plans this authority approved, and plans it filed itself.</summary>
    public async Task<Page<PlanRow>> PlansAsync(PlanFilter filter, PageRequest page, CancellationToken ct = default)
    {
        var actor = await currentUser.RequireUnitAsync(UnitKind.Authority, UnitKind.Hrss);
        await using var db = dbFactory.CreateDbContext();
        if (actor.UnitKind == UnitKind.Authority) await Scope.ResolveAsync(db, actor, ct);
        var query = PlanQueries.Rows(db).Where(r => (r.ReviewingUnitId == actor.UnitId && r.Status == ReviewStatus.Approved) || r.OwnerUnitId == actor.UnitId);
        return await PlanQueries.PageAsync(db, query, filter, page, ct);
    }

    /// <summary>Classes that institutions in this authority's region and series run under approved plans.</summary>
    public async Task<Page<ClassRow>> ClassesAsync(ClassFilter filter, PageRequest page, CancellationToken ct = default)
    {
        var actor = await currentUser.RequireUnitAsync(UnitKind.Authority, UnitKind.Hrss);
        await using var db = dbFactory.CreateDbContext();
        var scope = await Scope.ResolveAsync(db, actor, ct);
        var query =
            from c in db.TrainingClasses.AsNoTracking()
            join p in db.TrainingPlans.VisibleTo(scope) on c.PlanId equals p.Id
            where p.OwnerKind == UnitKind.Institution && p.ApprovedAt != null
            select new { c.Id, c.PlanId, c.Name, c.HeadTeacherName, c.PlannedOpenDate, c.PlannedEnrolment, p.Days, p.OwnerName, PlanName = p.Name };
        if (filter.InstitutionName?.Trim() is { Length: > 0 } inst) query = query.Where(r => r.OwnerName.Contains(inst));
        if (filter.ClassName?.Trim() is { Length: > 0 } name) query = query.Where(r => r.Name.Contains(name));
        var total = await query.CountAsync(ct);
        var desc = page.Descending;
        var sorted = page.SortBy switch
        {
            nameof(ClassRow.OwnerName) => query.OrderBy(r => r.OwnerName, desc),
            nameof(ClassRow.Name) => query.OrderBy(r => r.Name, desc),
            nameof(ClassRow.HeadTeacherName) => query.OrderBy(r => r.HeadTeacherName, desc),
            nameof(ClassRow.PlannedOpenDate) => query.OrderBy(r => r.PlannedOpenDate, desc),
            nameof(ClassRow.PlannedEnrolment) => query.OrderBy(r => r.PlannedEnrolment, desc),
            nameof(ClassRow.Days) => query.OrderBy(r => r.Days, desc),
            _ => null,
        };
        // Default: the latest opening first.
        var ordered = sorted?.ThenBy(r => r.Id) ?? query.OrderByDescending(r => r.PlannedOpenDate).ThenByDescending(r => r.Id);
        var rows = await ordered.PageBy(page)
            .Select(r => new ClassRow(r.Id, r.PlanId, r.Name, r.HeadTeacherName, r.PlannedOpenDate, r.PlannedEnrolment, r.Days, r.OwnerName, r.PlanName))
            .ToListAsync(ct);
        return new Page<ClassRow>(rows, total);
    }
}
