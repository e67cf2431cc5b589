using CeAdmin.App.Shared;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Records;
using CeAdmin.Domain.ReferenceData;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace CeAdmin.Tests.Records;

/// <summary>1.7.1's scope: lists, records opened by id and exports show only the caller's region and series.</summary>
public sealed class RecordScopeTests() : IntegrationTest(demo: true)
{
    private int _series;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _series = ReferenceCatalog.Series.Single(s => s.Name == "高等学校教师").Id;
    }

    private async Task<CeRecordService> AsAsync(string login) => App.As<CeRecordService>(await App.DemoActorAsync(login));

    private async Task<long> RecordIdAsync(Func<CeRecord, bool> where)
    {
        await using var db = App.Db();
        return (await db.CeRecords.AsNoTracking().ToListAsync()).First(where).Id;
    }

    private static async Task<List<CeRecordRow>> AllPagesAsync(CeRecordService service, CeRecordFilter filter)
    {
        var first = await service.QueryAsync(filter, new RecordPageRequest(new PageSeek.First(), 200, IncludeTotal: true));
        var rows = first.Items.ToList();
        while (rows.Count < first.Total)
            rows.AddRange((await service.QueryAsync(filter, new RecordPageRequest(new PageSeek.After(rows[^1].Id), 200))).Items);
        Assert.Equal(first.Total, rows.Count);
        return rows;
    }

    [Fact]
    public async Task A_name_finds_every_record_whose_name_starts_with_it_on_every_page_path()
    {
        const string course = "姓名前缀查询测试";
        string[] names = ["欧阳明华", "欧阳", "欧文", "李欧阳", "欧"];
        await using (var db = App.Db())
        {
            var template = await db.CeRecords.AsNoTracking().FirstAsync(r => r.RegionCode == "440106" && r.SeriesId == _series);
            db.CeRecords.AddRange(names.Select((name, i) => new CeRecord
            {
                PersonName = name, Gender = template.Gender, IdNumber = template.IdNumber, RegionCode = "440106", SeriesId = _series,
                AuthorityName = template.AuthorityName, AuthorityId = template.AuthorityId, CourseName = $"{course}{i}", SubjectType = RecordValues.Public,
                StudyMode = "面授培训", StartDate = new DateOnly(2025, 7, 1), EndDate = new DateOnly(2025, 7, 1), Days = 1, Result = RecordValues.Passed,
                Hours = 8, InstitutionName = template.InstitutionName, Year = 2025, Location = "广州", Content = "测试", Source = RecordSource.Import,
                CreatedAt = DateTime.UtcNow,
            }));
            await db.SaveChangesAsync();
        }
        var service = await AsAsync("th_edu");

        async Task<string[]> Found(string name)
        {
            var filter = new CeRecordFilter(CourseName: course, PersonName: name);
            var seek = await service.QueryAsync(filter, new RecordPageRequest(new PageSeek.First(), 50, IncludeTotal: true));
            var sorted = await service.QueryAsync(filter, new RecordPageRequest(new PageSeek.Offset(0), 50, nameof(CeRecordRow.PersonName), IncludeTotal: true));
            Assert.Equal(seek.Items.Select(r => r.PersonName).Order(StringComparer.Ordinal), sorted.Items.Select(r => r.PersonName));
            Assert.Equal(seek.Total, seek.Items.Count);
            return sorted.Items.Select(r => r.PersonName).ToArray();
        }

        Assert.Equal(["欧", "欧文", "欧阳", "欧阳明华"], await Found("欧"));
        Assert.Equal(["欧阳", "欧阳明华"], await Found(" 欧阳 "));
        Assert.Equal(["欧阳明华"], await Found("欧阳明华"));
        Assert.Empty(await Found("欧阳明华华"));
        // The range's upper end: the last character raised by one, a character outside the BMP as one.
        Assert.Equal("欧" + (char)('阳' + 1), RecordCriteria.PrefixEnd("欧阳"));
        Assert.Equal("王\U00020001", RecordCriteria.PrefixEnd("王\U00020000"));
    }

    [Fact]
    public async Task Each_supervisor_lists_only_its_region_and_series()
    {
        var city = await AllPagesAsync(await AsAsync("gz_edu"), new CeRecordFilter());
        Assert.NotEmpty(city);
        Assert.All(city, r => Assert.StartsWith("广州市", r.RegionName));
        Assert.All(city, r => Assert.Equal("高等学校教师", r.SeriesName));
        Assert.All(city, r => Assert.Matches(@"^\d{4}\*{10}\d{3}[\dX]$", r.MaskedIdNumber));

        var county = await AllPagesAsync(await AsAsync("th_edu"), new CeRecordFilter());
        Assert.NotEmpty(county);
        Assert.All(county, r => Assert.Equal("广州市天河区", r.RegionName));

        var province = await AllPagesAsync(await AsAsync("gd_edu"), new CeRecordFilter());
        Assert.Contains(province, r => !r.RegionName.StartsWith("广州市", StringComparison.Ordinal));
        Assert.All(province, r => Assert.Equal("高等学校教师", r.SeriesName));

        var hrss = await (await AsAsync("hrss_reviewer")).QueryAsync(new CeRecordFilter(), new RecordPageRequest(new PageSeek.First(), IncludeTotal: true));
        await using var db = App.Db();
        Assert.Equal(await db.CeRecords.CountAsync(), hrss.Total);
        Assert.True(province.Count < hrss.Total && city.Count < province.Count && county.Count < city.Count);

        // A filter never widens the scope: the county asks for all of Guangzhou and still sees only itself.
        var widened = await AllPagesAsync(await AsAsync("th_edu"), new CeRecordFilter(RegionCode: "440100"));
        Assert.Equal(county.Count, widened.Count);
        var outside = await (await AsAsync("gz_edu")).QueryAsync(new CeRecordFilter(RegionCode: "440300"), new RecordPageRequest(new PageSeek.First(), IncludeTotal: true));
        Assert.Equal(0, outside.Total);
    }

    [Fact]
    public async Task A_record_of_another_region_or_series_opened_by_id_is_refused()
    {
        var shenzhen = await RecordIdAsync(r => r.RegionCode.StartsWith("4403") && r.SeriesId == _series);
        var yuexiu = await RecordIdAsync(r => r.RegionCode == "440104" && r.SeriesId == _series);
        var tianhe = await RecordIdAsync(r => r.RegionCode == "440106" && r.SeriesId == _series);
        var health = await RecordIdAsync(r => r.SeriesId != _series);

        await Assert.ThrowsAsync<ScopeException>(async () => await (await AsAsync("gz_edu")).GetAsync(shenzhen));
        await Assert.ThrowsAsync<ScopeException>(async () => await (await AsAsync("th_edu")).GetAsync(yuexiu));
        await Assert.ThrowsAsync<ScopeException>(async () => await (await AsAsync("gd_edu")).GetAsync(health));
        await Assert.ThrowsAsync<ScopeException>(async () => await (await AsAsync("gz_train")).GetAsync(tianhe));
        await Assert.ThrowsAnyAsync<DomainException>(async () => await App.As<CeRecordService>(null).GetAsync(tianhe));

        // Inside the scope the record opens, with the full ID number (the viewer opened the record itself).
        var detail = await (await AsAsync("gz_edu")).GetAsync(tianhe);
        Assert.True(IdNumber.IsValid(detail.IdNumber));
        Assert.Equal("广东省 广州市 天河区", detail.RegionName);
        Assert.Equal(detail.IdNumber, (await (await AsAsync("hrss_reviewer")).GetAsync(tianhe)).IdNumber);
    }

    [Fact]
    public async Task Export_holds_the_whole_filtered_result_of_the_scope_only()
    {
        var service = await AsAsync("gz_edu");
        var filter = new CeRecordFilter(Year: 2025);
        var total = (await service.QueryAsync(filter, new RecordPageRequest(new PageSeek.First(), IncludeTotal: true))).Total;
        Assert.True(total > 20, "more than one page");

        var file = new MemoryStream();
        var progress = new List<int>();
        await service.ExportAsync(filter, file, new SyncProgress(progress.Add));
        var rows = MiniExcel.Query(new MemoryStream(file.ToArray()), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();

        Assert.Equal(total, rows.Count);
        Assert.Equal(total, progress[^1]);
        Assert.Equal(CeRecordRow.ExportColumns.Select(c => c.Header), rows[0].Keys);
        Assert.All(rows, r => Assert.StartsWith("广州市", (string?)r["所属地区"]));
        Assert.All(rows, r => Assert.Equal(2025d, r["年度"]));
        Assert.All(rows, r => Assert.Matches(@"^\d{4}\*{10}\d{3}[\dX]$", (string?)r["公民身份号码"]));

        var county = new MemoryStream();
        await (await AsAsync("th_edu")).ExportAsync(new CeRecordFilter(), county, null);
        var countyRows = MiniExcel.Query(new MemoryStream(county.ToArray()), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.NotEmpty(countyRows);
        Assert.All(countyRows, r => Assert.Equal("广州市天河区", r["所属地区"]));
    }

    [Fact]
    public async Task Seeking_pages_gives_the_same_rows_as_counting_them_off_and_counts_once()
    {
        var service = await AsAsync("gd_edu");
        var filter = new CeRecordFilter();
        var everything = await AllPagesAsync(service, filter);
        const int size = 20;
        var pager = new KeysetPager();
        var query = (filter, size);

        async Task<IReadOnlyList<CeRecordRow>> LoadAsync(int page)
        {
            var seek = pager.SeekFor(query, page, size);
            var result = await service.QueryAsync(filter, new RecordPageRequest(seek, size, IncludeTotal: pager.Total is null));
            pager.Remember(page, result.Items.Select(r => r.Id).ToList(), result.Total);
            return result.Items;
        }

        Assert.IsType<PageSeek.First>(pager.SeekFor(query, 0, size));
        Assert.Equal(everything.Take(size).Select(r => r.Id), (await LoadAsync(0)).Select(r => r.Id));
        Assert.Equal(everything.Count, pager.Total);
        Assert.IsType<PageSeek.After>(pager.SeekFor(query, 1, size));
        Assert.Equal(everything.Skip(size).Take(size).Select(r => r.Id), (await LoadAsync(1)).Select(r => r.Id));

        var last = KeysetPager.LastPage(everything.Count, size);
        Assert.IsType<PageSeek.Last>(pager.SeekFor(query, last, size));
        Assert.Equal(everything.Skip(last * size).Select(r => r.Id), (await LoadAsync(last)).Select(r => r.Id));
        Assert.IsType<PageSeek.Before>(pager.SeekFor(query, last - 1, size));
        Assert.Equal(everything.Skip((last - 1) * size).Take(size).Select(r => r.Id), (await LoadAsync(last - 1)).Select(r => r.Id));
        Assert.IsType<PageSeek.Offset>(pager.SeekFor(query, 5, size));
        Assert.Equal(everything.Skip(5 * size).Take(size).Select(r => r.Id), (await LoadAsync(5)).Select(r => r.Id));

        // Another sort pages by offset, newest first among equals.
        var byName = await service.QueryAsync(filter, new RecordPageRequest(new PageSeek.Offset(size), size, nameof(CeRecordRow.PersonName)));
        var expected = everything.OrderBy(r => r.PersonName, StringComparer.Ordinal).ThenByDescending(r => r.Id).Skip(size).Take(size).Select(r => r.PersonName);
        Assert.Equal(expected, byName.Items.Select(r => r.PersonName));

        // A new filter forgets the pages and the total.
        Assert.IsType<PageSeek.Offset>(pager.SeekFor((new CeRecordFilter(Year: 2025), size), 1, size));
        Assert.Null(pager.Total);
    }
}

/// <summary>Records progress on the reporting thread (Progress&lt;T&gt; would post it later).</summary>
internal sealed class SyncProgress(Action<int> report) : IProgress<int>
{
    public void Report(int value) => report(value);
}
