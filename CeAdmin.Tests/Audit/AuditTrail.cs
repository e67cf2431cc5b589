using CeAdmin.Domain.Audit;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Audit;

/// <summary>Reads a test database's audit trail: the events written after a point, and whether the chain holds.</summary>
internal static class AuditTrail
{
    public static async Task<long> LastIdAsync(this TestApp app)
    {
        await using var db = app.Db();
        return await db.AuditEntries.MaxAsync(e => (long?)e.Id) ?? 0;
    }

    /// <summary>The events (not the data writes) after <paramref name="afterId"/>, oldest first.</summary>
    public static async Task<List<AuditEntry>> EventsAfterAsync(this TestApp app, long afterId)
    {
        await using var db = app.Db();
        return await db.AuditEntries.AsNoTracking().Where(e => e.Id > afterId && e.Event != AuditEvent.DataWrite).OrderBy(e => e.Id).ToListAsync();
    }

    public static async Task<AuditVerification> VerifyAsync(this TestApp app)
    {
        await using var db = app.Db();
        return await AuditVerifier.VerifyAsync(db, DateTime.UtcNow);
    }

    public static (AuditEvent, AuditResult, string) Summary(AuditEntry e) => (e.Event, e.Result, e.Target);
}
