using CeAdmin.App.Features.Records;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Records;
using CeAdmin.Tests.Infrastructure;

namespace CeAdmin.Tests.Records;

/// <summary>
/// A sorted records grid is sorted from its first page on: the grid's own paging code (<see cref="RecordGridPaging"/>)
/// against the whole scope sorted in memory. (Page 1 once came back newest first whatever the sort, because the pager
/// answered "first page" before it looked at the sort.)
/// </summary>
public sealed class RecordSortTests() : IntegrationTest(demo: true)
{
    private const int Size = 20;

    private async Task<(CeRecordService Service, List<CeRecordRow> All)> ScopeAsync(string login)
    {
        var service = App.As<CeRecordService>(await App.DemoActorAsync(login));
        var first = await service.QueryAsync(new CeRecordFilter(), new RecordPageRequest(new PageSeek.First(), 200, IncludeTotal: true));
        var rows = first.Items.ToList();
        while (rows.Count < first.Total)
            rows.AddRange((await service.QueryAsync(new CeRecordFilter(), new RecordPageRequest(new PageSeek.After(rows[^1].Id), 200))).Items);
        return (service, rows);
    }

    [Fact]
    public async Task The_first_page_of_a_sorted_grid_is_sorted()
    {
        var (service, all) = await ScopeAsync("gd_edu");
        var byName = all.Select(r => r.PersonName).Order(StringComparer.Ordinal).ToList();
        var paging = new RecordGridPaging();

        var first = await paging.LoadAsync(service, new CeRecordFilter(), 0, Size, nameof(CeRecordRow.PersonName), false, default);
        Assert.Equal(byName.Take(Size), first.Items.Select(r => r.PersonName));
        Assert.Equal(all.Count, paging.Total);
        var second = await paging.LoadAsync(service, new CeRecordFilter(), 1, Size, nameof(CeRecordRow.PersonName), false, default);
        Assert.Equal(byName.Skip(Size).Take(Size), second.Items.Select(r => r.PersonName));
        Assert.Empty(first.Items.Select(r => r.Id).Intersect(second.Items.Select(r => r.Id)));

        // Descending, by another column, from a fresh grid.
        var byYear = new RecordGridPaging();
        var newestYears = await byYear.LoadAsync(service, new CeRecordFilter(), 0, Size, nameof(CeRecordRow.Year), true, default);
        Assert.Equal(all.Select(r => r.Year).OrderDescending().Take(Size), newestYears.Items.Select(r => r.Year));
        var oldestFirst = new RecordGridPaging();
        var oldestYears = await oldestFirst.LoadAsync(service, new CeRecordFilter(), 0, Size, nameof(CeRecordRow.Year), false, default);
        Assert.Equal(all.Select(r => r.Year).Order().Take(Size), oldestYears.Items.Select(r => r.Year));
    }
}
