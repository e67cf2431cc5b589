using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;

namespace CeAdmin.Domain.Attachments;

/// <summary>
/// Who may see and change the attachments of one kind of record (<see cref="Attachment.OwnerType"/>).
/// One implementation per owner type, registered in DomainServices: a feature whose records carry
/// 附件材料 plugs in here, and <see cref="AttachmentService"/> does not change.
/// </summary>
public interface IAttachmentOwner
{
    /// <summary>The <see cref="Attachment.OwnerType"/> this rule is for, e.g. "Authority".</summary>
    string OwnerType { get; }

    /// <summary>Throws <see cref="ScopeException"/> unless <paramref name="actor"/> may see the owner record.</summary>
    Task EnsureVisibleAsync(AppDbContext db, Actor actor, int ownerId, CancellationToken ct);

    /// <summary>
    /// Throws unless <paramref name="actor"/> may add or delete the owner's attachments now: a
    /// <see cref="ScopeException"/> when it is not its record, a <see cref="DomainException"/> when
    /// the record is no longer editable (e.g. submitted for review).
    /// </summary>
    Task EnsureEditableAsync(AppDbContext db, Actor actor, int ownerId, CancellationToken ct);
}
