using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace CeAdmin.Domain.Data.Interceptors;

/// <summary>
/// Logs every EF command slower than <c>Database:SlowQueryMilliseconds</c> with its SQL (parameter names, never their
/// values) into the app's logging. The contexts are built outside dependency injection (one options object per
/// process), so EF's own loggers never reach the app's; this interceptor is handed the app's logger instead.
/// A query is slow when executing it (up to the first row) or reading its rows takes longer than the threshold.
/// </summary>
public sealed partial class SlowQueryInterceptor(ILogger<SlowQueryInterceptor> logger, TimeSpan threshold) : DbCommandInterceptor
{
    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Check(command, "execute", eventData.Duration);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Check(command, "execute", eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        // The time from the reader's creation until it was disposed: reading the rows.
        Check(command, $"read {eventData.ReadCount} rows", eventData.Duration);
        return result;
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Check(command, "execute", eventData.Duration);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Check(command, "execute", eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Check(command, "execute", eventData.Duration);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Check(command, "execute", eventData.Duration);
        return ValueTask.FromResult(result);
    }

    private void Check(DbCommand command, string phase, TimeSpan duration)
    {
        if (duration >= threshold) SlowQuery(logger, duration.TotalMilliseconds, phase, command.CommandText);
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning, Message = "Slow query: {ElapsedMilliseconds:F0} ms to {Phase}: {Sql}")]
    private static partial void SlowQuery(ILogger logger, double elapsedMilliseconds, string phase, string sql);
}
