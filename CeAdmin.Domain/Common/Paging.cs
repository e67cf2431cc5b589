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

/// <summary>Where a row stands in a grid's order: its id, and the value of the sort column when sorted by one.</summary>
public sealed record PageKey(long Id, object? Value = null);

/// <summary>
/// How to reach one page of a grid listed by a unique id, newest (highest id) first, or by a sort column with
/// the id breaking ties. A seek reads only the rows of its page, however deep the page; <see cref="Offset"/>
/// reads the skipped rows too.
/// </summary>
public abstract record PageSeek
{
    private PageSeek() { }

    /// <summary>The first page.</summary>
    public sealed record First : PageSeek;

    /// <summary>
    /// The page after one whose last row has id <paramref name="Id"/> (and, in a grid sorted by a column, that
    /// column's value <paramref name="Key"/>): "next".
    /// </summary>
    public sealed record After(long Id, object? Key = null) : PageSeek;

    /// <summary>The page before one whose first row has id <paramref name="Id"/> (and sort value <paramref name="Key"/>): "previous".</summary>
    public sealed record Before(long Id, object? Key = null) : PageSeek;

    /// <summary>The last page, which holds <paramref name="Count"/> rows: read from the other end.</summary>
    public sealed record Last(int Count) : PageSeek;

    /// <summary>Any other page, or any page of a grid sorted by another column.</summary>
    public sealed record Offset(int Skip) : PageSeek;
}
