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
