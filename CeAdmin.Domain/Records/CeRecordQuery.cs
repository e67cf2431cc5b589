using System.Linq.Expressions;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Exports;
using CeAdmin.Domain.Organizations;
using CeAdmin.Domain.ReferenceData;
using CeAdmin.Domain.Statistics;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Records;

/// <summary>
/// The filters of 1.7.1 继续教育记录查询: 行业主管, 专业系列, 专业课名称 (contains), 姓名 (the name or its beginning),
/// 公民身份号码 (exact), 年度 and 行政区划 (the region and everything below it).
/// </summary>
public sealed record CeRecordFilter(
    int? AuthorityId = null,
    int? SeriesId = null,
    string? CourseName = null,
    string? PersonName = null,
    string? IdNumber = null,
    int? Year = null,
    string? RegionCode = null);

/// <summary>
/// A grid (and export) row of 1.7.1; the ID number is masked. SeriesId and RegionCode are what the 专业系列 and
/// 所属地区 columns sort by.
/// </summary>
public sealed record CeRecordRow(
    long Id, string PersonName, string MaskedIdNumber, string CourseName, string SeriesName, int Year,
    string RegionName, string AuthorityName, string InstitutionName, decimal Hours, string Result, int SeriesId = 0, string RegionCode = "")
{
    /// <summary>
    /// 导出Excel's columns: the grid's, in its order and with its Chinese headers, then three the grid
    /// leaves to the detail page (施教机构名称, 拟申报学时, 考核结果), which a supervisor's spreadsheet needs.
    /// </summary>
    public static IReadOnlyList<ExportColumn<CeRecordRow>> ExportColumns { get; } = Exports.ExportColumns.For<CeRecordRow>()
        .Text("姓名", r => r.PersonName, 10)
        .Text("公民身份号码", r => r.MaskedIdNumber, 21)
        .Text("专业课名称", r => r.CourseName, 30)
        .Text("专业系列", r => r.SeriesName, 16)
        .Number("年度", r => (int?)r.Year, 8)
        .Text("所属地区", r => r.RegionName, 16)
        .Text("行业部门(行业组织)", r => r.AuthorityName, 26)
        .Text("施教机构名称", r => r.InstitutionName, 30)
        .Number("拟申报学时", r => (decimal?)r.Hours, 11)
        .Text("考核结果", r => r.Result, 10)
        .Build();
}

/// <summary>
/// Everything a records query selects by, as plain values: the caller's scope and the grid's filter together,
/// already intersected (one series, one region prefix: a filter never widens the scope). Null means "no
/// condition"; <see cref="MatchesNothing"/> when the filter lies outside the scope. Built by <see cref="Of"/>,
/// which normalises the input once (trimmed text, upper-case ID check character, region codes to prefixes).
/// </summary>
/// <param name="RegionEnd">The first code after every code with <paramref name="RegionPrefix"/> (4401 → 4402): the prefix as a range.</param>
public sealed record RecordCriteria(
    int? SeriesId, string? RegionPrefix, string? RegionEnd, int? AuthorityId, string? CourseName,
    string? PersonName, string? PersonNameEnd, string? IdNumber, int? Year)
{
    /// <summary>The filter asks for a series or region outside the scope: nothing matches (no query is needed).</summary>
    public bool MatchesNothing { get; init; }

    /// <summary>The criteria hold only what the statistics summary counts by (series, region, year): the count can come from there.</summary>
    public bool CountableFromSummary => AuthorityId is null && CourseName is null && PersonName is null && IdNumber is null;

    public static RecordCriteria Of(Scope scope, CeRecordFilter? filter = null)
    {
        filter ??= new CeRecordFilter();
        var seriesClash = scope.SeriesId is { } own && filter.SeriesId is { } asked && own != asked;
        var (prefix, regionClash) = Narrower(scope.RegionCondition, PrefixOf(filter.RegionCode));
        return new RecordCriteria(
            scope.SeriesId ?? filter.SeriesId,
            prefix,
            prefix is null ? null : EndOf(prefix),
            filter.AuthorityId,
            Text(filter.CourseName),
            Text(filter.PersonName),
            Text(filter.PersonName) is { } name ? PrefixEnd(name) : null,
            Text(filter.IdNumber) is { } id ? Common.IdNumber.Normalize(id) : null,
            filter.Year) { MatchesNothing = seriesClash || regionClash };
    }

    /// <summary>The code prefix of a region and everything below it; null for the province (or none).</summary>
    public static string? PrefixOf(string? regionCode)
    {
        if (string.IsNullOrEmpty(regionCode)) return null;
        var region = ReferenceCatalog.FindRegion(regionCode) ?? throw new DomainException("行政区划不存在");
        return region.Level == RegionLevel.Province ? null : Region.PrefixOf(region.Code, region.Level);
    }

    /// <summary>Of two region prefixes, the one inside the other; a clash when neither is.</summary>
    private static (string? Prefix, bool Clash) Narrower(string? a, string? b) =>
        a is null ? (b, false)
        : b is null ? (a, false)
        : b.StartsWith(a, StringComparison.Ordinal) ? (b, false)
        : a.StartsWith(b, StringComparison.Ordinal) ? (a, false)
        : (a, true);

    /// <summary>The next prefix of the same length (4401 → 4402, 4419 → 4420): digits only, so any collation orders it.</summary>
    public static string EndOf(string prefix) =>
        (long.Parse(prefix, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(new string('0', prefix.Length), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The least text above every text that starts with <paramref name="prefix"/> in code point order (which is
    /// SQLite's BINARY and PostgreSQL's C order of UTF-8): the prefix with its last character raised by one. So
    /// "starts with" is a range on the 姓名 index on both databases, with no LIKE pattern to build.
    /// </summary>
    public static string PrefixEnd(string prefix)
    {
        var runes = prefix.EnumerateRunes().ToList();
        var next = runes[^1].Value + 1;
        if (next == 0xD800) next = 0xE000;   // past the surrogates, which are no characters
        runes[^1] = next > 0x10FFFF ? runes[^1] : new System.Text.Rune(next);
        return string.Concat(runes.Select(r => r.ToString()));
    }

    private static string? Text(string? value) => value?.Trim() is { Length: > 0 } t ? t : null;
}

/// <summary>
/// The one query behind the 1.7.1 grid, its count and its export. The grid lists newest first, or by one of
/// <see cref="SortKeys"/> with the id breaking ties, and every order pages by seeking (keyset): a page reads
/// only its own rows from an index in that order, however deep the page (docs/decisions/0006, 0019).
/// </summary>
/// <remarks>
/// One predicate (<see cref="Matches"/>) states every condition, once. Each order has its index, led by the
/// series (an authority's scope fixes it), then the sort column, then the id; the conditions the index does not
/// lead with are written so that no index can seek them (a region prefix by substring, a year or authority plus
/// zero): SQLite then walks the order's index and tests them in the index entry, instead of gathering the whole
/// scope through another index and sorting it, and a page costs what the first one does. The keyset queries are
/// compiled once per process (EF.CompileAsyncQuery); null criteria drop out of the SQL (EF prunes them by value).
/// </remarks>
public static class CeRecordQuery
{
    public const int MaxPageSize = 200;

    /// <summary>
    /// The row projection. Only columns are read in SQL; masking and the reference-data names are
    /// applied as rows arrive (series and regions are shipped lists held in memory: no joins).
    /// </summary>
    // Declared before the sorts, which compile it into their queries.
    public static readonly Expression<Func<CeRecord, CeRecordRow>> Projection = r => new CeRecordRow(
        r.Id, r.PersonName, IdNumber.Mask(r.IdNumber), r.CourseName, ReferenceCatalog.SeriesName(r.SeriesId), r.Year,
        ReferenceCatalog.RegionName(r.RegionCode), r.AuthorityName, r.InstitutionName, r.Hours, r.Result, r.SeriesId, r.RegionCode);

    /// <summary>How the query reaches rows: which conditions may use an index, for the order it walks.</summary>
    private sealed record Walk(bool SeeksYear, bool SeeksRegion, bool SeeksAuthority);

    private static readonly Walk Counting = new(SeeksYear: true, SeeksRegion: true, SeeksAuthority: true);

    /// <summary>
    /// Every condition of a records query. <paramref name="walk"/> only chooses how a condition is written for
    /// the index the query walks; what matches is the same.
    /// </summary>
    private static Expression<Func<CeRecord, RecordCriteria, bool>> Matches(Walk walk) => All(
        (r, c) => c.SeriesId == null || r.SeriesId == c.SeriesId,
        walk.SeeksRegion
            ? (r, c) => c.RegionPrefix == null || (string.Compare(r.RegionCode, c.RegionPrefix) >= 0 && string.Compare(r.RegionCode, c.RegionEnd) < 0)
            : (r, c) => c.RegionPrefix == null || r.RegionCode.Substring(0, c.RegionPrefix.Length) == c.RegionPrefix,
        walk.SeeksAuthority
            ? (r, c) => c.AuthorityId == null || r.AuthorityId == c.AuthorityId
            : (r, c) => c.AuthorityId == null || r.AuthorityId + 0 == c.AuthorityId,
        (r, c) => c.CourseName == null || r.CourseName.Contains(c.CourseName),
        (r, c) => c.PersonName == null || (string.Compare(r.PersonName, c.PersonName) >= 0 && string.Compare(r.PersonName, c.PersonNameEnd) < 0),
        (r, c) => c.IdNumber == null || r.IdNumber == c.IdNumber,
        walk.SeeksYear
            ? (r, c) => c.Year == null || r.Year == c.Year
            : (r, c) => c.Year == null || r.Year + 0 == c.Year);

    /// <summary>
    /// The orders the grid offers, by the grid column's property name: each has its keyset queries and its index
    /// (CeRecordConfiguration). 行业部门(行业组织) is not among them: it follows from the region within a series, so
    /// its order would repeat 所属地区's at the cost of two more indexes on a table of millions.
    /// </summary>
    private static readonly Dictionary<string, Sort> Sorts = new()
    {
        [nameof(CeRecordRow.PersonName)] = new Sort<string, string?>(r => r.PersonName, row => row.PersonName, new(false, false, false)),
        [nameof(CeRecordRow.CourseName)] = new Sort<string, string?>(r => r.CourseName, row => row.CourseName, new(false, false, false)),
        [nameof(CeRecordRow.SeriesName)] = new Sort<int, int?>(r => r.SeriesId, row => row.SeriesId, new(true, false, false)),
        [nameof(CeRecordRow.Year)] = new Sort<int, int?>(r => r.Year, row => row.Year, new(true, false, false)),
        [nameof(CeRecordRow.RegionName)] = new Sort<string, string?>(r => r.RegionCode, row => row.RegionCode, new(false, true, false)),
    };

    /// <summary>Newest first: the id order, which the year and authority indexes also keep.</summary>
    private static readonly Sort Newest = new Sort<long, long?>(r => r.Id, null, new(true, false, true));

    /// <summary>
    /// 共 N 条: from the statistics summary when the criteria are only series, region and year (a scope, or a scope
    /// narrowed by those filters: a few hundred summary rows instead of up to a million records), else from the records.
    /// </summary>
    public static async Task<int> CountAsync(AppDbContext db, RecordCriteria c, CancellationToken ct)
    {
        if (c.MatchesNothing) return 0;
        if (!c.CountableFromSummary) return await db.CeRecords.AsNoTracking().Matching(c).CountAsync(ct);
        var cells = db.Set<StatCell>().AsNoTracking();
        if (c.SeriesId is { } series) cells = cells.Where(x => x.SeriesId == series);
        if (c.Year is { } year) cells = cells.Where(x => x.Year == year);
        if (c.RegionPrefix is { } from && c.RegionEnd is { } to)
            cells = cells.Where(x => string.Compare(x.RegionCode, from) >= 0 && string.Compare(x.RegionCode, to) < 0);
        return await cells.SumAsync(x => x.Records, ct);
    }

    /// <summary>The sort keys the grid offers; anything else lists newest first.</summary>
    public static IReadOnlyCollection<string> SortKeys => Sorts.Keys;

    /// <summary>Every order the grid offers pages by seeking.</summary>
    public static bool IsSeekable(string? sortBy) => true;

    private static Sort SortOf(string? sortBy) => sortBy is not null && Sorts.TryGetValue(sortBy, out var sort) ? sort : Newest;

    /// <summary>Where <paramref name="row"/> stands in the grid's order (its id and sort value), for the next seek.</summary>
    public static PageKey KeyOf(CeRecordRow row, string? sortBy) => new(row.Id, SortOf(sortBy).KeyOf(row));

    /// <summary>Records matching the criteria (scope and filter), with every condition free to use an index: for counts.</summary>
    public static IQueryable<CeRecord> Matching(this IQueryable<CeRecord> records, RecordCriteria criteria) =>
        criteria.MatchesNothing ? records.Where(r => false) : records.Where(CriteriaBinder.Bind(Matches(Counting), criteria));

    /// <summary>
    /// One page in grid order. Seeks read only the page's rows; an offset (a jump to a page the grid did not
    /// come to from a neighbour) first picks the page's ids in the index (a deferred join), then reads those rows.
    /// </summary>
    public static async Task<IReadOnlyList<CeRecordRow>> PageAsync(
        AppDbContext db, RecordCriteria c, PageSeek seek, int pageSize, string? sortBy, bool descending, CancellationToken ct)
    {
        if (c.MatchesNothing) return [];
        var take = Math.Clamp(pageSize, 1, MaxPageSize);
        var sort = SortOf(sortBy);
        // The grid's direction: newest first unless a column's ascending order was asked for.
        var ascending = sort != Newest && !descending;
        return seek switch
        {
            PageSeek.First => await ToListAsync(sort.Run(db, c, ascending, null, 0, take), ct),
            PageSeek.After after => await ToListAsync(sort.Run(db, c, ascending, after.Key ?? After(sort, after.Id), after.Id, take), ct),
            PageSeek.Before before => Reversed(await ToListAsync(sort.Run(db, c, !ascending, before.Key ?? After(sort, before.Id), before.Id, take), ct)),
            PageSeek.Last last => Reversed(await ToListAsync(sort.Run(db, c, !ascending, null, 0, Math.Clamp(last.Count, 1, take)), ct)),
            PageSeek.Offset offset => await OffsetPageAsync(db.CeRecords.AsNoTracking().Where(CriteriaBinder.Bind(Matches(sort.Walk), c)), offset.Skip, take, sort, ascending, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(seek), seek, null),
        };
    }

    // The newest-first order's key is the id itself.
    private static object? After(Sort sort, long id) => sort == Newest ? id : throw new ArgumentException("A seek in a sorted grid needs the sort value of its row.");

    /// <summary>The whole filtered result in grid order, streamed row by row (for the export).</summary>
    public static IAsyncEnumerable<CeRecordRow> Stream(AppDbContext db, RecordCriteria c, string? sortBy = null, bool descending = false)
    {
        if (c.MatchesNothing) return AsyncEnumerable.Empty<CeRecordRow>();
        var sort = SortOf(sortBy);
        var records = db.CeRecords.AsNoTracking().Where(CriteriaBinder.Bind(Matches(sort.Walk), c));
        return sort.Order(records, sort != Newest && !descending).Select(Projection).AsAsyncEnumerable();
    }

    private static async Task<List<CeRecordRow>> ToListAsync(IAsyncEnumerable<CeRecordRow> rows, CancellationToken ct)
    {
        var list = new List<CeRecordRow>(MaxPageSize);
        await foreach (var row in rows.WithCancellation(ct)) list.Add(row);
        return list;
    }

    private static async Task<List<CeRecordRow>> OffsetPageAsync(
        IQueryable<CeRecord> records, int skip, int take, Sort sort, bool ascending, CancellationToken ct)
    {
        var ids = sort.Order(records, ascending).Select(r => r.Id).Skip(Math.Max(0, skip)).Take(take);
        return await sort.Order(records.Where(r => ids.Contains(r.Id)), ascending).Select(Projection).ToListAsync(ct);
    }

    private static List<CeRecordRow> Reversed(List<CeRecordRow> rows)
    {
        rows.Reverse();
        return rows;
    }

    private static Expression<Func<CeRecord, RecordCriteria, bool>> All(params Expression<Func<CeRecord, RecordCriteria, bool>>[] parts) =>
        parts.Aggregate((a, b) => CriteriaBinder.And(a, b));

    /// <summary>One order of the grid: its key, its keyset queries in both directions (compiled once) and how it walks.</summary>
    private abstract class Sort(Walk walk)
    {
        public Walk Walk { get; } = walk;

        public abstract object? KeyOf(CeRecordRow row);

        public abstract IAsyncEnumerable<CeRecordRow> Run(AppDbContext db, RecordCriteria c, bool ascending, object? bound, long boundId, int take);

        public abstract IOrderedQueryable<CeRecord> Order(IQueryable<CeRecord> records, bool ascending);
    }

    /// <summary>An order by <typeparamref name="TKey"/>; a seek's bound is a <typeparamref name="TBound"/> (null: from the start).</summary>
    private sealed class Sort<TKey, TBound> : Sort
    {
        private readonly Expression<Func<CeRecord, TKey>> _key;
        private readonly Func<CeRecordRow, TBound>? _keyOf;
        private readonly Func<AppDbContext, int?, string?, string?, int?, string?, string?, string?, string?, int?, TBound, long, int, IAsyncEnumerable<CeRecordRow>> _ascending;
        private readonly Func<AppDbContext, int?, string?, string?, int?, string?, string?, string?, string?, int?, TBound, long, int, IAsyncEnumerable<CeRecordRow>> _descending;

        public Sort(Expression<Func<CeRecord, TKey>> key, Func<CeRecordRow, TBound>? keyOf, Walk walk) : base(walk)
        {
            _key = key;
            _keyOf = keyOf;
            var matches = Matches(walk);
            _ascending = EF.CompileAsyncQuery(CriteriaBinder.SeekQuery<TKey, TBound>(matches, Projection, key, ascending: true));
            _descending = EF.CompileAsyncQuery(CriteriaBinder.SeekQuery<TKey, TBound>(matches, Projection, key, ascending: false));
        }

        public override object? KeyOf(CeRecordRow row) => _keyOf is null ? null : _keyOf(row);

        public override IAsyncEnumerable<CeRecordRow> Run(AppDbContext db, RecordCriteria c, bool ascending, object? bound, long boundId, int take) =>
            (ascending ? _ascending : _descending)(db, c.SeriesId, c.RegionPrefix, c.RegionEnd, c.AuthorityId, c.CourseName, c.PersonName, c.PersonNameEnd, c.IdNumber, c.Year,
                (TBound)bound!, boundId, take);

        public override IOrderedQueryable<CeRecord> Order(IQueryable<CeRecord> records, bool ascending) =>
            typeof(TKey) == typeof(long) ? records.OrderBy(_key, !ascending)
            : ascending ? records.OrderBy(_key).ThenBy(r => r.Id)
            : records.OrderByDescending(_key).ThenByDescending(r => r.Id);
    }
}
