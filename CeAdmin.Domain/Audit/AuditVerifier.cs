using CeAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Audit;

/// <summary>One place where the chain does not hold.</summary>
public sealed record AuditBreak(long Id, string Problem);

/// <summary>The outcome of walking the chain: how many rows, which ids, and every break found (at most <see cref="AuditVerifier.MaxBreaks"/>).</summary>
public sealed record AuditVerification(long Checked, long FirstId, long LastId, DateTime VerifiedAt, IReadOnlyList<AuditBreak> Breaks)
{
    public bool Intact => Breaks.Count == 0;

    /// <summary>The result as the auditor reads it.</summary>
    public string Summary => Intact
        ? Checked == 0 ? "审计日志为空，链完整" : $"链完整：已校验第{FirstId}至{LastId}条，共{Checked:N0}条记录，未发现删除或修改"
        : $"链已断开：发现{Breaks.Count}处问题，第一处在第{Breaks[0].Id}条（{Breaks[0].Problem}）";
}

/// <summary>
/// Walks the kept chain in id order and checks, for every row, that its id follows the one before
/// (nothing removed), that it points at the previous row's hash (nothing removed or reordered), that
/// its own hash matches its columns (nothing altered); and at the end that the last row is the head's.
/// A row changed together with its hash breaks the link of the row after it.
/// </summary>
public static class AuditVerifier
{
    public const int MaxBreaks = 20;

    public static async Task<AuditVerification> VerifyAsync(AppDbContext db, DateTime nowUtc, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        var head = await ReadHeadAsync(db, ct);
        var breaks = new List<AuditBreak>();
        long expected = head.FirstId, checkedRows = 0;
        var previous = head.FirstPreviousHash;
        var last = head.LastId;

        var rows = db.AuditEntries.AsNoTracking().Where(e => e.Id >= head.FirstId && e.Id <= last).OrderBy(e => e.Id).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct))
        {
            if (checkedRows == 0 && row.Id != expected)
            {
                // The retention job may have archived the start meanwhile: then the head says where the chain starts now.
                var now = await ReadHeadAsync(db, ct);
                if (now.FirstId == row.Id) (expected, previous) = (now.FirstId, now.FirstPreviousHash);
            }
            if (row.Id != expected) Note(breaks, expected, row.Id == expected + 1 ? $"第{expected}条记录缺失（已被删除）" : $"第{expected}至{row.Id - 1}条记录缺失（已被删除）");
            else if (row.PreviousHash != previous) Note(breaks, row.Id, "与前一条记录的链接断开（前一条被修改、删除或调换）");
            if (AuditChain.HashOf(row) != row.Hash) Note(breaks, row.Id, "记录内容与其哈希值不符（已被修改）");
            previous = row.Hash;
            expected = row.Id + 1;
            if (++checkedRows % 10_000 == 0) progress?.Report(checkedRows);
        }
        progress?.Report(checkedRows);

        if (last >= head.FirstId)
        {
            if (expected <= last) Note(breaks, expected, expected == last ? $"第{last}条记录缺失（链尾被删除）" : $"第{expected}至{last}条记录缺失（链尾被删除）");
            else if (previous != head.LastHash) Note(breaks, last, "末条记录与链头记载的哈希值不符");
        }
        return new AuditVerification(checkedRows, head.FirstId, last, nowUtc, breaks);
    }

    private static void Note(List<AuditBreak> breaks, long id, string problem)
    {
        if (breaks.Count < MaxBreaks) breaks.Add(new AuditBreak(id, problem));
    }

    private static async Task<AuditChainHead> ReadHeadAsync(AppDbContext db, CancellationToken ct) =>
        await db.AuditChainHeads.AsNoTracking().SingleAsync(h => h.Id == AuditChainHead.SingletonId, ct);
}
