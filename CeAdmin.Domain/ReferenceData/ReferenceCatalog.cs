namespace CeAdmin.Domain.ReferenceData;

/// <summary>
/// The reference data the forms and grids show, read from the same embedded seed the migrations
/// write, so a select or a region name needs no database round trip.
/// </summary>
public static class ReferenceCatalog
{
    public const string ProvinceCode = "440000";

    private static readonly Dictionary<string, Region> RegionsByCode = ReferenceDataSeed.Regions.ToDictionary(r => r.Code);
    private static readonly Dictionary<int, string> SeriesNames = ReferenceDataSeed.Series.ToDictionary(s => s.Id, s => s.Name);

    /// <summary>专业序列, in the national order.</summary>
    public static IReadOnlyList<ProfessionalSeries> Series => ReferenceDataSeed.Series;

    /// <summary>Guangdong's 21 prefecture-level cities.</summary>
    public static IReadOnlyList<Region> Cities { get; } = ReferenceDataSeed.Regions.Where(r => r.Level == RegionLevel.City).ToList();

    /// <summary>The county-level divisions of a city (none for 东莞市 and 中山市).</summary>
    public static IReadOnlyList<Region> CountiesOf(string? cityCode) =>
        cityCode is null ? [] : ReferenceDataSeed.Regions.Where(r => r.ParentCode == cityCode && r.Level == RegionLevel.County).ToList();

    public static Region? FindRegion(string? code) => code is not null && RegionsByCode.TryGetValue(code, out var region) ? region : null;

    /// <summary>"广东省", "广州市", "广州市天河区": the name a grid shows for a region code.</summary>
    public static string RegionName(string? code)
    {
        if (FindRegion(code) is not { } region) return code ?? "";
        return region.Level == RegionLevel.County && FindRegion(region.ParentCode) is { } city ? city.Name + region.Name : region.Name;
    }

    public static string SeriesName(int seriesId) => SeriesNames.GetValueOrDefault(seriesId, "");
}
