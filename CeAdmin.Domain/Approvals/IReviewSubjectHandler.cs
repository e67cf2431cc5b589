using CeAdmin.Domain.Data;

namespace CeAdmin.Domain.Approvals;

/// <summary>Where a case's subject lies, for the scope rule: its region (GB/T 2260) and professional series.</summary>
public sealed record SubjectLocation(string RegionCode, int SeriesId);

/// <summary>
/// What the one review workflow needs from one kind of subject (the application a case reviews).
/// One implementation per <see cref="ReviewKind"/>, registered in DomainServices: a new kind plugs in
/// here and <see cref="ReviewService"/> does not change.
/// </summary>
public interface IReviewSubjectHandler
{
    ReviewKind Kind { get; }

    /// <summary>The subject's region and series; <see cref="ReviewService"/> applies the scope rule to them.</summary>
    Task<SubjectLocation> LocateAsync(AppDbContext db, ReviewCase reviewCase, CancellationToken ct);

    /// <summary>
    /// Lets the subject react to a decision (the case already holds its new status) on the same
    /// context, so that the decision and its effect are saved together, e.g. granting the role on approval.
    /// </summary>
    Task OnDecidedAsync(AppDbContext db, ReviewCase reviewCase, DateTime nowUtc, CancellationToken ct);
}
