using System.Linq.Expressions;
using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Organizations;

/// <summary>
/// The review workflow's view of 行业主管角色申请: the subject is the <see cref="Authority"/>; approval grants
/// the role (ApprovedAt is what Scope and the menus read: from that save on, the unit acts as an authority).
/// </summary>
public sealed class AuthorityReviewHandler : ReviewSubjectHandler<Authority, AuthorityDetail>
{
    public override ReviewKind Kind => ReviewKind.AuthorityApplication;

    public override string AttachmentOwnerType => AuthorityApplication.AttachmentOwnerType;

    protected override Expression<Func<Authority, SubjectName>> Name => a => new SubjectName(a.Id, a.Name, a.SeriesId);

    public override async Task<AuthorityDetail> DetailAsync(AppDbContext db, Actor actor, ReviewCase reviewCase, CancellationToken ct) =>
        AuthorityDetail.From(await db.Authorities.AsNoTracking().SingleAsync(a => a.Id == reviewCase.SubjectId, ct), reviewCase.ReviewingUnitName);
}
