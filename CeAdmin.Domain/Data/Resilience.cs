using CeAdmin.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace CeAdmin.Domain.Data;

/// <summary>
/// The database stayed unreachable through every retry (a restart that takes too long, a network cut).
/// A DomainException, so every page shows its Chinese message the way it shows a refusal, and the
/// circuit lives on: the next attempt after the database is back simply works.
/// </summary>
public sealed class DatabaseUnavailableException(Exception inner) : DomainException(Text, inner)
{
    public const string Text = "数据库暂时无法访问，本次操作未完成，请稍后重试";
}

/// <summary>
/// PostgreSQL's retrying execution strategy (EF re-runs a query or a save after a transient failure such
/// as a server restart), turning "retries exhausted" into <see cref="DatabaseUnavailableException"/>.
/// </summary>
public sealed class PostgresRetryingStrategy(ExecutionStrategyDependencies dependencies, int maxRetryCount, TimeSpan maxRetryDelay)
    : NpgsqlRetryingExecutionStrategy(dependencies, maxRetryCount, maxRetryDelay, errorCodesToAdd: null)
{
    public override TResult Execute<TState, TResult>(TState state, Func<DbContext, TState, TResult> operation, Func<DbContext, TState, ExecutionResult<TResult>>? verifySucceeded)
    {
        try
        {
            return base.Execute(state, operation, verifySucceeded);
        }
        catch (RetryLimitExceededException ex)
        {
            throw new DatabaseUnavailableException(ex);
        }
    }

    /// <summary>
    /// Also a transaction Npgsql disposed because its connection broke: committing it throws
    /// ObjectDisposedException around the server's "terminating connection" error.
    /// </summary>
    protected override bool ShouldRetryOn(Exception? exception) =>
        base.ShouldRetryOn(exception) || exception is ObjectDisposedException { InnerException: { } inner } && base.ShouldRetryOn(inner);

    /// <summary>
    /// After a server restart every idle connection in Npgsql's pool is dead, and each retry could draw another
    /// one; a cleared pool makes the next attempt open a fresh connection.
    /// </summary>
    protected override void OnRetry()
    {
        if (Dependencies.CurrentContext.Context.Database.GetDbConnection() is NpgsqlConnection connection) NpgsqlConnection.ClearPool(connection);
        base.OnRetry();
    }

    public override async Task<TResult> ExecuteAsync<TState, TResult>(TState state, Func<DbContext, TState, CancellationToken, Task<TResult>> operation,
        Func<DbContext, TState, CancellationToken, Task<ExecutionResult<TResult>>>? verifySucceeded, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.ExecuteAsync(state, operation, verifySucceeded, cancellationToken);
        }
        catch (RetryLimitExceededException ex)
        {
            throw new DatabaseUnavailableException(ex);
        }
    }
}

/// <summary>
/// Explicit transactions under a retrying strategy: EF refuses to retry inside a transaction it did not
/// start, so the whole unit of work (transaction included) runs inside the strategy and, after a transient
/// failure, runs again from the start on a cleared change tracker.
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
