using System.Linq.Expressions;
using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Plans;

/// <summary>
/// The review workflow's view of 专业课计划申报: the subject is the <see cref="TrainingPlan"/>; approval dates
/// the plan, which 1.7.3 and the institutions' later steps (rosters, records) read.
/// </summary>
public sealed class PlanReviewHandler : ReviewSubjectHandler<TrainingPlan, PlanDetail>
{
    public override ReviewKind Kind => ReviewKind.TrainingPlan;

    public override string AttachmentOwnerType => PlanService.OwnerType;

    protected override Expression<Func<TrainingPlan, SubjectName>> Name => p => new SubjectName(p.Id, p.Name, p.SeriesId);

    public override async Task<PlanDetail> DetailAsync(AppDbContext db, Actor actor, ReviewCase reviewCase, CancellationToken ct) =>
        await PlanQueries.DetailAsync(db, actor, await db.TrainingPlans.AsNoTracking().SingleAsync(p => p.Id == reviewCase.SubjectId, ct), reviewCase, ct);
}
