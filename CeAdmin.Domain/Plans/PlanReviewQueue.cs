using System.Linq.Expressions;
using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Organizations;

namespace CeAdmin.Domain.Plans;

/// <summary>A row of 专业课计划审核 (1.4.1), for authorities and for the HRSS department.</summary>
public sealed record PlanReviewRow(
    int CaseId,
    int PlanId,
    string ApplicantName,
    string Name,
    string CourseName,
    DateOnly StartDate,
    DateOnly EndDate,
    int PlannedSessions,
    string ReviewingUnitName,
    string Step,
    ReviewStatus Status) : IReviewRow, IPlanRow
{
    public DateTime? SubmittedAt { get; init; }

    public static readonly IReadOnlyList<Exports.ExportColumn<PlanReviewRow>> ExportColumns = Exports.ExportColumns.For<PlanReviewRow>()
        .Text("申报单位", r => r.ApplicantName, 28).Text("培训计划名称", r => r.Name, 34).Text("专业课程名称", r => r.CourseName, 26)
        .Date("计划开始时间", r => r.StartDate).Date("计划完成时间", r => r.EndDate).Number<int>("拟办期数", r => r.PlannedSessions, 10)
        .AddReviewColumns().Build();
}

/// <summary>
/// The review grid of plans: 培训计划名称, 专业课程名称, 计划开始/完成时间, 拟办期数 + the common review
/// columns. The manual's filters (专业课程名称, 培训计划名称, 年度) are the plan's own, so the queue
/// carries them and applies them to the subjects; the workflow's filter keeps 审核状态.
/// </summary>
public sealed class PlanReviewQueue(PlanFilter filter) : ReviewQueue<TrainingPlan, PlanReviewRow>
{
    public override ReviewKind Kind => ReviewKind.TrainingPlan;

    protected internal override IQueryable<TrainingPlan> Subjects(AppDbContext db, Scope scope)
    {
        var plans = db.TrainingPlans.VisibleTo(scope);
        if (filter.Year is { } year) plans = plans.Where(p => p.Year == year);
        if (filter.CourseName?.Trim() is { Length: > 0 } course) plans = plans.Where(p => p.Course!.Name.Contains(course));
        if (filter.PlanName?.Trim() is { Length: > 0 } name) plans = plans.Where(p => p.Name.Contains(name));
        return plans;
    }

    protected internal override Expression<Func<TrainingPlan, int>> SubjectId => p => p.Id;

    protected internal override Expression<Func<ReviewQueueItem<TrainingPlan>, PlanReviewRow>> Row =>
        i => new PlanReviewRow(i.Case.Id, i.Subject.Id, i.Case.ApplicantName, i.Subject.Name, i.Subject.Course!.Name, i.Subject.StartDate,
            i.Subject.EndDate, i.Subject.PlannedSessions, i.Case.ReviewingUnitName, i.Case.Step, i.Case.Status) { SubmittedAt = i.Case.SubmittedAt };

    protected internal override IOrderedQueryable<ReviewQueueItem<TrainingPlan>>? OrderBySubject(
        IQueryable<ReviewQueueItem<TrainingPlan>> items, string column, bool descending) => column switch
        {
            nameof(PlanReviewRow.Name) => items.OrderBy(i => i.Subject.Name, descending),
            nameof(PlanReviewRow.CourseName) => items.OrderBy(i => i.Subject.Course!.Name, descending),
            nameof(PlanReviewRow.StartDate) => items.OrderBy(i => i.Subject.StartDate, descending),
            nameof(PlanReviewRow.EndDate) => items.OrderBy(i => i.Subject.EndDate, descending),
            nameof(PlanReviewRow.PlannedSessions) => items.OrderBy(i => i.Subject.PlannedSessions, descending),
            _ => null,
        };
}
