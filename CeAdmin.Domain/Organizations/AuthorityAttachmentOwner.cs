using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Attachments;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Organizations;

/// <summary>
/// 附件材料 of an authority's role application: seen by those who may see the authority, changed
/// only by the unit itself while its application is a draft or returned.
/// </summary>
public sealed class AuthorityAttachmentOwner : IAttachmentOwner
{
    public string OwnerType => AuthorityApplication.AttachmentOwnerType;

    public Task EnsureVisibleAsync(AppDbContext db, Actor actor, int ownerId, CancellationToken ct) =>
        AuthorityAccess.EnsureVisibleAsync(db, actor, ownerId, ct);

    public async Task EnsureEditableAsync(AppDbContext db, Actor actor, int ownerId, CancellationToken ct)
    {
        var ownerUnitId = await db.Authorities.AsNoTracking()
            .Where(a => a.Id == ownerId)
            .Select(a => (int?)a.UnitAccountId)
            .SingleOrDefaultAsync(ct);
        if (ownerUnitId is null || ownerUnitId != actor.UnitId) throw new ScopeException();

        var application = await db.ReviewCases.AsNoTracking()
            .Of(ReviewKind.AuthorityApplication, ownerId).SingleOrDefaultAsync(ct);
        application?.EnsureEditable();
    }
}
