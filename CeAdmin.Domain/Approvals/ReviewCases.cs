using CeAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Approvals;

/// <summary>Finding a subject's case, and saving a new subject together with its case.</summary>
public static class ReviewCases
{
    /// <summary>The cases of one kind of subject, e.g. to join them to their subjects by <see cref="ReviewCase.SubjectId"/>.</summary>
    public static IQueryable<ReviewCase> OfKind(this IQueryable<ReviewCase> cases, ReviewKind kind) => cases.Where(c => c.Kind == kind);

    /// <summary>The case of one subject (a subject has exactly one).</summary>
    public static IQueryable<ReviewCase> Of(this IQueryable<ReviewCase> cases, ReviewKind kind, int subjectId) =>
        cases.Where(c => c.Kind == kind && c.SubjectId == subjectId);

    /// <summary>
    /// Adds a new subject and opens its case in the caller's transaction (<see cref="Transactions.InTransactionAsync{T}(IDbContextFactory{AppDbContext}, Func{AppDbContext, CancellationToken, Task{T}}, CancellationToken)"/>):
    /// the case points at the subject's id, which exists only after the subject's insert, so it takes two
    /// inserts; outside a transaction a failed second one would leave a subject without a case.
    /// </summary>
    public static async Task<ReviewCase> AddWithCaseAsync<TSubject>(this AppDbContext db, TSubject subject, Func<TSubject, ReviewCase> open, CancellationToken ct)
        where TSubject : class
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("A subject and its review case are saved together: call AddWithCaseAsync inside InTransactionAsync.");
        db.Add(subject);
        await db.SaveChangesAsync(ct);
        var reviewCase = open(subject);
        db.ReviewCases.Add(reviewCase);
        await db.SaveChangesAsync(ct);
        return reviewCase;
    }
}
