using CeAdmin.App.Features.Records;
using CeAdmin.App.Shared;
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

    /// <summary>The scope in the order of <paramref name="sortBy"/>, the id breaking ties in the same direction: what every page must follow.</summary>
    private static List<long> InOrder(List<CeRecordRow> all, string sortBy, bool descending)
    {
        Func<CeRecordRow, IComparable> key = sortBy switch
        {
            nameof(CeRecordRow.PersonName) => r => r.PersonName,
            nameof(CeRecordRow.CourseName) => r => r.CourseName,
            nameof(CeRecordRow.SeriesName) => r => r.SeriesId,
            nameof(CeRecordRow.Year) => r => r.Year,
            nameof(CeRecordRow.RegionName) => r => r.RegionCode,
            _ => throw new ArgumentOutOfRangeException(nameof(sortBy)),
        };
        var comparer = Comparer<IComparable>.Create((a, b) => a is string x && b is string y ? string.CompareOrdinal(x, y) : a.CompareTo(b));
        var sorted = descending ? all.OrderByDescending(key, comparer).ThenByDescending(r => r.Id) : all.OrderBy(key, comparer).ThenBy(r => r.Id);
        return sorted.Select(r => r.Id).ToList();
    }

    [Fact]
    public async Task Every_offered_sort_pages_by_keyset_forward_backward_and_from_the_last_page_without_gaps_or_repeats()
    {
        const int size = 50;
        var (service, all) = await ScopeAsync("gd_edu");
        Assert.True(all.Count > 3 * size, "the scope spans several pages");
        var last = KeysetPager.LastPage(all.Count, size);
        foreach (var sortBy in CeRecordQuery.SortKeys)
        {
            foreach (var descending in new[] { false, true })
            {
                var expected = InOrder(all, sortBy, descending);

                // 下一页 from the first page to the last.
                var paging = new RecordGridPaging();
                var walked = new List<long>();
                for (var page = 0; page <= last; page++)
                    walked.AddRange((await paging.LoadAsync(service, new CeRecordFilter(), page, size, sortBy, descending, default)).Items.Select(r => r.Id));
                Assert.True(expected.SequenceEqual(walked), $"下一页 by {sortBy}{(descending ? " desc" : "")}");

                // 末页 straight from page 1, then 上一页 back to the first page.
                var back = new RecordGridPaging();
                await back.LoadAsync(service, new CeRecordFilter(), 0, size, sortBy, descending, default);
                var pages = new List<List<long>>();
                for (var page = last; page >= 0; page--)
                    pages.Insert(0, (await back.LoadAsync(service, new CeRecordFilter(), page, size, sortBy, descending, default)).Items.Select(r => r.Id).ToList());
                Assert.True(expected.SequenceEqual(pages.SelectMany(p => p)), $"末页 and 上一页 by {sortBy}{(descending ? " desc" : "")}");
            }
        }
    }
}
