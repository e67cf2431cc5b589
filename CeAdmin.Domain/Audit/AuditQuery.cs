using System.Linq.Expressions;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Exports;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Audit;

/// <summary>
/// 审计日志's filters: a time range (instants, UTC; the page passes whole days of Beijing time), the
/// account, the unit, the event kind, the result and the target, each an exact match.
/// </summary>
public sealed record AuditFilter(
    DateTime? FromUtc = null, DateTime? ToUtc = null, string? UserName = null, string? UnitName = null,
    AuditEvent? Event = null, AuditResult? Result = null, string? Target = null);

/// <summary>A row of 审计日志 (and of its export). At is UTC; the page and the export show Beijing time.</summary>
public sealed record AuditRow(
    long Id, DateTime At, string UserName, string UnitName, string Role, string ClientAddress,
    AuditEvent Event, string Target, AuditResult Result, string Reason, string Action, string Changes)
{
    public static IReadOnlyList<ExportColumn<AuditRow>> ExportColumns { get; } = Exports.ExportColumns.For<AuditRow>()
        .Number("序号", r => (long?)r.Id, 10)
        .Text("时间（北京时间）", r => ChinaTime.Format(r.At), 20)
        .Text("账号", r => r.UserName, 16)
        .Text("单位", r => r.UnitName, 26)
        .Text("角色", r => r.Role, 18)
        .Text("客户端地址", r => r.ClientAddress, 16)
        .Text("事件", r => r.Event.ToLabel(), 14)
        .Text("操作对象", r => r.Target, 28)
        .Text("结果", r => r.Result.ToLabel(), 8)
        .Text("原因", r => r.Reason, 30)
        .Text("操作", r => r.Action, 10)
        .Text("详情", r => r.Changes, 60)
        .Build();
}

/// <summary>
/// Everything a log query selects by, as plain values. The time range has become an id range: times never
/// go backwards along the chain (<see cref="AuditChain"/>), so the rows of a time range are the ids between
/// its first and its last row, and every filter pages by seeking on the id.
/// </summary>
/// <remarks>No time limit leaves the id bounds null, so that a count without filters stays a plain COUNT (SQLite counts it in the smallest index).</remarks>
public sealed record AuditCriteria(long? LowId, long? HighId, string? UserName, string? UnitName, AuditEvent? Event, AuditResult? Result, string? Target)
{
    public bool IsEmpty => LowId > HighId;

    /// <summary>The lowest id a page may show (0: none below).</summary>
    public long Low => LowId ?? 0;

    /// <summary>The id a newest-first page starts below.</summary>
    public long Top => HighId is { } high ? high + 1 : long.MaxValue;

    public static async Task<AuditCriteria> OfAsync(AppDbContext db, AuditFilter filter, CancellationToken ct)
    {
        long? low = null, high = null;
        if (filter.FromUtc is { } from)
            low = await db.AuditEntries.Where(e => e.At >= from).OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => (long?)e.Id).FirstOrDefaultAsync(ct) ?? long.MaxValue;
        if (filter.ToUtc is { } to)
            high = await db.AuditEntries.Where(e => e.At < to).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Select(e => (long?)e.Id).FirstOrDefaultAsync(ct) ?? 0;
        return new AuditCriteria(low, high, Text(filter.UserName), Text(filter.UnitName), filter.Event, filter.Result, Text(filter.Target));
    }

    private static string? Text(string? value) => value?.Trim() is { Length: > 0 } t ? t : null;
}

/// <summary>One page request of 审计日志. IncludeTotal asks for the count (once per filter, not per page turn).</summary>
public sealed record AuditPageRequest(PageSeek Seek, int PageSize = 20, bool IncludeTotal = false);

public sealed record AuditPage(IReadOnlyList<AuditRow> Items, int? Total);

/// <summary>
/// The one query behind the 审计日志 grid, its count and its export, in the records query's pattern
/// (docs/decisions/0006): newest first, pages reached by seeking on the id through compiled queries, the
/// count once per filter, the export streamed. Each filter has an index that ends in the id, so a page of
/// any filter is an index seek however deep it lies.
/// </summary>
public static class AuditQuery
{
    public const int MaxPageSize = 200;

    private static readonly Expression<Func<AuditEntry, AuditRow>> Projection = e => new AuditRow(
        e.Id, e.At, e.UserName, e.UnitName, e.Role, e.ClientAddress, e.Event, e.Target, e.Result, e.Reason, e.Action, e.Changes);

    public static IQueryable<AuditEntry> Matching(this IQueryable<AuditEntry> entries, AuditCriteria c) =>
        entries.Where(e => (c.LowId == null || e.Id >= c.LowId) && (c.HighId == null || e.Id <= c.HighId)
            && (c.UserName == null || e.UserName == c.UserName)
            && (c.UnitName == null || e.UnitName == c.UnitName)
            && (c.Event == null || e.Event == c.Event)
            && (c.Result == null || e.Result == c.Result)
            && (c.Target == null || e.Target == c.Target));

    // Compiled once: rows below the bound newest first, or above it oldest first (EF prunes the null criteria per execution).
    private static readonly Func<AppDbContext, long, long, string?, string?, AuditEvent?, AuditResult?, string?, int, IAsyncEnumerable<AuditRow>> NewestQuery =
        EF.CompileAsyncQuery((AppDbContext db, long low, long below, string? user, string? unit, AuditEvent? kind, AuditResult? result, string? target, int take) =>
            db.AuditEntries.AsNoTracking()
                .Where(e => e.Id >= low && e.Id < below
                    && (user == null || e.UserName == user) && (unit == null || e.UnitName == unit) && (kind == null || e.Event == kind)
                    && (result == null || e.Result == result) && (target == null || e.Target == target))
                .OrderByDescending(e => e.Id).Take(take).Select(Projection));

    private static readonly Func<AppDbContext, long, long, string?, string?, AuditEvent?, AuditResult?, string?, int, IAsyncEnumerable<AuditRow>> OldestQuery =
        EF.CompileAsyncQuery((AppDbContext db, long above, long high, string? user, string? unit, AuditEvent? kind, AuditResult? result, string? target, int take) =>
            db.AuditEntries.AsNoTracking()
                .Where(e => e.Id > above && e.Id <= high
                    && (user == null || e.UserName == user) && (unit == null || e.UnitName == unit) && (kind == null || e.Event == kind)
                    && (result == null || e.Result == result) && (target == null || e.Target == target))
                .OrderBy(e => e.Id).Take(take).Select(Projection));

    /// <summary>One page in grid order (newest first). Seeks read only the page's rows; an offset (a jump) picks the page's ids in the index first.</summary>
    public static async Task<IReadOnlyList<AuditRow>> PageAsync(AppDbContext db, AuditCriteria c, PageSeek seek, int pageSize, CancellationToken ct)
    {
        if (c.IsEmpty) return [];
        var take = Math.Clamp(pageSize, 1, MaxPageSize);
        return seek switch
        {
            PageSeek.First => await ToListAsync(Newest(db, c, c.Top, take), ct),
            PageSeek.After after => await ToListAsync(Newest(db, c, Math.Min(after.Id, c.Top), take), ct),
            PageSeek.Before before => Reversed(await ToListAsync(Oldest(db, c, Math.Max(before.Id, c.Low - 1), take), ct)),
            PageSeek.Last last => Reversed(await ToListAsync(Oldest(db, c, c.Low - 1, Math.Clamp(last.Count, 1, take)), ct)),
            PageSeek.Offset offset => await OffsetPageAsync(db, c, offset.Skip, take, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(seek), seek, null),
        };
    }

    /// <summary>The whole filtered result newest first, streamed row by row (for the export).</summary>
    public static IAsyncEnumerable<AuditRow> Stream(AppDbContext db, AuditCriteria c) =>
        c.IsEmpty ? AsyncEnumerable.Empty<AuditRow>() : db.AuditEntries.AsNoTracking().Matching(c).OrderByDescending(e => e.Id).Select(Projection).AsAsyncEnumerable();

    public static async Task<int> CountAsync(AppDbContext db, AuditCriteria c, CancellationToken ct) =>
        c.IsEmpty ? 0 : await db.AuditEntries.AsNoTracking().Matching(c).CountAsync(ct);

    private static IAsyncEnumerable<AuditRow> Newest(AppDbContext db, AuditCriteria c, long below, int take) =>
        NewestQuery(db, c.Low, below, c.UserName, c.UnitName, c.Event, c.Result, c.Target, take);

    private static IAsyncEnumerable<AuditRow> Oldest(AppDbContext db, AuditCriteria c, long above, int take) =>
        OldestQuery(db, above, c.Top - 1, c.UserName, c.UnitName, c.Event, c.Result, c.Target, take);

    private static async Task<List<AuditRow>> OffsetPageAsync(AppDbContext db, AuditCriteria c, int skip, int take, CancellationToken ct)
    {
        var entries = db.AuditEntries.AsNoTracking().Matching(c);
        var ids = entries.OrderByDescending(e => e.Id).Select(e => e.Id).Skip(Math.Max(0, skip)).Take(take);
        return await entries.Where(e => ids.Contains(e.Id)).OrderByDescending(e => e.Id).Select(Projection).ToListAsync(ct);
    }

    private static async Task<List<AuditRow>> ToListAsync(IAsyncEnumerable<AuditRow> rows, CancellationToken ct)
    {
        var list = new List<AuditRow>(MaxPageSize);
        await foreach (var row in rows.WithCancellation(ct)) list.Add(row);
        return list;
    }

    private static List<AuditRow> Reversed(List<AuditRow> rows)
    {
        rows.Reverse();
        return rows;
    }
}
