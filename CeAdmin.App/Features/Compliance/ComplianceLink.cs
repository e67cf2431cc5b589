using CeAdmin.Domain.Statistics;

namespace CeAdmin.App.Features.Compliance;

/// <summary>
/// From a 统计分析 number to the people behind it: the compliance query with the same region, series and year
/// (a row of a view narrows one of them) and 达标状态 = 达标.
/// </summary>
public static class ComplianceLink
{
    public static string Met(StatisticsQuery query, string? regionCode = null, int? seriesId = null, int? year = null)
    {
        var parts = new List<string> { "region=" + Uri.EscapeDataString(regionCode ?? query.RegionCode) };
        if ((seriesId ?? query.SeriesId) is { } s) parts.Add("series=" + s);
        if ((year ?? query.Year) is { } y) parts.Add("year=" + y);
        parts.Add("status=met");
        return "compliance?" + string.Join('&', parts);
    }
}
