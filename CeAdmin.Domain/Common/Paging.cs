using System.Linq.Expressions;

namespace CeAdmin.Domain.Common;

/// <summary>One page of a grid; Total is the number of rows matching the filter.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total);

public sealed record PageRequest(int Page = 0, int PageSize = 20, string? SortBy = null, bool Descending = false)
{
    public int Skip => Math.Max(0, Page) * Take;
    public int Take => Math.Clamp(PageSize, 1, 200);
}

public static class PagingExtensions
{
    public static IQueryable<T> PageBy<T>(this IQueryable<T> query, PageRequest request)
        => query.Skip(request.Skip).Take(request.Take);

    /// <summary>Ascending or descending by one key: the building block of every grid's explicit sort switch.</summary>
    public static IOrderedQueryable<T> OrderBy<T, TKey>(this IQueryable<T> query, Expression<Func<T, TKey>> key, bool descending)
        => descending ? query.OrderByDescending(key) : query.OrderBy(key);
}

/// <summary>
/// How to reach one page of a grid listed by a unique id, newest (highest id) first. A seek reads only
/// the rows of its page, however deep the page; <see cref="Offset"/> reads the skipped rows too.
/// </summary>
public abstract record PageSeek
{
    private PageSeek() { }

    /// <summary>The first page.</summary>
    public sealed record First : PageSeek;

    /// <summary>The page after one whose last (lowest) id is <paramref name="Id"/>: "next".</summary>
    public sealed record After(long Id) : PageSeek;

    /// <summary>The page before one whose first (highest) id is <paramref name="Id"/>: "previous".</summary>
    public sealed record Before(long Id) : PageSeek;

    /// <summary>The last page, which holds <paramref name="Count"/> rows: read from the other end.</summary>
    public sealed record Last(int Count) : PageSeek;

    /// <summary>Any other page, or any page of a grid sorted by another column.</summary>
    public sealed record Offset(int Skip) : PageSeek;
}

/// <summary>
/// The paging state of one grid: remembers the id range of every page it has shown for the current
/// query (filter, sort, page size), so that next / previous / last become seeks, and whether the
/// total is known, so that it is counted once per query rather than on every page turn.
/// </summary>
public sealed class KeysetPager
{
    private readonly Dictionary<int, (long First, long Last)> _pages = [];
    private object? _query;

    /// <summary>Rows matching the current query; null until counted.</summary>
    public int? Total { get; private set; }

    /// <summary>
    /// The seek for <paramref name="page"/> of <paramref name="query"/> (any value with equality: a record
    /// of filter, sort and page size). A different query forgets the pages and the total.
    /// <paramref name="seekable"/> is false when the grid is sorted by something other than the id.
    /// </summary>
    public PageSeek SeekFor(object query, int page, int pageSize, bool seekable = true)
    {
        if (!Equals(query, _query))
        {
            _query = query;
            _pages.Clear();
            Total = null;
        }
        if (page <= 0) return new PageSeek.First();
        if (!seekable) return new PageSeek.Offset(page * pageSize);
        if (_pages.TryGetValue(page - 1, out var previous)) return new PageSeek.After(previous.Last);
        if (_pages.TryGetValue(page + 1, out var next)) return new PageSeek.Before(next.First);
        if (Total is { } total && page == LastPage(total, pageSize)) return new PageSeek.Last(total - page * pageSize);
        return new PageSeek.Offset(page * pageSize);
    }

    /// <summary>Records the ids a page showed (in grid order) and, when it was counted, the total.</summary>
    public void Remember(int page, IReadOnlyList<long> ids, int? total)
    {
        if (total is not null) Total = total;
        if (ids.Count > 0) _pages[page] = (ids[0], ids[^1]);
    }

    public static int LastPage(int total, int pageSize) => Math.Max(0, (total - 1) / Math.Max(1, pageSize));
}
