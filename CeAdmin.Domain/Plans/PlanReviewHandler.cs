using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Plans;

/// <summary>The review workflow's view of 专业课计划申报: the subject is the <see cref="TrainingPlan"/>; approval dates the plan.</summary>
public sealed class PlanReviewHandler : IReviewSubjectDetail<PlanDetail>
{
    public ReviewKind Kind => ReviewKind.TrainingPlan;

    public string AttachmentOwnerType => PlanService.OwnerType;

    public async Task<PlanDetail> DetailAsync(AppDbContext db, Actor actor, ReviewCase reviewCase, CancellationToken ct) =>
        await PlanQueries.DetailAsync(db, actor, await db.TrainingPlans.AsNoTracking().SingleAsync(p => p.Id == reviewCase.SubjectId, ct), reviewCase, ct);

    public Task<SubjectLocation> LocateAsync(AppDbContext db, ReviewCase reviewCase, CancellationToken ct) =>
        db.TrainingPlans.AsNoTracking()
            .Where(p => p.Id == reviewCase.SubjectId)
            .Select(p => new SubjectLocation(p.RegionCode, p.SeriesId))
            .SingleAsync(ct);

    public async Task OnDecidedAsync(AppDbContext db, ReviewCase reviewCase, DateTime nowUtc, CancellationToken ct)
    {
        if (reviewCase.Status != ReviewStatus.Approved) return;

        // ApprovedAt is what 1.7.3 and the institutions' later steps (rosters, records) read.
        var plan = await db.TrainingPlans.SingleAsync(p => p.Id == reviewCase.SubjectId, ct);
        plan.ApprovedAt = nowUtc;
    }
}
