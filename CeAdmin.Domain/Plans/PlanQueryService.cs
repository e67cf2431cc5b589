using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Exports;
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
        await using var db = dbFactory.CreateDbContext();
        return await PlanQueries.PageAsync(db, await PlansOfAsync(db, ct), filter, page, ct);
    }

    /// <summary>导出Excel of 1.7.2: every plan of the filter, streamed in the grid's order.</summary>
    public async Task ExportPlansAsync(PlanFilter filter, Stream output, IProgress<int>? progress, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var rows = PlanQueries.Sort(PlanQueries.Filter(await PlansOfAsync(db, ct), filter), new PageRequest())
            .Select(r => new PlanRow(r.Id, r.CaseId, r.Name, r.CourseName, r.StartDate, r.EndDate, r.PlannedSessions, r.OwnerName, r.ReviewingUnitName, r.Step, r.Status, r.Year))
            .AsAsyncEnumerable();
        await ExcelExporter.WriteAsync(output, rows, PlanRow.ExportColumns, "专业课计划", progress, ct);
    }

    /// <summary>Classes that institutions in this authority's region and series run under approved plans.</summary>
    public async Task<Page<ClassRow>> ClassesAsync(ClassFilter filter, PageRequest page, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var query = await ClassesOfAsync(db, filter, ct);
        var total = await query.CountAsync(ct);
        var rows = await SortClasses(query, page).PageBy(page).Select(ToClassRow).ToListAsync(ct);
        return new Page<ClassRow>(rows, total);
    }

    /// <summary>导出Excel of 1.7.3.</summary>
    public async Task ExportClassesAsync(ClassFilter filter, Stream output, IProgress<int>? progress, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var rows = SortClasses(await ClassesOfAsync(db, filter, ct), new PageRequest()).Select(ToClassRow).AsAsyncEnumerable();
        await ExcelExporter.WriteAsync(output, rows, ClassRow.ExportColumns, "施教机构培训班", progress, ct);
    }

    private async Task<IQueryable<PlanListItem>> PlansOfAsync(AppDbContext db, CancellationToken ct)
    {
        // Narrower than the scope: the plans this unit decided or filed (an authority must still be approved).
        var unitId = (await currentUser.RequireScopeAsync(db, ct, UnitKind.Authority, UnitKind.Hrss)).UnitId;
        return PlanQueries.Rows(db).Where(r => (r.ReviewingUnitId == unitId && r.Status == ReviewStatus.Approved) || r.OwnerUnitId == unitId);
    }

    private async Task<IQueryable<ClassListItem>> ClassesOfAsync(AppDbContext db, ClassFilter filter, CancellationToken ct)
    {
        var scope = await currentUser.RequireScopeAsync(db, ct, UnitKind.Authority, UnitKind.Hrss);
        var query =
            from c in db.TrainingClasses.AsNoTracking()
            join p in db.TrainingPlans.VisibleTo(scope) on c.PlanId equals p.Id
            where p.OwnerKind == UnitKind.Institution && p.ApprovedAt != null
            select new ClassListItem { Id = c.Id, PlanId = c.PlanId, Name = c.Name, HeadTeacherName = c.HeadTeacherName, PlannedOpenDate = c.PlannedOpenDate,
                PlannedEnrolment = c.PlannedEnrolment, Days = p.Days, OwnerName = p.OwnerName, PlanName = p.Name };
        if (filter.InstitutionName?.Trim() is { Length: > 0 } inst) query = query.Where(r => r.OwnerName.Contains(inst));
        if (filter.ClassName?.Trim() is { Length: > 0 } name) query = query.Where(r => r.Name.Contains(name));
        return query;
    }

    private static IOrderedQueryable<ClassListItem> SortClasses(IQueryable<ClassListItem> query, PageRequest page)
    {
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
        return sorted?.ThenBy(r => r.Id) ?? query.OrderByDescending(r => r.PlannedOpenDate).ThenByDescending(r => r.Id);
    }

    private static readonly System.Linq.Expressions.Expression<Func<ClassListItem, ClassRow>> ToClassRow =
        r => new ClassRow(r.Id, r.PlanId, r.Name, r.HeadTeacherName, r.PlannedOpenDate, r.PlannedEnrolment, r.Days, r.OwnerName, r.PlanName);

    /// <summary>A class joined with its plan, before projection: what 1.7.3 filters and sorts on.</summary>
    private sealed class ClassListItem
    {
        public int Id { get; init; }
        public int PlanId { get; init; }
        public string Name { get; init; } = "";
        public string HeadTeacherName { get; init; } = "";
        public DateOnly PlannedOpenDate { get; init; }
        public int PlannedEnrolment { get; init; }
        public decimal Days { get; init; }
        public string OwnerName { get; init; } = "";
        public string PlanName { get; init; } = "";
    }
}
