using CeAdmin.Domain.Audit;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Attachments;

/// <summary>One row of the 附件材料 grid.</summary>
public sealed record AttachmentRow(
    int Id,
    int No,
    string Category,
    string FileName,
    string FileType,
    int SizeKb,
    DateTime UploadedAt,
    string UploaderName,
    bool CanPreview);

/// <summary>A file to send back to the browser.</summary>
public sealed record AttachmentFile(string FileName, string ContentType, byte[] Data, bool CanPreview);

/// <summary>
/// 附件材料 of any record: list, upload (the content/size policy of <see cref="Attachment.Create"/>),
/// download and delete. Every method asks the owner type's <see cref="IAttachmentOwner"/> whether the
/// caller may see (or change) the owner first, so a file is read only by those who may see its record,
/// also when its id is guessed.
/// </summary>
public sealed class AttachmentService(
    IDbContextFactory<AppDbContext> dbFactory,
    ICurrentUser currentUser,
    TimeProvider clock,
    IEnumerable<IAttachmentOwner> owners,
    AuditLog audit)
{
    public const string NotFoundMessage = "附件不存在或已被删除";

    private readonly Dictionary<string, IAttachmentOwner> _owners = owners.ToDictionary(o => o.OwnerType, StringComparer.Ordinal);

    public async Task<IReadOnlyList<AttachmentRow>> ListAsync(string ownerType, int ownerId, CancellationToken ct = default)
    {
        var actor = await currentUser.RequireUnitAsync();
        await using var db = dbFactory.CreateDbContext();
        await Owner(ownerType).EnsureVisibleAsync(db, actor, ownerId, ct);
        return await RowsAsync(db, ownerType, ownerId, ct);
    }

    /// <summary>The grid's rows of one owner's 附件材料; the caller has checked that they may be seen.</summary>
    internal static async Task<IReadOnlyList<AttachmentRow>> RowsAsync(AppDbContext db, string ownerType, int ownerId, CancellationToken ct)
    {
        // Metadata only: the bytes live in AttachmentContents and are not loaded here.
        var attachments = await db.Attachments.AsNoTracking()
            .Where(a => a.OwnerType == ownerType && a.OwnerId == ownerId)
            .OrderBy(a => a.UploadedAt).ThenBy(a => a.Id)
            .ToListAsync(ct);
        return attachments
            .Select((a, i) => new AttachmentRow(a.Id, i + 1, a.Category, a.FileName, a.FileType, a.SizeKb, a.UploadedAt, a.UploaderName, a.CanPreview))
            .ToList();
    }

    /// <summary>Adds a file to the owner's 附件材料 under <paramref name="category"/> ("" for none); returns its id.</summary>
    /// <exception cref="DomainException">The file breaks the policy (type, size, empty), or the owner is no longer editable.</exception>
    public async Task<int> UploadAsync(string ownerType, int ownerId, string category, string fileName, byte[] content, CancellationToken ct = default)
    {
        var actor = await currentUser.RequireUnitAsync();
        await using var db = dbFactory.CreateDbContext();
        await Owner(ownerType).EnsureEditableAsync(db, actor, ownerId, ct);
        var attachment = Attachment.Create(ownerType, ownerId, category, fileName, content, actor.UserName, actor.UnitId, clock.GetUtcNow().UtcDateTime);
        db.Attachments.Add(attachment);
        await db.SaveChangesAsync(ct);
        return attachment.Id;
    }

    /// <summary>The file with its bytes, for 下载.</summary>
    public Task<AttachmentFile> DownloadAsync(int attachmentId, CancellationToken ct = default) => DownloadAsync(attachmentId, preview: false, ct);

    /// <summary>The file with its bytes, for 下载 or 预览; either is audited (附件 often carry ID cards and certificates).</summary>
    public Task<AttachmentFile> DownloadAsync(int attachmentId, bool preview, CancellationToken ct = default)
    {
        var record = new AuditRecord(preview ? AuditEvent.AttachmentPreviewed : AuditEvent.AttachmentDownloaded, $"Attachment#{attachmentId}",
            Entity: nameof(Attachment), EntityKey: attachmentId.ToString());
        return audit.RefusalsOfAsync(record, async () =>
        {
            var actor = await currentUser.RequireUnitAsync();
            await using var db = dbFactory.CreateDbContext();
            var attachment = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId, ct)
                ?? throw new DomainException(NotFoundMessage);
            await Owner(attachment.OwnerType).EnsureVisibleAsync(db, actor, attachment.OwnerId, ct);
            var data = await db.AttachmentContents.AsNoTracking()
                .Where(c => c.AttachmentId == attachmentId)
                .Select(c => c.Data)
                .SingleAsync(ct);
            await audit.RecordAsync(record with { Details = new { attachment.FileName, attachment.OwnerType, attachment.OwnerId } }, ct);
            return new AttachmentFile(attachment.FileName, attachment.ContentType, data, attachment.CanPreview);
        }, ct);
    }

    public async Task DeleteAsync(int attachmentId, CancellationToken ct = default)
    {
        var actor = await currentUser.RequireUnitAsync();
        await using var db = dbFactory.CreateDbContext();
        var attachment = await db.Attachments.SingleOrDefaultAsync(a => a.Id == attachmentId, ct)
            ?? throw new DomainException(NotFoundMessage);
        await Owner(attachment.OwnerType).EnsureEditableAsync(db, actor, attachment.OwnerId, ct);
        db.Attachments.Remove(attachment);
        await db.SaveChangesAsync(ct);
    }

    private IAttachmentOwner Owner(string ownerType) =>
        _owners.TryGetValue(ownerType, out var owner)
            ? owner
            : throw new InvalidOperationException($"No IAttachmentOwner is registered for owner type \"{ownerType}\".");
}
