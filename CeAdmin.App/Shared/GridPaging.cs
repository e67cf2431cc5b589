using CeAdmin.Domain.Common;
using MudBlazor;

namespace CeAdmin.App.Shared;

/// <summary>
/// The bridge between a MudDataGrid's ServerData and a domain query: the grid's state as a
/// <see cref="PageRequest"/> (one sort column, by its property name), the page back as grid data, a
/// refusal as a message and an empty grid, and the 序号 of each row across pages.
/// </summary>
public sealed class GridPaging<T>
{
    private IReadOnlyList<T> _items = [];
    private int _offset;

    public async Task<GridData<T>> LoadAsync(GridState<T> state, Func<PageRequest, Task<Page<T>>> query, Action<string> showError)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var request = new PageRequest(state.Page, state.PageSize, sort?.SortBy, sort?.Descending ?? false);
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

        _items = page.Items;
        _offset = request.Skip;
        Total = page.Total;
        return new GridData<T> { Items = page.Items, TotalItems = page.Total };
    }

    /// <summary>Rows matching the filter at the last load (the export's progress reads it).</summary>
    public int? Total { get; private set; }

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
