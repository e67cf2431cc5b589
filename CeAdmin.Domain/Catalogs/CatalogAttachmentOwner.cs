using CeAdmin.Domain.Attachments;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Catalogs;

/// <summary>
/// 附件材料 of a catalog (the notice and its guidance): a published catalog's are public to every unit,
/// a draft's only to the authority that writes it, which may change them until it publishes.
/// </summary>
public sealed class CatalogAttachmentOwner : IAttachmentOwner
{
    public const string Type = "CourseCatalog";

    public string OwnerType => Type;

    public async Task EnsureVisibleAsync(AppDbContext db, Actor actor, int ownerId, CancellationToken ct)
    {
        var catalog = await FindAsync(db, ownerId, ct);
        if (catalog.Status != CatalogStatus.Published && catalog.OwnerUnitId != actor.UnitId) throw new ScopeException();
    }

    public async Task EnsureEditableAsync(AppDbContext db, Actor actor, int ownerId, CancellationToken ct)
    {
        var catalog = await FindAsync(db, ownerId, ct);
        if (catalog.OwnerUnitId != actor.UnitId) throw new ScopeException();
        if (catalog.Status == CatalogStatus.Published) throw new DomainException("目录已发布，附件材料不能再修改");
    }

    private static async Task<(CatalogStatus Status, int OwnerUnitId)> FindAsync(AppDbContext db, int id, CancellationToken ct)
    {
        var row = await (from c in db.CourseCatalogs.AsNoTracking()
                         join a in db.Authorities on c.AuthorityId equals a.Id
                         where c.Id == id
                         select new { c.Status, a.UnitAccountId }).SingleOrDefaultAsync(ct)
                  ?? throw new DomainException("专业课目录不存在");
        return (row.Status, row.UnitAccountId);
    }
}
