using System.Data.Common;
using System.Text.Json;
using CeAdmin.Domain.Audit;
using CeAdmin.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace CeAdmin.Domain.Data.Interceptors;

/// <summary>
/// Writes an AuditEntry for every insert, update and delete (and every event staged on the context),
/// in the same transaction as the change. Values are captured before the save (original values are
/// gone after it), keys after it (generated keys of inserts are only known then). The rows wait on the
/// context until their transaction commits and are appended to the hash chain just before the commit
/// (<see cref="AuditChain"/>): the chain head is locked last and only until the commit, so writers
/// never wait for one another's business rows while holding it, and a rolled-back transaction leaves
/// no audit row. Without a caller's transaction the interceptor opens one around the save. The rows are
/// written with plain commands on the saving context's connection, never by a nested save: under a
/// retrying strategy (PostgreSQL) the context keeps its changes pending until the strategy is done, and a
/// retried save collects them, and appends them, again — once the earlier attempt's transaction is gone.
/// </summary>
public sealed class AuditInterceptor : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public static readonly AuditInterceptor Instance = new();

    // Secrets and blobs never go into the log.
    private static readonly HashSet<string> Skipped =
        ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "CodeHash", "TokenHash", "Content", "Version"];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext db)
        {
            await EndAsync(db);
            var pending = Collect(db);
            if (pending.Count > 0 || db.Audit.Staged.Count > 0)
            {
                var actor = db.AuditUser is null ? null : await db.AuditUser.GetActorAsync();
                // Set only once the transaction exists: a failure here never reaches SaveChangesFailed.
                var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
                db.Audit.State = new AuditState(pending, [.. db.Audit.Staged], AuditActor.Of(actor, db.AuditClient?.Address), tx, db.AuditClock.GetUtcNow().UtcDateTime);
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
            if (pending.Count > 0 || db.Audit.Staged.Count > 0)
            {
                // Sync saves come from seeding and tools; the actor is only read if already at hand.
                var task = db.AuditUser?.GetActorAsync();
                var actor = task is { IsCompletedSuccessfully: true } t ? t.Result : null;
                var tx = db.Database.CurrentTransaction is null ? db.Database.BeginTransaction() : null;
                db.Audit.State = new AuditState(pending, [.. db.Audit.Staged], AuditActor.Of(actor, db.AuditClient?.Address), tx, db.AuditClock.GetUtcNow().UtcDateTime);
            }
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext db && db.Audit.State is { } state)
        {
            Buffer(db, state);
            // Committing appends the buffered rows (TransactionCommitting below).
            if (state.Transaction is not null)
            {
                await state.Transaction.CommitAsync(cancellationToken);
                db.Audit.Staged.Clear();
            }
            await EndAsync(db);
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is AppDbContext db && db.Audit.State is { } state)
        {
            Buffer(db, state);
            if (state.Transaction is not null)
            {
                state.Transaction.Commit();
                db.Audit.Staged.Clear();
            }
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
        if (eventData.Context is AppDbContext failed)
        {
            Forget(failed);
            await EndAsync(failed);
        }
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is AppDbContext db && db.Audit.State is { Transaction: { } tx })
        {
            try { tx.Rollback(); }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException) { }
        }
        if (eventData.Context is AppDbContext failed)
        {
            Forget(failed);
            End(failed);
        }
    }

    /// <summary>
    /// A save failed. In the caller's transaction the caller's strategy (if any) runs the whole unit again,
    /// which stages its events again: forget these. In the interceptor's own transaction the strategy retries
    /// just the save, which collects the same changes and needs the same staged events: keep them.
    /// </summary>
    private static void Forget(AppDbContext db)
    {
        if (db.Audit.State is { Transaction: null }) db.Audit.Staged.Clear();
    }

    /// <summary>The save succeeded: its rows wait for the commit of its transaction; the staged events are used up.</summary>
    private static void Buffer(AppDbContext db, AuditState state)
    {
        var transaction = db.Database.CurrentTransaction!.TransactionId;
        // Rows of a transaction that ended without a commit (disposed, or a retry's earlier attempt) are dropped.
        if (db.Audit.BufferedFor != transaction) db.Audit.Buffered.Clear();
        db.Audit.BufferedFor = transaction;
        db.Audit.Buffered.AddRange(state.ToEntries());
        // In the caller's transaction the staged events are now buffered; a re-run of the caller's unit stages them anew.
        if (state.Transaction is null) db.Audit.Staged.Clear();
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

    // ------------------------------------------------------------------ the transaction's commit

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (TakeBuffered(eventData) is { } rows) await AuditChain.AppendAsync(transaction.Connection!, transaction, rows, sync: false, cancellationToken);
        return result;
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (TakeBuffered(eventData) is { } rows) AuditChain.AppendAsync(transaction.Connection!, transaction, rows, sync: true, default).GetAwaiter().GetResult();
        return result;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Drop(eventData);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Drop(eventData);
        return Task.CompletedTask;
    }

    private static List<AuditEntry>? TakeBuffered(TransactionEventData eventData)
    {
        if (eventData.Context is not AppDbContext db || db.Audit.Buffered.Count == 0) return null;
        if (db.Audit.BufferedFor != eventData.TransactionId)
        {
            db.Audit.Buffered.Clear();
            return null;
        }
        var rows = db.Audit.Buffered.ToList();
        db.Audit.Buffered.Clear();
        db.Audit.BufferedFor = null;
        return rows;
    }

    private static void Drop(TransactionEventData eventData)
    {
        if (eventData.Context is AppDbContext db && db.Audit.BufferedFor == eventData.TransactionId) db.Audit.Buffered.Clear();
    }

    // ------------------------------------------------------------------ what changed

    private static List<PendingAudit> Collect(AppDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        var list = new List<PendingAudit>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            // An export's bytes are not a business write (the ExportFile row, who exported what, is audited).
            if (entry.Entity is AuditEntry or AuditChainHead or Exports.ExportFileChunk || entry.State is EntityState.Detached or EntityState.Unchanged) continue;
            var changes = new Dictionary<string, object?[]>();
            foreach (var p in entry.Properties)
            {
                var name = p.Metadata.Name;
                if (Skipped.Contains(name) || p.Metadata.ClrType == typeof(byte[])) continue;
                switch (entry.State)
                {
                    case EntityState.Added when !p.IsTemporary && p.CurrentValue is not null:
                        changes[name] = [null, AuditMasking.Mask(name, p.CurrentValue)];
                        break;
                    case EntityState.Deleted:
                        changes[name] = [AuditMasking.Mask(name, p.OriginalValue), null];
                        break;
                    case EntityState.Modified when p.IsModified && !Equals(p.OriginalValue, p.CurrentValue):
                        changes[name] = [AuditMasking.Mask(name, p.OriginalValue), AuditMasking.Mask(name, p.CurrentValue)];
                        break;
                }
            }
            if (entry.State == EntityState.Modified && changes.Count == 0) continue;
            list.Add(new PendingAudit(entry, entry.Metadata.ClrType.Name, entry.State.ToString(), JsonSerializer.Serialize(changes, AuditMasking.Json)));
        }
        return list;
    }

    internal sealed record PendingAudit(EntityEntry Entry, string Entity, string Action, string Changes);

    internal sealed class AuditState(List<PendingAudit> pending, List<(AuditRecord Record, AuditActor? Who)> staged, AuditActor actor, IDbContextTransaction? transaction, DateTime at)
    {
        public IDbContextTransaction? Transaction { get; } = transaction;

        public IEnumerable<AuditEntry> ToEntries()
        {
            foreach (var p in pending)
            {
                var key = string.Join(",", p.Entry.Metadata.FindPrimaryKey()!.Properties.Select(k => p.Entry.Property(k.Name).CurrentValue));
                yield return new AuditEntry
                {
                    At = at,
                    UserId = actor.UserId,
                    UserName = actor.UserName,
                    UnitId = actor.UnitId,
                    UnitName = actor.UnitName,
                    Role = actor.Role,
                    ClientAddress = actor.ClientAddress,
                    Event = AuditEvent.DataWrite,
                    Target = $"{p.Entity}#{key}",
                    Result = AuditResult.Succeeded,
                    Entity = p.Entity,
                    EntityKey = key,
                    Action = p.Action,
                    Changes = p.Changes,
                };
            }
            foreach (var (record, who) in staged) yield return record.ToEntry(who ?? actor, at);
        }
    }
}

/// <summary>Per-context audit bookkeeping: between SavingChanges and SavedChanges, and until the transaction commits.</summary>
public sealed class AuditSlot
{
    internal AuditInterceptor.AuditState? State { get; set; }
    /// <summary>Events to write with the next save (<see cref="AppDbContext.StageAudit"/>).</summary>
    internal List<(AuditRecord Record, AuditActor? Who)> Staged { get; } = [];
    /// <summary>Rows of saves in the transaction <see cref="BufferedFor"/>, appended when it commits.</summary>
    internal List<AuditEntry> Buffered { get; } = [];
    internal Guid? BufferedFor { get; set; }
}
