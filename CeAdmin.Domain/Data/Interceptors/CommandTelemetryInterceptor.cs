using System.Data.Common;
using System.Diagnostics;
using CeAdmin.Domain.Operations;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CeAdmin.Domain.Data.Interceptors;

/// <summary>
/// EF Core command durations for the metrics (ceadmin.db.command.duration) and a span per command for the
/// traces: EF's own OpenTelemetry instrumentation is only a beta, and EF hands an interceptor the duration
/// of each command anyway. The span carries the SQL text, which holds parameter names, never their values.
/// </summary>
public sealed class CommandTelemetryInterceptor(AppMetrics metrics, string system) : DbCommandInterceptor
{
    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Record(command, eventData, null);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData, null);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Record(command, eventData, null);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData, null);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Record(command, eventData, null);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData, null);
        return ValueTask.FromResult(result);
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) =>
        Record(command, eventData, eventData.Exception);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Record(command, eventData, eventData.Exception);
        return Task.CompletedTask;
    }

    private void Record(DbCommand command, CommandEndEventData eventData, Exception? error)
    {
        var operation = eventData.ExecuteMethod switch
        {
            DbCommandMethod.ExecuteNonQuery => "nonquery",
            DbCommandMethod.ExecuteScalar => "scalar",
            _ => "reader",
        };
        metrics.CommandExecuted(system, operation, eventData.Duration, error?.GetType().Name);

        // The span is made after the fact, with the command's own start and duration.
        using var activity = AppMetrics.Database.StartActivity($"db {operation}", ActivityKind.Client, Activity.Current?.Context ?? default, startTime: eventData.StartTime);
        if (activity is null) return;
        activity.SetTag("db.system.name", system);
        activity.SetTag("db.operation.name", operation);
        activity.SetTag("db.query.text", command.CommandText);
        if (error is not null) activity.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
        activity.SetEndTime(eventData.StartTime.UtcDateTime + eventData.Duration);
    }
}
