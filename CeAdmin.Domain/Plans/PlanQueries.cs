using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Organizations;
using CeAdmin.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Plans;

/// <summary>A plan joined with its case, before projection: what the grids filter and sort on.</summary>
public sealed class PlanListItem
{
    public int Id { get; init; }
    public int CaseId { get; init; }
    public int OwnerUnitId { get; init; }
    public UnitKind OwnerKind { get; init; }
    public string OwnerName { get; init; } = "";
    public string RegionCode { get; init; } = "";
    public int SeriesId { get; init; }
    public string Name { get; init; } = "";
    public string CourseName { get; init; } = "";
    public DateOnly StartDate { get; init; }
    public DateOnly EndDate { get; init; }
    public int PlannedSessions { get; init; }
    public int Year { get; init; }
    public int ReviewingUnitId { get; init; }
    public string ReviewingUnitName { get; init; } = "";
    public string Step { get; init; } = "";
    public ReviewStatus Status { get; init; }
    public DateTime? ApprovedAt { get; init; }
}

/// <summary>The plan and class queries shared by filing (1.4.2), review (1.4.1) and the queries 1.7.2 and 1.7.3.</summary>
public static class PlanQueries
{
    public static IQueryable<PlanListItem> Rows(AppDbContext db) =>
        from p in db.TrainingPlans.AsNoTracking()
        join c in db.ReviewCases.OfKind(ReviewKind.TrainingPlan) on p.Id equals c.SubjectId
        join k in db.CatalogCourses on p.CatalogCourseId equals k.Id
        select new PlanListItem
        {
            Id = p.Id, CaseId = c.Id, OwnerUnitId = p.OwnerUnitId, OwnerKind = p.OwnerKind, OwnerName = p.OwnerName, RegionCode = p.RegionCode,
            SeriesId = p.SeriesId, Name = p.Name, CourseName = k.Name, StartDate = p.StartDate, EndDate = p.EndDate, PlannedSessions = p.PlannedSessions,
            Year = p.Year, ReviewingUnitId = c.ReviewingUnitId, ReviewingUnitName = c.ReviewingUnitName, Step = c.Step, Status = c.Status, ApprovedAt = p.ApprovedAt,
        };

    public static async Task<Page<PlanRow>> PageAsync(AppDbContext db, IQueryable<PlanListItem> query, PlanFilter filter, PageRequest page, CancellationToken ct)
    {
        query = Filter(query, filter);
        var total = await query.CountAsync(ct);
        var rows = await Sort(query, page).PageBy(page)
            .Select(r => new PlanRow(r.Id, r.CaseId, r.Name, r.CourseName, r.StartDate, r.EndDate, r.PlannedSessions, r.OwnerName, r.ReviewingUnitName, r.Step, r.Status, r.Year))
            .ToListAsync(ct);
        return new Page<PlanRow>(rows, total);
    }

    public static IQueryable<PlanListItem> Filter(IQueryable<PlanListItem> query, PlanFilter filter)
    {
        if (filter.Year is { } year) query = query.Where(r => r.Year == year);
        if (filter.CourseName?.Trim() is { Length: > 0 } course) query = query.Where(r => r.CourseName.Contains(course));
        if (filter.PlanName?.Trim() is { Length: > 0 } name) query = query.Where(r => r.Name.Contains(name));
        return query;
    }

    /// <summary>The grids' explicit sort: one case per sortable column, the newest plan first by default.</summary>
    public static IOrderedQueryable<PlanListItem> Sort(IQueryable<PlanListItem> query, PageRequest page)
    {
        var desc = page.Descending;
        var sorted = page.SortBy switch
        {
            nameof(PlanRow.Name) => query.OrderBy(r => r.Name, desc),
            nameof(PlanRow.CourseName) => query.OrderBy(r => r.CourseName, desc),
            nameof(PlanRow.StartDate) => query.OrderBy(r => r.StartDate, desc),
            nameof(PlanRow.EndDate) => query.OrderBy(r => r.EndDate, desc),
            nameof(PlanRow.PlannedSessions) => query.OrderBy(r => r.PlannedSessions, desc),
            nameof(PlanRow.ReviewingUnitName) => query.OrderBy(r => r.ReviewingUnitName, desc),
            nameof(PlanRow.Step) => query.OrderBy(r => r.Step, desc),
            nameof(PlanRow.Status) => query.OrderBy(r => r.Status, desc),
            _ => null,
        };
        return sorted?.ThenBy(r => r.Id) ?? query.OrderByDescending(r => r.Id);
    }

    public static IQueryable<ClassRow> ClassRowsOf(AppDbContext db, int planId) =>
        from c in db.TrainingClasses.AsNoTracking()
        join p in db.TrainingPlans on c.PlanId equals p.Id
        where c.PlanId == planId
        orderby c.Id
        select new ClassRow(c.Id, c.PlanId, c.Name, c.HeadTeacherName, c.PlannedOpenDate, c.PlannedEnrolment, p.Days, p.OwnerName, p.Name);

    /// <summary>The plan as its pages show it, for a caller already allowed to see it; only its owner may edit it, and only while the case allows.</summary>
    public static async Task<PlanDetail> DetailAsync(AppDbContext db, Actor actor, TrainingPlan plan, ReviewCase reviewCase, CancellationToken ct)
    {
        var course = await db.CatalogCourses.AsNoTracking().Where(c => c.Id == plan.CatalogCourseId).Select(c => c.Name).SingleAsync(ct);
        var rule = (await HoursRuleBook.LoadAsync(db, ct)).For(plan.Year);
        var classes = await ClassRowsOf(db, plan.Id).ToListAsync(ct);
        var form = PlanForm.From(plan, course);
        return new PlanDetail(plan.Id, reviewCase.Id, plan.OwnerKind, plan.OwnerName, course, ReferenceCatalog.SeriesName(plan.SeriesId), form, rule.Hint,
            reviewCase.Status, reviewCase.ReviewingUnitName, reviewCase.Step, reviewCase.LastOpinion,
            reviewCase.IsEditable && plan.OwnerUnitId == actor.UnitId, classes);
    }

    /// <summary>The owner sees its plan; so do the reviewing unit of its case and any authority or the HRSS department in whose scope it lies.</summary>
    public static Task EnsureCanSeeAsync(AppDbContext db, Actor actor, TrainingPlan plan, ReviewCase reviewCase, CancellationToken ct) =>
        Scope.EnsureCanSeeAsync(db, actor, plan.OwnerUnitId, plan, reviewCase.ReviewingUnitId, ct);
}
