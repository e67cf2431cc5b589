using CeAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Audit;

/// <summary>
/// Rows written before the hash chain existed (ids below the head's first id) copied 公民身份号码 in plain
/// JSON. The migrating instance masks them once at start, before the app serves, and marks them with the
/// hash "-" (not a hash: they stay outside the chain until the retention job archives them).
/// </summary>
public static class AuditLegacyRows
{
    public const string MaskedMarker = "-";

    public static async Task<int> MaskAsync(AppDbContext db, CancellationToken ct = default)
    {
        var first = await db.AuditChainHeads.AsNoTracking().Select(h => h.FirstId).SingleAsync(ct);
        var masked = 0;
        while (true)
        {
            var batch = await db.AuditEntries.Where(e => e.Id < first && e.Hash == "").OrderBy(e => e.Id).Take(1000).ToListAsync(ct);
            if (batch.Count == 0) return masked;
            foreach (var row in batch)
            {
                row.Changes = AuditMasking.MaskJson(row.Changes);
                row.Hash = MaskedMarker;
            }
            // Audit rows are not themselves audited (AuditInterceptor skips them).
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            masked += batch.Count;
        }
    }
}
