using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Data;

/// <summary>
/// One unit of work in one transaction. Run inside the context's execution strategy: EF refuses to retry
/// inside a transaction it did not start, so under a retrying strategy (PostgreSQL) the whole unit,
/// transaction included, runs again from the start on a cleared change tracker.
/// </summary>
public static class Transactions
{
    /// <summary>Runs <paramref name="work"/> in one transaction on a fresh context, re-running all of it after a transient failure.</summary>
    public static async Task<T> InTransactionAsync<T>(this IDbContextFactory<AppDbContext> factory, Func<AppDbContext, CancellationToken, Task<T>> work, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.InTransactionAsync(work, ct);
    }

    /// <summary>Runs <paramref name="work"/> in one transaction on <paramref name="db"/>; each attempt starts with nothing tracked.</summary>
    public static Task<T> InTransactionAsync<T>(this AppDbContext db, Func<AppDbContext, CancellationToken, Task<T>> work, CancellationToken ct = default) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            // A failed attempt may have left entities tracked (and accepted) whose rows were rolled back.
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(token);
            var result = await work(db, token);
            await tx.CommitAsync(token);
            return result;
        }, ct);
}
