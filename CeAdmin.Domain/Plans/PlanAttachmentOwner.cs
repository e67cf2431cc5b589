using CeAdmin.Domain.Attachments;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Plans;

/// <summary>
/// 附件材料 of a 专业课计划: seen by whoever may see the plan (its owner, its reviewer, authorities in
/// scope), changed only by the owner while the plan is a draft or returned.
/// </summary>
public sealed class PlanAttachmentOwner : IAttachmentOwner
{
    public string OwnerType => PlanService.OwnerType;

    public async Task EnsureVisibleAsync(AppDbContext db, Actor actor, int ownerId, CancellationToken ct)
    {
        // An unknown id is refused like a foreign one, so ids cannot be probed.
        var plan = await db.TrainingPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == ownerId, ct) ?? throw new ScopeException();
        await PlanQueries.EnsureCanSeeAsync(db, actor, plan, await PlanService.CaseOfAsync(db, ownerId, ct), ct);
    }

    public async Task EnsureEditableAsync(AppDbContext db, Actor actor, int ownerId, CancellationToken ct)
    {
        var ownerUnitId = await db.TrainingPlans.AsNoTracking().Where(p => p.Id == ownerId).Select(p => (int?)p.OwnerUnitId).SingleOrDefaultAsync(ct);
        if (ownerUnitId is null || ownerUnitId != actor.UnitId) throw new ScopeException();
        (await PlanService.CaseOfAsync(db, ownerId, ct)).EnsureEditable();
    }
}
