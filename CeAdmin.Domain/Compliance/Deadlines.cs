using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Organizations;
using CeAdmin.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Compliance;

/// <summary>Working days: Monday to Friday (public holidays are not known to the system and count as working days).</summary>
public static class WorkingDays
{
    /// <summary>The day <paramref name="days"/> working days after <paramref name="from"/>.</summary>
    public static DateOnly Add(DateOnly from, int days)
    {
        var day = from;
        while (days > 0)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) days--;
        }
        return day;
    }

    /// <summary>A review submitted on <paramref name="submitted"/> is overdue on <paramref name="today"/> once its N working days have passed.</summary>
    public static bool IsOverdue(DateOnly submitted, DateOnly today, int days) => today > Add(submitted, days);

    /// <summary>Whether a case still waiting was submitted longer ago than the review deadline allows.</summary>
    public static bool IsOverdue(ReviewStatus status, DateTime? submittedAt, int workingDays, TimeProvider clock) =>
        status == ReviewStatus.Submitted && submittedAt is { } at
        && IsOverdue(DateOnly.FromDateTime(ChinaTime.ToLocal(at)), ChinaTime.Today(clock), workingDays);
}

/// <summary>One reminder on the home page: what is due, how many, and where to act.</summary>
public sealed record DueItem(string Key, string Title, int Count, string Note, string? Href, bool Warn);

/// <summary>
/// 待办提醒: what the signed-in unit must act on by the deadlines of 学时规定 — reviews waiting longer than the
/// review deadline, plans whose classes start soon but are not approved, and the reporting deadline of the year
/// with the people still 未达标 in scope. Nothing is sent anywhere; the home page shows it.
/// </summary>
public sealed class DeadlineService(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<IReadOnlyList<DueItem>> DueAsync(CancellationToken ct = default)
    {
        var actor = await currentUser.RequireUnitAsync();
        await using var db = dbFactory.CreateDbContext();
        var today = ChinaTime.Today(clock);
        var rules = await HoursRuleBook.LoadAsync(db, ct);
        var rule = rules.For(today.Year);
        var items = new List<DueItem>();

        // Reviews waiting on this unit.
        var waiting = await db.ReviewCases.AsNoTracking()
            .Where(c => c.ReviewingUnitId == actor.UnitId && c.Status == ReviewStatus.Submitted && c.SubmittedAt != null)
            .Select(c => new { c.Kind, c.SubmittedAt }).ToListAsync(ct);
        foreach (var kind in waiting.GroupBy(c => c.Kind))
        {
            var overdue = kind.Count(c => WorkingDays.IsOverdue(ReviewStatus.Submitted, c.SubmittedAt, rule.ReviewWorkingDays, clock));
            items.Add(new DueItem($"reviews-{kind.Key}", ReviewTitle(kind.Key), kind.Count(),
                overdue > 0 ? $"其中 {overdue} 件已超过 {rule.ReviewWorkingDays} 个工作日审核期限" : $"审核期限 {rule.ReviewWorkingDays} 个工作日",
                ReviewHref(kind.Key), overdue > 0));
        }

        // Plans whose first class starts within the lead time but that are not approved.
        var soon = today.AddDays(rule.PlanLeadDays);
        var plans = db.TrainingPlans.AsNoTracking().Where(p => p.ApprovedAt == null && p.Classes.Any(c => c.StudyStart >= today && c.StudyStart <= soon));
        Scope? scope = null;
        if (actor.UnitKind is UnitKind.Authority or UnitKind.Hrss)
        {
            try { scope = await currentUser.RequireScopeAsync(db, ct, UnitKind.Authority, UnitKind.Hrss); }
            catch (ScopeException) { scope = null; } // an authority not yet approved has no scope: only its own reviews
        }
        int? startingSoon = scope is not null ? await plans.VisibleTo(scope).CountAsync(ct)
            : actor.UnitKind is UnitKind.Institution or UnitKind.Employer ? await plans.Where(p => p.OwnerUnitId == actor.UnitId).CountAsync(ct) : null;
        if (startingSoon is { } n)
            items.Add(new DueItem("plans-starting", "即将开班但计划未审核通过", n, $"培训班应在开班前 {rule.PlanLeadDays} 天完成计划审核（{today:MM-dd} 至 {soon:MM-dd} 开班）",
                scope is not null ? "plan-query" : "plans", n > 0));

        // The reporting deadline that comes next, and who is still short in scope.
        var year = today <= rules.For(today.Year - 1).ReportingDeadline ? today.Year - 1 : today.Year;
        var deadline = rules.For(year).ReportingDeadline;
        if (scope is not null)
        {
            var records = db.CeRecords.AsNoTracking().VisibleTo(scope).Where(r => r.Year == year);
            var notMet = await ComplianceRule.Tally(db, records, r => 0).Where(ComplianceRule.NotMet<int>()).CountAsync(ct);
            var daysLeft = deadline.DayNumber - today.DayNumber;
            items.Add(new DueItem("reporting", $"{year}年度学时申报截止 {deadline:yyyy-MM-dd}", notMet,
                $"尚有 {notMet} 人次未达标；距截止还有 {Math.Max(0, daysLeft)} 天", $"compliance?year={year}&status=notmet", notMet > 0 && daysLeft <= 31));
        }
        else if (actor.UnitKind is UnitKind.Institution)
        {
            items.Add(new DueItem("reporting", $"{year}年度学时申报截止 {deadline:yyyy-MM-dd}", 0, "请在截止日期前录入培训班结业名单", "roster", false));
        }
        return items;
    }

    /// <summary>The review deadline of this year's 学时规定, in working days (the review grids highlight pending cases beyond it).</summary>
    public async Task<int> ReviewWorkingDaysAsync(CancellationToken ct = default)
    {
        await currentUser.RequireUnitAsync();
        await using var db = dbFactory.CreateDbContext();
        return (await HoursRuleBook.LoadAsync(db, ct)).For(ChinaTime.Today(clock).Year).ReviewWorkingDays;
    }

    private static string ReviewTitle(ReviewKind kind) => kind switch
    {
        ReviewKind.AuthorityApplication => "待审核的行业主管申请",
        ReviewKind.Qualification => "待审核的专业培训资格申请",
        _ => "待审核的专业课计划",
    };

    private static string ReviewHref(ReviewKind kind) => kind switch
    {
        ReviewKind.AuthorityApplication => "authority-reviews",
        ReviewKind.Qualification => "qualification-reviews",
        _ => "plan-reviews",
    };
}
