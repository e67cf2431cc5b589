using System.Linq.Expressions;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Exports;
using CeAdmin.Domain.Organizations;
using CeAdmin.Domain.ReferenceData;
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

/// <summary>A grid (and export) row of 1.7.1; the ID number is masked.</summary>
public sealed record CeRecordRow(
    long Id, string PersonName, string MaskedIdNumber, string CourseName, string SeriesName, int Year,
    string RegionName, string AuthorityName, string InstitutionName, decimal Hours, string Result)
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
/// Everything a records query selects by, as plain values: the caller's scope (its series, its region
/// prefix: the parameters by which the compiled queries apply <see cref="ScopeQueries.VisibleTo{T}"/>'s
/// rule) and the grid's filter together. Null means "no condition". Built by <see cref="Of"/>, which
/// normalises the input once (trimmed text, upper-case ID check character, region codes to prefixes).
/// </summary>
public sealed record RecordCriteria(
    int? ScopeSeriesId, string? ScopePrefix, int? AuthorityId, int? SeriesId, string? CourseName,
    string? PersonName, string? PersonNameEnd, string? IdNumber, int? Year, string? RegionPrefix)
{
    public static RecordCriteria Of(Scope scope, CeRecordFilter? filter = null)
    {
        filter ??= new CeRecordFilter();
        return new RecordCriteria(
            scope.SeriesId,
            scope.RegionCondition,
            filter.AuthorityId,
            filter.SeriesId,
            Text(filter.CourseName),
            Text(filter.PersonName),
            Text(filter.PersonName) is { } name ? PrefixEnd(name) : null,
            Text(filter.IdNumber) is { } id ? Common.IdNumber.Normalize(id) : null,
            filter.Year,
            PrefixOf(filter.RegionCode));
    }

    /// <summary>The code prefix of a region and everything below it; null for the province (or none).</summary>
    public static string? PrefixOf(string? regionCode)
    {
        if (string.IsNullOrEmpty(regionCode)) return null;
        var region = ReferenceCatalog.FindRegion(regionCode) ?? throw new DomainException("行政区划不存在");
        return region.Level == RegionLevel.Province ? null : Region.PrefixOf(region.Code, region.Level);
    }

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
/// The one query behind the 1.7.1 grid, its count and its export. The grid lists newest first and
/// pages by seeking on the id (see <see cref="PageSeek"/>), so a deep page costs what the first one does.
/// </summary>
/// <remarks>
/// One predicate (<see cref="Matches"/>) serves every path: bound to a criteria value for the count,
/// the export and the offset pages, and compiled once (EF.CompileAsyncQuery) for the seek pages that
/// every page turn runs. A null criterion's test drops out of the SQL (EF prunes it by parameter value),
/// so each query reaches the index its conditions fit. Region prefixes compare a substring rather than
/// use StartsWith: the same plan, but EF builds a LIKE pattern per execution for StartsWith, which
/// measured more than the query itself (docs/benchmarks.md), and equality needs no collation rules.
/// </remarks>
public static class CeRecordQuery
{
    public const int MaxPageSize = 200;

    /// <summary>The sort keys the grid offers; anything else lists newest first.</summary>
    public static readonly IReadOnlyList<string> SortKeys =
        [nameof(CeRecordRow.PersonName), nameof(CeRecordRow.CourseName), nameof(CeRecordRow.SeriesName), nameof(CeRecordRow.Year),
         nameof(CeRecordRow.RegionName), nameof(CeRecordRow.AuthorityName)];

    /// <summary>True when the order is the id order, so pages can be reached by seeking.</summary>
    public static bool IsSeekable(string? sortBy) => sortBy is null || !SortKeys.Contains(sortBy);

    private static readonly Expression<Func<CeRecord, RecordCriteria, bool>> Matches = (r, c) =>
        (c.ScopeSeriesId == null || r.SeriesId == c.ScopeSeriesId)
        && (c.ScopePrefix == null || r.RegionCode.Substring(0, c.ScopePrefix.Length) == c.ScopePrefix)
        && (c.AuthorityId == null || r.AuthorityId == c.AuthorityId)
        && (c.SeriesId == null || r.SeriesId == c.SeriesId)
        && (c.CourseName == null || r.CourseName.Contains(c.CourseName))
        && (c.PersonName == null || (string.Compare(r.PersonName, c.PersonName) >= 0 && string.Compare(r.PersonName, c.PersonNameEnd) < 0))
        && (c.IdNumber == null || r.IdNumber == c.IdNumber)
        && (c.Year == null || r.Year == c.Year)
        && (c.RegionPrefix == null || r.RegionCode.Substring(0, c.RegionPrefix.Length) == c.RegionPrefix);

    /// <summary>Records matching the criteria (scope and filter).</summary>
    public static IQueryable<CeRecord> Matching(this IQueryable<CeRecord> records, RecordCriteria criteria) =>
        records.Where(CriteriaBinder.Bind(Matches, criteria));

    /// <summary>
    /// One page in grid order. Seeks read only the page's rows; an offset (a jump, or another sort)
    /// first picks the page's ids in the index (a deferred join) and then reads just those rows.
    /// </summary>
    public static async Task<IReadOnlyList<CeRecordRow>> PageAsync(
        AppDbContext db, RecordCriteria c, PageSeek seek, int pageSize, string? sortBy, bool descending, CancellationToken ct)
    {
        var take = Math.Clamp(pageSize, 1, MaxPageSize);
        return seek switch
        {
            PageSeek.First => await ToListAsync(Newest(db, c, long.MaxValue, take), ct),
            PageSeek.After after => await ToListAsync(Newest(db, c, after.Id, take), ct),
            PageSeek.Before before => Reversed(await ToListAsync(Oldest(db, c, before.Id, take), ct)),
            PageSeek.Last last => Reversed(await ToListAsync(Oldest(db, c, long.MinValue, Math.Clamp(last.Count, 1, take)), ct)),
            PageSeek.Offset offset => await OffsetPageAsync(db.CeRecords.AsNoTracking().Matching(c), offset.Skip, take, sortBy, descending, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(seek), seek, null),
        };
    }

    /// <summary>The whole filtered result in grid order, streamed row by row (for the export).</summary>
    public static IAsyncEnumerable<CeRecordRow> Stream(IQueryable<CeRecord> records, string? sortBy = null, bool descending = false) =>
        Sort(records, sortBy, descending).Select(Projection).AsAsyncEnumerable();

    /// <summary>
    /// The row projection. Only columns are read in SQL; masking and the reference-data names are
    /// applied as rows arrive (series and regions are shipped lists held in memory: no joins).
    /// </summary>
    public static readonly Expression<Func<CeRecord, CeRecordRow>> Projection = r => new CeRecordRow(
        r.Id, r.PersonName, IdNumber.Mask(r.IdNumber), r.CourseName, ReferenceCatalog.SeriesName(r.SeriesId), r.Year,
        ReferenceCatalog.RegionName(r.RegionCode), r.AuthorityName, r.InstitutionName, r.Hours, r.Result);

    // Compiled once: (criteria…, id bound, take) → rows below the bound newest first, or above it oldest first.
    private static readonly Func<AppDbContext, int?, string?, int?, int?, string?, string?, string?, string?, int?, string?, long, int, IAsyncEnumerable<CeRecordRow>> NewestQuery =
        EF.CompileAsyncQuery(CriteriaBinder.SeekQuery(Matches, Projection, newestFirst: true));
    private static readonly Func<AppDbContext, int?, string?, int?, int?, string?, string?, string?, string?, int?, string?, long, int, IAsyncEnumerable<CeRecordRow>> OldestQuery =
        EF.CompileAsyncQuery(CriteriaBinder.SeekQuery(Matches, Projection, newestFirst: false));

    private static IAsyncEnumerable<CeRecordRow> Newest(AppDbContext db, RecordCriteria c, long below, int take) =>
        NewestQuery(db, c.ScopeSeriesId, c.ScopePrefix, c.AuthorityId, c.SeriesId, c.CourseName, c.PersonName, c.PersonNameEnd, c.IdNumber, c.Year, c.RegionPrefix, below, take);

    private static IAsyncEnumerable<CeRecordRow> Oldest(AppDbContext db, RecordCriteria c, long above, int take) =>
        OldestQuery(db, c.ScopeSeriesId, c.ScopePrefix, c.AuthorityId, c.SeriesId, c.CourseName, c.PersonName, c.PersonNameEnd, c.IdNumber, c.Year, c.RegionPrefix, above, take);

    private static async Task<List<CeRecordRow>> ToListAsync(IAsyncEnumerable<CeRecordRow> rows, CancellationToken ct)
    {
        var list = new List<CeRecordRow>(MaxPageSize);
        await foreach (var row in rows.WithCancellation(ct)) list.Add(row);
        return list;
    }

    private static async Task<List<CeRecordRow>> OffsetPageAsync(
        IQueryable<CeRecord> records, int skip, int take, string? sortBy, bool descending, CancellationToken ct)
    {
        var ids = Sort(records, sortBy, descending).Select(r => r.Id).Skip(Math.Max(0, skip)).Take(take);
        return await Sort(records.Where(r => ids.Contains(r.Id)), sortBy, descending).Select(Projection).ToListAsync(ct);
    }

    /// <summary>The explicit sort switch; ties (and the default) go newest first.</summary>
    private static IOrderedQueryable<CeRecord> Sort(IQueryable<CeRecord> q, string? sortBy, bool descending) => sortBy switch
    {
        nameof(CeRecordRow.PersonName) => By(q, r => r.PersonName, descending),
        nameof(CeRecordRow.CourseName) => By(q, r => r.CourseName, descending),
        nameof(CeRecordRow.SeriesName) => By(q, r => r.SeriesId, descending),
        nameof(CeRecordRow.Year) => By(q, r => r.Year, descending),
        nameof(CeRecordRow.RegionName) => By(q, r => r.RegionCode, descending),
        nameof(CeRecordRow.AuthorityName) => By(q, r => r.AuthorityName, descending),
        _ => q.OrderByDescending(r => r.Id),
    };

    private static IOrderedQueryable<CeRecord> By<TKey>(IQueryable<CeRecord> q, Expression<Func<CeRecord, TKey>> key, bool descending) =>
        (descending ? q.OrderByDescending(key) : q.OrderBy(key)).ThenByDescending(r => r.Id);

    private static List<CeRecordRow> Reversed(List<CeRecordRow> rows)
    {
        rows.Reverse();
        return rows;
    }
}
