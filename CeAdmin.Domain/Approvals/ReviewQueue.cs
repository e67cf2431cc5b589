using System.Linq.Expressions;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Organizations;

namespace CeAdmin.Domain.Approvals;

/// <summary>The filter of every review grid: 单位 (applicant name contains), 审核状态, 年度.</summary>
public sealed record ReviewQueueFilter(string? Applicant = null, ReviewStatus? Status = null, int? Year = null);

/// <summary>The columns every review grid shows; a grid's row type adds its subject's own.</summary>
public interface IReviewRow
{
    int CaseId { get; }

    /// <summary>单位名称 / 申请单位.</summary>
    string ApplicantName { get; }

    /// <summary>审核部门.</summary>
    string ReviewingUnitName { get; }

    /// <summary>审核环节.</summary>
    string Step { get; }

    /// <summary>审核状态.</summary>
    ReviewStatus Status { get; }

    /// <summary>When the case was last submitted: a pending case older than the review deadline is highlighted.</summary>
    DateTime? SubmittedAt => null;
}

/// <summary>A case joined to its subject: what a review grid projects its row from.</summary>
public sealed class ReviewQueueItem<TSubject>
{
    public required ReviewCase Case { get; init; }

    public required TSubject Subject { get; init; }
}

/// <summary>
/// One review grid (role applications, qualifications, plans): which subjects of its kind the
/// caller's scope covers, how a row is projected and how the subject's own columns sort.
/// <see cref="ReviewService.QueueAsync{TSubject, TRow}"/> adds the rest, the same for every grid:
/// only the caller's unit's cases, the filter, the common columns' sort, paging and the count.
/// </summary>
public abstract class ReviewQueue<TSubject, TRow>
    where TSubject : class
    where TRow : IReviewRow
{
    public abstract ReviewKind Kind { get; }

    /// <summary>The subjects of this kind that lie in <paramref name="scope"/>.</summary>
    protected internal abstract IQueryable<TSubject> Subjects(AppDbContext db, Scope scope);

    /// <summary>The key <see cref="ReviewCase.SubjectId"/> refers to.</summary>
    protected internal abstract Expression<Func<TSubject, int>> SubjectId { get; }

    /// <summary>The grid's row, translated to SQL.</summary>
    protected internal abstract Expression<Func<ReviewQueueItem<TSubject>, TRow>> Row { get; }

    /// <summary>Sorts by one of the subject's columns (a <typeparamref name="TRow"/> property name); null when it is not one.</summary>
    protected internal virtual IOrderedQueryable<ReviewQueueItem<TSubject>>? OrderBySubject(
        IQueryable<ReviewQueueItem<TSubject>> items, string column, bool descending) => null;
}

/// <summary>The common review columns of every review grid's export, after the subject's own.</summary>
public static class ReviewExportColumns
{
    public static Exports.ExportColumnsBuilder<T> AddReviewColumns<T>(this Exports.ExportColumnsBuilder<T> columns) where T : IReviewRow =>
        columns.Text("审核部门", r => r.ReviewingUnitName, 24).Text("审核环节", r => r.Step, 30).Text("审核状态", r => r.Status.ToLabel(), 14);
}
