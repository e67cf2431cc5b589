using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace CeAdmin.Domain.Statistics;

/// <summary>
/// Keeps the statistics summary in the transaction of every save (<see cref="StatisticsSummary"/>): reads what a
/// save changes before it, writes the summary after it. Registered before the audit interceptor, which opens the
/// save's transaction (or finds the caller's) and commits it after both have written.
/// </summary>
public sealed class StatisticsSummaryInterceptor : SaveChangesInterceptor
{
    public static readonly StatisticsSummaryInterceptor Instance = new();

    private static readonly ConditionalWeakTable<DbContext, StatisticsSummary.Changes> Pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Capture(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        // Sync saves come from tools and seeding; the commands are the same.
        ApplyAsync(eventData.Context, default).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await ApplyAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Capture(DbContext? db)
    {
        if (db is null) return;
        // Each attempt of a retried save captures afresh; what a failed attempt wrote rolled back with it.
        Forget(db);
        db.ChangeTracker.DetectChanges();
        if (StatisticsSummary.Capture(db) is { } changes) Pending.AddOrUpdate(db, changes);
    }

    private static void Forget(DbContext? db)
    {
        if (db is not null) Pending.Remove(db);
    }

    private static async Task ApplyAsync(DbContext? db, CancellationToken ct)
    {
        if (db is null || !Pending.TryGetValue(db, out var changes)) return;
        Pending.Remove(db);
        var connection = db.Database.GetDbConnection();
        if (db.Database.CurrentTransaction is { } current)
        {
            await StatisticsSummary.ApplyAsync(connection, current.GetDbTransaction(), changes, ct);
            return;
        }
        // Every save that changes an audited entity runs in a transaction (the audit interceptor's or the caller's);
        // a context without that interceptor still gets its summary, though not in the same transaction.
        await using var own = await connection.BeginTransactionAsync(ct);
        await StatisticsSummary.ApplyAsync(connection, own, changes, ct);
        await own.CommitAsync(ct);
    }
}
