using CeAdmin.Domain.Audit;

namespace CeAdmin.Tests.Audit;

/// <summary>An <see cref="IAuditLog"/> that keeps what a component recorded, for component tests without a database.</summary>
public sealed class RecordingAuditLog : IAuditLog
{
    public List<AuditRecord> Records { get; } = [];

    public Task RecordAsync(AuditRecord record, CancellationToken ct = default)
    {
        lock (Records) Records.Add(record);
        return Task.CompletedTask;
    }
}
