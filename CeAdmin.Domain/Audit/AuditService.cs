using System.Text.Json;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Exports;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Audit;

/// <summary>The last verification of the chain, as recorded in the log itself.</summary>
public sealed record AuditVerificationRecord(long EntryId, DateTime At, string By, bool Intact, string Summary, long Checked, IReadOnlyList<AuditBreak> Breaks);

/// <summary>
/// 审计日志 for the 安全审计员, and for nobody else: the administrator may not read the log, units never.
/// Reading, exporting and verifying are themselves audited (the export by the export button, with its
/// filter and row count). There is no method that changes or removes a row.
/// </summary>
public sealed class AuditService(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, AuditLog audit, TimeProvider clock)
{
    public const string ExportTitle = "审计日志";

    public async Task<AuditPage> QueryAsync(AuditFilter filter, AuditPageRequest request, CancellationToken ct = default)
    {
        await currentUser.RequireSecurityAuditorAsync();
        await using var db = dbFactory.CreateDbContext();
        var criteria = await AuditCriteria.OfAsync(db, filter, ct);
        var items = await AuditQuery.PageAsync(db, criteria, request.Seek, request.PageSize, ct);
        int? total = request.IncludeTotal ? await AuditQuery.CountAsync(db, criteria, ct) : null;
        return new AuditPage(items, total);
    }

    /// <summary>导出Excel: the whole filtered result newest first, streamed into the workbook.</summary>
    public async Task ExportAsync(AuditFilter filter, Stream output, IProgress<int>? progress, CancellationToken ct = default)
    {
        await currentUser.RequireSecurityAuditorAsync();
        await using var db = dbFactory.CreateDbContext();
        var criteria = await AuditCriteria.OfAsync(db, filter, ct);
        await ExcelExporter.WriteAsync(output, AuditQuery.Stream(db, criteria), AuditRow.ExportColumns, ExportTitle, progress, ct);
    }

    /// <summary>Walks the whole kept chain now and records the outcome (a broken chain as a refused verification, with its first break).</summary>
    public async Task<AuditVerification> VerifyAsync(IProgress<long>? progress = null, CancellationToken ct = default)
    {
        // The auditor, or the server's operator at the command line (admin verify-audit): a read that changes nothing.
        if (await currentUser.GetActorAsync() is not { IsCommandLine: true }) await currentUser.RequireSecurityAuditorAsync();
        return await VerifyAndRecordAsync(dbFactory, audit, clock, progress, ct);
    }

    /// <summary>The verification itself, also run by the retention job as the system.</summary>
    internal static async Task<AuditVerification> VerifyAndRecordAsync(IDbContextFactory<AppDbContext> dbFactory, AuditLog audit, TimeProvider clock,
        IProgress<long>? progress, CancellationToken ct)
    {
        AuditVerification result;
        await using (var db = dbFactory.CreateDbContext())
            result = await AuditVerifier.VerifyAsync(db, clock.GetUtcNow().UtcDateTime, progress, ct);
        var details = new VerificationDetails(result.Intact, result.Summary, result.Checked, result.FirstId, result.LastId, result.Breaks);
        var record = new AuditRecord(AuditEvent.AuditVerified, ExportTitle, details);
        await audit.RecordAsync(result.Intact ? record : record.Refused(result.Summary), ct);
        return result;
    }

    /// <summary>The latest verification (by the auditor or the daily job), or null if the chain was never verified.</summary>
    public async Task<AuditVerificationRecord?> LatestVerificationAsync(CancellationToken ct = default)
    {
        await currentUser.RequireSecurityAuditorAsync();
        await using var db = dbFactory.CreateDbContext();
        var row = await db.AuditEntries.AsNoTracking().Where(e => e.Event == AuditEvent.AuditVerified).OrderByDescending(e => e.Id)
            .Select(e => new { e.Id, e.At, e.UserName, e.Changes }).FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var details = JsonSerializer.Deserialize<VerificationDetails>(row.Changes, AuditMasking.Json)!;
        return new AuditVerificationRecord(row.Id, row.At, row.UserName, details.Intact, details.Summary, details.Checked, details.Breaks);
    }

    private sealed record VerificationDetails(bool Intact, string Summary, long Checked, long FirstId, long LastId, IReadOnlyList<AuditBreak> Breaks);
}
