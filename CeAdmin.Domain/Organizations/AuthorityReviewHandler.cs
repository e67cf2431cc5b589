using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Organizations;

/// <summary>The review workflow's view of 行业主管角色申请: the subject is the <see cref="Authority"/>; approval grants the role.</summary>
public sealed class AuthorityReviewHandler : IReviewSubjectDetail<AuthorityDetail>
{
    public ReviewKind Kind => ReviewKind.AuthorityApplication;

    public string AttachmentOwnerType => AuthorityApplication.AttachmentOwnerType;

    public async Task<AuthorityDetail> DetailAsync(AppDbContext db, Actor actor, ReviewCase reviewCase, CancellationToken ct) =>
        AuthorityDetail.From(await db.Authorities.AsNoTracking().SingleAsync(a => a.Id == reviewCase.SubjectId, ct), reviewCase.ReviewingUnitName);

    public Task<SubjectLocation> LocateAsync(AppDbContext db, ReviewCase reviewCase, CancellationToken ct) =>
        db.Authorities.AsNoTracking()
            .Where(a => a.Id == reviewCase.SubjectId)
            .Select(a => new SubjectLocation(a.RegionCode, a.SeriesId))
            .SingleAsync(ct);

    public async Task OnDecidedAsync(AppDbContext db, ReviewCase reviewCase, DateTime nowUtc, CancellationToken ct)
    {
        if (reviewCase.Status != ReviewStatus.Approved) return;

        // ApprovedAt is what Scope and the menus read: from this save on, the unit acts as an authority.
        var authority = await db.Authorities.SingleAsync(a => a.Id == reviewCase.SubjectId, ct);
        authority.ApprovedAt = nowUtc;
    }
}
