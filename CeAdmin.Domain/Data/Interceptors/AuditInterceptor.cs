using System.Text.Json;
using CeAdmin.Domain.Audit;
using CeAdmin.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace CeAdmin.Domain.Data.Interceptors;

/// <summary>
/// Writes an AuditEntry for every insert, update and delete, in the same transaction as the change.
/// Values are captured before the save (original values are gone after it); keys after it, since
/// generated keys of inserts are only known then. The audit rows are saved by a second, bare context on
/// the same connection and transaction, never by the saving context itself: under a retrying strategy
/// that context keeps its changes pending until the strategy is done, and a nested save would write
/// them twice.
/// </summary>
public sealed class AuditInterceptor : SaveChangesInterceptor
{
    public static readonly AuditInterceptor Instance = new();

    // Secrets and blobs never go into the log.
    private static readonly HashSet<string> Skipped =
        ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "CodeHash", "Content", "Version"];

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext db)
        {
            await EndAsync(db);
            var pending = Collect(db);
            if (pending.Count > 0)
            {
                var actor = db.AuditUser is null ? null : await db.AuditUser.GetActorAsync();
                // Set only once the transaction exists: a failure here never reaches SaveChangesFailed.
                var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
                db.Audit.State = new AuditState(pending, actor, tx, db.AuditClock.GetUtcNow().UtcDateTime);
            }
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is AppDbContext db)
        {
            End(db);
            var pending = Collect(db);
            if (pending.Count > 0)
            {
                // Sync saves come from seeding and tools; the actor is only read if already at hand.
                var task = db.AuditUser?.GetActorAsync();
                var actor = task is { IsCompletedSuccessfully: true } t ? t.Result : null;
                var tx = db.Database.CurrentTransaction is null ? db.Database.BeginTransaction() : null;
                db.Audit.State = new AuditState(pending, actor, tx, db.AuditClock.GetUtcNow().UtcDateTime);
            }
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext db && db.Audit.State is { } state)
        {
            await using (var writer = Writer(db))
            {
                writer.AuditEntries.AddRange(state.ToEntries());
                await writer.SaveChangesAsync(cancellationToken);
            }
            if (state.Transaction is not null) await state.Transaction.CommitAsync(cancellationToken);
            await EndAsync(db);
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is AppDbContext db && db.Audit.State is { } state)
        {
            using (var writer = Writer(db))
            {
                writer.AuditEntries.AddRange(state.ToEntries());
                writer.SaveChanges();
            }
            state.Transaction?.Commit();
            End(db);
        }
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext db && db.Audit.State is { Transaction: { } tx })
        {
            // The connection may be the thing that failed; the server rolls back an orphaned transaction anyway.
            try { await tx.RollbackAsync(cancellationToken); }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or OperationCanceledException) { }
        }
        if (eventData.Context is AppDbContext failed) await EndAsync(failed);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is AppDbContext db && db.Audit.State is { Transaction: { } tx })
        {
            try { tx.Rollback(); }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException) { }
        }
        if (eventData.Context is AppDbContext failed) End(failed);
    }

    /// <summary>A bare context on the saving context's connection, enlisted in its transaction.</summary>
    private static AppDbContext Writer(AppDbContext db)
    {
        var writer = (db.CreateBare ?? throw new InvalidOperationException("Contexts are made by AppDbContextOptions.Create(), which gives them their audit writer."))();
        writer.Database.SetDbConnection(db.Database.GetDbConnection());
        writer.Database.UseTransaction(db.Database.CurrentTransaction!.GetDbTransaction());
        // No savepoint around the audit rows: EF ignores a failure to release one, which would hide a broken connection.
        writer.Database.AutoSavepointsEnabled = false;
        return writer;
    }

    private static async Task EndAsync(AppDbContext db)
    {
        if (db.Audit.State?.Transaction is { } tx) await tx.DisposeAsync();
        db.Audit.State = null;
    }

    private static void End(AppDbContext db)
    {
        db.Audit.State?.Transaction?.Dispose();
        db.Audit.State = null;
    }

    private static List<PendingAudit> Collect(AppDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        var list = new List<PendingAudit>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            // An export's bytes are not a business write (the ExportFile row, who exported what, is audited).
            if (entry.Entity is AuditEntry or Exports.ExportFileChunk || entry.State is EntityState.Detached or EntityState.Unchanged) continue;
            var changes = new Dictionary<string, object?[]>();
            foreach (var p in entry.Properties)
            {
                if (Skipped.Contains(p.Metadata.Name) || p.Metadata.ClrType == typeof(byte[])) continue;
                switch (entry.State)
                {
                    case EntityState.Added when !p.IsTemporary && p.CurrentValue is not null:
                        changes[p.Metadata.Name] = [null, p.CurrentValue];
                        break;
                    case EntityState.Deleted:
                        changes[p.Metadata.Name] = [p.OriginalValue, null];
                        break;
                    case EntityState.Modified when p.IsModified && !Equals(p.OriginalValue, p.CurrentValue):
                        changes[p.Metadata.Name] = [p.OriginalValue, p.CurrentValue];
                        break;
                }
            }
            if (entry.State == EntityState.Modified && changes.Count == 0) continue;
            list.Add(new PendingAudit(entry, entry.Metadata.ClrType.Name, entry.State.ToString(), JsonSerializer.Serialize(changes, Json)));
        }
        return list;
    }

    internal sealed record PendingAudit(EntityEntry Entry, string Entity, string Action, string Changes);

    internal sealed class AuditState(List<PendingAudit> pending, Actor? actor, IDbContextTransaction? transaction, DateTime at)
    {
        public IDbContextTransaction? Transaction { get; } = transaction;

        public IEnumerable<AuditEntry> ToEntries() =>
            pending.Select(p => new AuditEntry
            {
                At = at,
                UserId = actor?.UserId ?? "system",
                UserName = actor?.UserName ?? "系统",
                UnitId = actor is { IsPersonal: false } ? actor.UnitId : null,
                UnitName = actor?.UnitName ?? "",
                Entity = p.Entity,
                EntityKey = string.Join(",", p.Entry.Metadata.FindPrimaryKey()!.Properties.Select(k => p.Entry.Property(k.Name).CurrentValue)),
                Action = p.Action,
                Changes = p.Changes,
            });
    }
}

/// <summary>Per-context audit bookkeeping between SavingChanges and SavedChanges.</summary>
public sealed class AuditSlot
{
    internal AuditInterceptor.AuditState? State { get; set; }
}
