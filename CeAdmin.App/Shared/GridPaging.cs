using CeAdmin.Domain.Common;
using MudBlazor;

namespace CeAdmin.App.Shared;

/// <summary>
/// The bridge between a MudDataGrid's ServerData and a domain query: the grid's state as a
/// <see cref="PageRequest"/> (one sort column, by its property name), the page back as grid data,
/// and the 序号 of each row across pages.
/// </summary>
public sealed class GridPaging<T>
{
    private IReadOnlyList<T> _items = [];
    private int _offset;

    public static PageRequest RequestOf(GridState<T> state)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        return new PageRequest(state.Page, state.PageSize, sort?.SortBy, sort?.Descending ?? false);
    }

    /// <summary>Runs the grid's query; a refusal becomes a message and an empty grid instead of a failed circuit.</summary>
    public async Task<GridData<T>> LoadAsync(GridState<T> state, Func<PageRequest, Task<Page<T>>> query, Action<string> showError)
    {
        var request = RequestOf(state);
        Page<T> page;
        try
        {
            page = await query(request);
        }
        catch (DomainException ex)
        {
            showError(ex.Message);
            page = new Page<T>([], 0);
        }

        return Show(page, request);
    }

    /// <summary>Remembers the page for <see cref="NumberOf"/> and hands it to the grid.</summary>
    public GridData<T> Show(Page<T> page, PageRequest request)
    {
        _items = page.Items;
        _offset = request.Skip;
        return new GridData<T> { Items = page.Items, TotalItems = page.Total };
    }

    /// <summary>序号: 1-based over the whole result, not just the page.</summary>
    public int NumberOf(T item)
    {
        for (var i = 0; i < _items.Count; i++)
        {
            if (EqualityComparer<T>.Default.Equals(_items[i], item)) return _offset + i + 1;
        }

        return 0;
    }
}
