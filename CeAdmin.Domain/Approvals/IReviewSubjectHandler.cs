using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;

namespace CeAdmin.Domain.Approvals;

/// <summary>Where a case's subject lies, for the scope rule: its region (GB/T 2260) and professional series.</summary>
public sealed record SubjectLocation(string RegionCode, int SeriesId) : Organizations.IScoped;

/// <summary>
/// What the one review workflow needs from one kind of subject (the application a case reviews).
/// One implementation per <see cref="ReviewKind"/>, registered in DomainServices: a new kind plugs in
/// here and <see cref="ReviewService"/> does not change.
/// </summary>
public interface IReviewSubjectHandler
{
    ReviewKind Kind { get; }

    /// <summary><see cref="Attachments.Attachment.OwnerType"/> of the subject's 附件材料 (the owner id is the subject's id).</summary>
    string AttachmentOwnerType { get; }

    /// <summary>The subject's region and series; <see cref="ReviewService"/> applies the scope rule to them.</summary>
    Task<SubjectLocation> LocateAsync(AppDbContext db, ReviewCase reviewCase, CancellationToken ct);

    /// <summary>
    /// Lets the subject react to a decision (the case already holds its new status) on the same
    /// context, so that the decision and its effect are saved together, e.g. granting the role on approval.
    /// </summary>
    Task OnDecidedAsync(AppDbContext db, ReviewCase reviewCase, DateTime nowUtc, CancellationToken ct);
}

/// <summary>A subject's own detail for its review page (<see cref="ReviewService.OpenAsync{TSubject}"/>).</summary>
public interface IReviewSubjectDetail<TDetail> : IReviewSubjectHandler
{
    /// <summary>The subject as its review page shows it; <see cref="ReviewService"/> has checked that the caller may see it.</summary>
    Task<TDetail> DetailAsync(AppDbContext db, Actor actor, ReviewCase reviewCase, CancellationToken ct);
}
