using System.Globalization;
using System.Text;
using CeAdmin.Domain.Administration;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CeAdmin.Domain.Audit;

/// <summary>The "Audit" configuration section.</summary>
public sealed class AuditOptions
{
    /// <summary>Default of the run-time setting 审计日志保留期限 (at least 180 days).</summary>
    public int RetentionDays { get; set; } = 180;
    /// <summary>Where archived rows go (CSV, one file per batch); a relative path is under the app's directory.</summary>
    public string ArchiveDirectory { get; set; } = "audit-archive";
    /// <summary>How often the retention job (archive, purge, verify) runs; one instance runs it per interval.</summary>
    public double IntervalHours { get; set; } = 24;
    /// <summary>How often each instance asks whether the interval has passed.</summary>
    public double CheckMinutes { get; set; } = 10;
    /// <summary>Rows per archive file and per purge transaction (the head is locked only for the delete of one batch).</summary>
    public int ArchiveBatchSize { get; set; } = 10_000;
}

/// <summary>What one run of the retention job did.</summary>
public sealed record RetentionRun(bool Ran, int Archived, IReadOnlyList<string> Files, AuditVerification? Verification);

/// <summary>
/// The retention job: rows older than 审计日志保留期限 are written to a CSV file (every column, the hashes
/// included, so the file can be checked against the chain), flushed to disk, and only then deleted,
/// oldest first, a batch at a time; each batch moves the chain's start in the head row and records an
/// 审计日志归档 event in the same transaction. Then the whole kept chain is verified and the result
/// recorded. One instance runs it per interval (a lease in the head row); the job is itself audited.
/// </summary>
public sealed class AuditRetention(IDbContextFactory<AppDbContext> dbFactory, AuditLog audit, RuntimeSettings settings, AuditOptions options, TimeProvider clock)
{
    /// <summary>Runs once if no instance ran it within the interval (<paramref name="force"/>: regardless).</summary>
    public async Task<RetentionRun> RunAsync(bool force = false, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await TakeLeaseAsync(now, force, ct)) return new RetentionRun(false, 0, [], null);

        var days = settings[RuntimeSettings.AuditRetentionDays];
        var cutoff = AuditChain.Microseconds(now.AddDays(-days));
        var files = new List<string>();
        var archived = 0;
        while (await ArchiveBatchAsync(cutoff, days, ct) is { } batch)
        {
            files.Add(batch.File);
            archived += batch.Rows;
        }
        if (archived == 0)
            await audit.RecordAsync(new AuditRecord(AuditEvent.AuditArchived, AuditService.ExportTitle, new { Rows = 0, RetentionDays = days, Before = ChinaTime.Format(cutoff) }), ct);
        var verification = await AuditService.VerifyAndRecordAsync(dbFactory, audit, clock, null, ct);
        return new RetentionRun(true, archived, files, verification);
    }

    private async Task<bool> TakeLeaseAsync(DateTime now, bool force, CancellationToken ct)
    {
        var due = now.AddHours(-Math.Max(0.01, options.IntervalHours));
        await using var db = dbFactory.CreateDbContext();
        return await db.AuditChainHeads
            .Where(h => h.Id == AuditChainHead.SingletonId && (force || h.LastRetentionRunAt == null || h.LastRetentionRunAt < due))
            .ExecuteUpdateAsync(h => h.SetProperty(x => x.LastRetentionRunAt, now), ct) == 1;
    }

    private sealed record Batch(string File, int Rows);

    private async Task<Batch?> ArchiveBatchAsync(DateTime cutoff, int days, CancellationToken ct)
    {
        await using var db = dbFactory.CreateDbContext();
        var rows = await db.AuditEntries.AsNoTracking().Where(e => e.At < cutoff).OrderBy(e => e.Id).Take(Math.Max(1, options.ArchiveBatchSize)).ToListAsync(ct);
        if (rows.Count == 0) return null;
        var (first, last) = (rows[0].Id, rows[^1].Id);

        // Written and flushed before anything is deleted; a failed delete leaves the rows in place (the next run archives them again).
        var directory = Path.GetFullPath(options.ArchiveDirectory, AppContext.BaseDirectory);
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, $"audit-{first:D12}-{last:D12}-{clock.GetUtcNow().UtcDateTime:yyyyMMddHHmmss}.csv");
        await WriteCsvAsync(file, rows, ct);

        var details = new { FromId = first, ToId = last, Rows = rows.Count, File = Path.GetFileName(file), RetentionDays = days, Before = ChinaTime.Format(cutoff) };
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(token);
            var head = await db.AuditChainHeads.SingleAsync(h => h.Id == AuditChainHead.SingletonId, token);
            await db.AuditEntries.Where(e => e.Id >= first && e.Id <= last).ExecuteDeleteAsync(token);
            // The kept chain now starts after the batch: its first row points at the last archived row's hash.
            if (last >= head.FirstId)
                await db.AuditChainHeads.Where(h => h.Id == AuditChainHead.SingletonId)
                    .ExecuteUpdateAsync(h => h.SetProperty(x => x.FirstId, last + 1).SetProperty(x => x.FirstPreviousHash, rows[^1].Hash), token);
            await AuditChain.AppendAsync(db.Database.GetDbConnection(), tx.GetDbTransaction(),
                [new AuditRecord(AuditEvent.AuditArchived, Path.GetFileName(file), details).ToEntry(AuditActor.Of(null, null), clock.GetUtcNow().UtcDateTime)], sync: false, token);
            await tx.CommitAsync(token);
        }, ct);
        return new Batch(file, rows.Count);
    }

    /// <summary>RFC 4180 CSV, UTF-8 with a byte-order mark; values verbatim (hashes must match), times in UTC as stored.</summary>
    internal static async Task WriteCsvAsync(string path, IReadOnlyList<AuditEntry> rows, CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        await using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true))
        {
            await writer.WriteLineAsync("Id,At,UserId,UserName,UnitId,UnitName,Role,ClientAddress,Event,Target,Result,Reason,Entity,EntityKey,Action,Changes,PreviousHash,Hash");
            foreach (var e in rows)
            {
                ct.ThrowIfCancellationRequested();
                string[] values =
                [
                    e.Id.ToString(CultureInfo.InvariantCulture), e.At.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
                    e.UserId, e.UserName, e.UnitId?.ToString(CultureInfo.InvariantCulture) ?? "", e.UnitName, e.Role, e.ClientAddress,
                    e.Event.ToString(), e.Target, e.Result.ToString(), e.Reason, e.Entity, e.EntityKey, e.Action, e.Changes, e.PreviousHash, e.Hash,
                ];
                await writer.WriteLineAsync(string.Join(',', values.Select(Quote)));
            }
        }
        stream.Flush(flushToDisk: true);
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";
}
