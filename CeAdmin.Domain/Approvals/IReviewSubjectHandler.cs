using System.Linq.Expressions;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Approvals;

/// <summary>Where a case's subject lies, for the scope rule: its region (GB/T 2260) and professional series.</summary>
public sealed record SubjectLocation(string RegionCode, int SeriesId) : Organizations.IScoped;

/// <summary>What names a subject in a line of text: its own name, if it has one, and its series.</summary>
public sealed record SubjectName(int Id, string Name, int SeriesId)
{
    /// <summary>"2026年高校教师师德培训（高等学校教师）", or only the series for a subject without a name of its own (a qualification).</summary>
    public override string ToString() =>
        Name.Length > 0 ? $"{Name}（{ReferenceCatalog.SeriesName(SeriesId)}）" : ReferenceCatalog.SeriesName(SeriesId);
}

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

    /// <summary>How a line of text names each subject, by subject id (站内消息, the applicant's 待办).</summary>
    Task<IReadOnlyDictionary<int, string>> NamesAsync(AppDbContext db, IReadOnlyCollection<int> subjectIds, CancellationToken ct);
}

/// <summary>A subject's own detail for its review page (<see cref="ReviewService.OpenAsync{TSubject}"/>).</summary>
public interface IReviewSubjectDetail<TDetail> : IReviewSubjectHandler
{
    /// <summary>The subject as its review page shows it; <see cref="ReviewService"/> has checked that the caller may see it.</summary>
    Task<TDetail> DetailAsync(AppDbContext db, Actor actor, ReviewCase reviewCase, CancellationToken ct);
}

/// <summary>An application a case reviews: where it lies (for the scope rule) and when it was approved.</summary>
public interface IReviewSubject : Organizations.IScoped
{
    int Id { get; }

    /// <summary>Set when the case is approved: what the rest of the system reads (the role, the qualification, the plan).</summary>
    DateTime? ApprovedAt { get; set; }
}

/// <summary>
/// The handler of one kind of subject stored in its own table: it locates the subject and dates its approval
/// the same way for every kind; a kind adds its detail for the review page.
/// </summary>
public abstract class ReviewSubjectHandler<TSubject, TDetail> : IReviewSubjectDetail<TDetail>
    where TSubject : class, IReviewSubject
{
    public abstract ReviewKind Kind { get; }

    public abstract string AttachmentOwnerType { get; }

    public abstract Task<TDetail> DetailAsync(AppDbContext db, Actor actor, ReviewCase reviewCase, CancellationToken ct);

    /// <summary>The subject's <see cref="SubjectName"/>, translated to SQL.</summary>
    protected abstract Expression<Func<TSubject, SubjectName>> Name { get; }

    public async Task<IReadOnlyDictionary<int, string>> NamesAsync(AppDbContext db, IReadOnlyCollection<int> subjectIds, CancellationToken ct)
    {
        var ids = subjectIds.Distinct().ToList();
        var names = await db.Set<TSubject>().AsNoTracking().Where(s => ids.Contains(s.Id)).Select(Name).ToListAsync(ct);
        return names.ToDictionary(n => n.Id, n => n.ToString());
    }

    public Task<SubjectLocation> LocateAsync(AppDbContext db, ReviewCase reviewCase, CancellationToken ct) =>
        db.Set<TSubject>().AsNoTracking()
            .Where(s => s.Id == reviewCase.SubjectId)
            .Select(s => new SubjectLocation(s.RegionCode, s.SeriesId))
            .SingleAsync(ct);

    public async Task OnDecidedAsync(AppDbContext db, ReviewCase reviewCase, DateTime nowUtc, CancellationToken ct)
    {
        if (reviewCase.Status != ReviewStatus.Approved) return;
        (await db.Set<TSubject>().SingleAsync(s => s.Id == reviewCase.SubjectId, ct)).ApprovedAt = nowUtc;
    }
}
