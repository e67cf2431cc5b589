using CeAdmin.App.Shared;
using CeAdmin.Domain.Records;

namespace CeAdmin.App.Features.Records;

/// <summary>
/// The records grid's paging, apart from the page so that tests run the very code the grid runs: which seek a
/// page needs (<see cref="KeysetPager"/>, per filter, sort and page size), the service call, and what the pager
/// remembers of the page it got.
/// </summary>
public sealed class RecordGridPaging
{
    private readonly KeysetPager _pager = new();

    /// <summary>Rows matching the current filter; null until counted.</summary>
    public int? Total => _pager.Total;

    public async Task<RecordPage> LoadAsync(CeRecordService records, CeRecordFilter filter, int page, int pageSize, string? sortBy, bool descending, CancellationToken ct)
    {
        // Paging state belongs to one query: a new filter, sort or page size starts over (and counts again).
        var seek = _pager.SeekFor((filter, pageSize, sortBy, descending), page, pageSize, CeRecordQuery.IsSeekable(sortBy));
        var result = await records.QueryAsync(filter, new RecordPageRequest(seek, pageSize, sortBy, descending, _pager.Total is null), ct);
        _pager.Remember(page, result.Items.Select(r => CeRecordQuery.KeyOf(r, sortBy)).ToList(), result.Total);
        return result;
    }
}
