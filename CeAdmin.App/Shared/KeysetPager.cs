using CeAdmin.Domain.Common;

namespace CeAdmin.App.Shared;

/// <summary>
/// The paging state of one grid: remembers the id range of every page it has shown for the current
/// query (filter, sort, page size), so that next / previous / last become seeks, and whether the
/// total is known, so that it is counted once per query rather than on every page turn.
/// </summary>
public sealed class KeysetPager
{
    private readonly Dictionary<int, (PageKey First, PageKey Last)> _pages = [];
    private object? _query;

    /// <summary>Rows matching the current query; null until counted.</summary>
    public int? Total { get; private set; }

    /// <summary>
    /// The seek for <paramref name="page"/> of <paramref name="query"/> (any value with equality: a record
    /// of filter, sort and page size). A different query forgets the pages and the total.
    /// <paramref name="seekable"/> is false when the grid's order cannot be reached by seeking (a sort the query has no keyset for).
    /// </summary>
    public PageSeek SeekFor(object query, int page, int pageSize, bool seekable = true)
    {
        if (!Equals(query, _query))
        {
            _query = query;
            _pages.Clear();
            Total = null;
        }
        // The sort decides before the page does: "first page" means the newest rows, which is page 1 only in id order.
        if (!seekable) return new PageSeek.Offset(page * pageSize);
        if (page <= 0) return new PageSeek.First();
        if (_pages.TryGetValue(page - 1, out var previous)) return new PageSeek.After(previous.Last.Id, previous.Last.Value);
        if (_pages.TryGetValue(page + 1, out var next)) return new PageSeek.Before(next.First.Id, next.First.Value);
        if (Total is { } total && page == LastPage(total, pageSize)) return new PageSeek.Last(total - page * pageSize);
        return new PageSeek.Offset(page * pageSize);
    }

    /// <summary>Records the ids a page showed (in grid order) and, when it was counted, the total.</summary>
    public void Remember(int page, IReadOnlyList<long> ids, int? total) =>
        Remember(page, ids.Select(id => new PageKey(id)).ToList(), total);

    /// <summary>Records the keys (id and sort value) a page showed, in grid order, and, when it was counted, the total.</summary>
    public void Remember(int page, IReadOnlyList<PageKey> keys, int? total)
    {
        if (total is not null) Total = total;
        if (keys.Count > 0) _pages[page] = (keys[0], keys[^1]);
    }

    public static int LastPage(int total, int pageSize) => Math.Max(0, (total - 1) / Math.Max(1, pageSize));
}
