using System.Linq.Expressions;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Exports;
using CeAdmin.Domain.Organizations;
using CeAdmin.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Records;

/// <summary>
/// The filters of 1.7.1 继续教育记录查询: 行业主管, 专业系列, 专业课名称 (contains), 姓名 (exact),
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
/// The one query behind the 1.7.1 grid, its count and its export. The grid lists newest first and
/// pages by seeking on the id (see <see cref="PageSeek"/>), so a deep page costs what the first one does.
/// </summary>
public static class CeRecordQuery
{
    public const int MaxPageSize = 200;

    /// <summary>The sort keys the grid offers; anything else lists newest first.</summary>
    public static readonly IReadOnlyList<string> SortKeys =
        [nameof(CeRecordRow.PersonName), nameof(CeRecordRow.CourseName), nameof(CeRecordRow.SeriesName), nameof(CeRecordRow.Year),
         nameof(CeRecordRow.RegionName), nameof(CeRecordRow.AuthorityName)];

    /// <summary>True when the order is the id order, so pages can be reached by seeking.</summary>
    public static bool IsSeekable(string? sortBy) => sortBy is null || !SortKeys.Contains(sortBy);

    /// <summary>Records inside the scope: its region (by code prefix) and, for an authority, its series.</summary>
    public static IQueryable<CeRecord> VisibleTo(this IQueryable<CeRecord> records, Scope scope)
    {
        if (scope.SeriesId is { } series) records = records.Where(r => r.SeriesId == series);
        if (scope.RegionLevel == RegionLevel.Province) return records;
        var prefix = scope.RegionPrefix;
        return records.Where(r => r.RegionCode.StartsWith(prefix));
    }

    public static IQueryable<CeRecord> Matching(this IQueryable<CeRecord> records, CeRecordFilter filter)
    {
        if (filter.AuthorityId is { } authority) records = records.Where(r => r.AuthorityId == authority);
        if (filter.SeriesId is { } series) records = records.Where(r => r.SeriesId == series);
        if (filter.CourseName?.Trim() is { Length: > 0 } course) records = records.Where(r => r.CourseName.Contains(course));
        if (filter.PersonName?.Trim() is { Length: > 0 } name) records = records.Where(r => r.PersonName == name);
        if (filter.IdNumber?.Trim() is { Length: > 0 } id)
        {
            var normalized = IdNumber.Normalize(id);
            records = records.Where(r => r.IdNumber == normalized);
        }
        if (filter.Year is { } year) records = records.Where(r => r.Year == year);
        if (filter.RegionCode is { Length: > 0 } region) records = records.InRegion(region);
        return records;
    }

    /// <summary>
    /// Records in a region and below it. Every record lies in Guangdong, so the province adds no
    /// condition (nor does a province-level scope): the planner then walks the primary key or the
    /// series index without testing each row.
    /// </summary>
    public static IQueryable<CeRecord> InRegion(this IQueryable<CeRecord> records, string regionCode)
    {
        var region = RegionDirectory.Find(regionCode) ?? throw new DomainException("行政区划不存在");
        if (region.Level == RegionLevel.Province) return records;
        var prefix = Region.PrefixOf(region.Code, region.Level);
        return records.Where(r => r.RegionCode.StartsWith(prefix));
    }

    /// <summary>
    /// One page in grid order. Seeks read only the page's rows; an offset (a jump, or another sort)
    /// first picks the page's ids in the index (a deferred join) and then reads just those rows.
    /// </summary>
    public static async Task<IReadOnlyList<CeRecordRow>> PageAsync(
        IQueryable<CeRecord> records, PageSeek seek, int pageSize, string? sortBy, bool descending, CancellationToken ct)
    {
        var take = Math.Clamp(pageSize, 1, MaxPageSize);
        var rows = seek switch
        {
            PageSeek.First => await records.OrderByDescending(r => r.Id).Take(take).Select(Projection).ToListAsync(ct),
            PageSeek.After after => await records.Where(r => r.Id < after.Id).OrderByDescending(r => r.Id).Take(take).Select(Projection).ToListAsync(ct),
            PageSeek.Before before => Reversed(await records.Where(r => r.Id > before.Id).OrderBy(r => r.Id).Take(take).Select(Projection).ToListAsync(ct)),
            PageSeek.Last last => Reversed(await records.OrderBy(r => r.Id).Take(Math.Clamp(last.Count, 1, take)).Select(Projection).ToListAsync(ct)),
            PageSeek.Offset offset => await OffsetPageAsync(records, offset.Skip, take, sortBy, descending, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(seek), seek, null),
        };
        return rows;
    }

    /// <summary>The whole filtered result in grid order, streamed row by row (for the export).</summary>
    public static IAsyncEnumerable<CeRecordRow> Stream(IQueryable<CeRecord> records, string? sortBy = null, bool descending = false) =>
        Sort(records, sortBy, descending).Select(Projection).AsAsyncEnumerable();

    /// <summary>
    /// The row projection. Only columns are read in SQL; masking and the reference-data names are
    /// applied as rows arrive (series and regions are shipped lists held in memory: no joins).
    /// </summary>
    public static readonly Expression<Func<CeRecord, CeRecordRow>> Projection = r => new CeRecordRow(
        r.Id, r.PersonName, IdNumber.Mask(r.IdNumber), r.CourseName, SeriesDirectory.NameOf(r.SeriesId), r.Year,
        RegionDirectory.ShortName(r.RegionCode), r.AuthorityName, r.InstitutionName, r.Hours, r.Result);

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
