namespace CeAdmin.Domain.ReferenceData;

/// <summary>
/// The one façade over the shipped reference data that forms, grids and exports show: GB/T 2260 regions of
/// Guangdong, the professional series, the forms' fixed lists and the 年度 choices. Read from the same
/// embedded seed the migrations write; it never changes at run time, so it is held in memory and a select
/// or a region name needs no database round trip.
/// </summary>
public static class ReferenceCatalog
{
    public const string ProvinceCode = "440000";

    private static readonly Dictionary<string, Region> RegionsByCode = ReferenceDataSeed.Regions.ToDictionary(r => r.Code);
    private static readonly ILookup<string, Region> RegionsByParent = ReferenceDataSeed.Regions.Where(r => r.ParentCode is not null).ToLookup(r => r.ParentCode!);
    private static readonly Dictionary<string, string> RegionNames = ReferenceDataSeed.Regions.ToDictionary(r => r.Code, BuildRegionName);
    private static readonly Dictionary<int, ProfessionalSeries> SeriesById = ReferenceDataSeed.Series.ToDictionary(s => s.Id);

    // Regions.

    public static Region? FindRegion(string? code) => code is not null && RegionsByCode.TryGetValue(code, out var region) ? region : null;

    /// <summary>The divisions directly below a region, by code (a city's counties; none for 东莞市 and 中山市).</summary>
    public static IReadOnlyList<Region> ChildrenOf(string? parentCode) =>
        parentCode is null ? [] : RegionsByParent[parentCode].OrderBy(r => r.Code).ToList();

    /// <summary>Guangdong's 21 prefecture-level cities.</summary>
    public static IReadOnlyList<Region> Cities { get; } = ChildrenOf(ProvinceCode);

    /// <summary>"广州市天河区", "广州市" or "广东省": how grids and exports show a region (cached, they show many rows).</summary>
    public static string RegionName(string? code) => code is not null && RegionNames.TryGetValue(code, out var name) ? name : code ?? "";

    /// <summary>"广东省 广州市 天河区".</summary>
    public static string RegionFullName(string? code)
    {
        var parts = new List<string>();
        for (var r = FindRegion(code); r is not null; r = FindRegion(r.ParentCode)) parts.Insert(0, r.Name);
        return string.Join(" ", parts);
    }

    /// <summary>
    /// The code of a region written by a person: a GB/T 2260 code, or a name with or without its
    /// parents ("天河区", "广州市天河区", "广东省 广州市 天河区"); null when unknown or ambiguous.
    /// </summary>
    public static string? ParseRegion(string? text)
    {
        var t = string.Concat((text ?? "").Where(c => !char.IsWhiteSpace(c)));
        if (t.Length == 0) return null;
        if (RegionsByCode.ContainsKey(t)) return t;
        if (t.StartsWith("广东省", StringComparison.Ordinal) && t.Length > 3) t = t[3..];
        var byFull = RegionNames.Where(kv => kv.Value == t).Select(kv => kv.Key).ToList();
        if (byFull.Count == 1) return byFull[0];
        var byName = ReferenceDataSeed.Regions.Where(r => r.Name == t).Select(r => r.Code).ToList();
        return byName.Count == 1 ? byName[0] : null;
    }

    // Static fields initialise in order: RegionsByCode is there when RegionNames is built.
    private static string BuildRegionName(Region r) =>
        r.Level == RegionLevel.County && FindRegion(r.ParentCode) is { } city ? city.Name + r.Name : r.Name;

    // Professional series.

    /// <summary>专业序列, in the national order.</summary>
    public static IReadOnlyList<ProfessionalSeries> Series => ReferenceDataSeed.Series;

    public static string SeriesName(int? seriesId) => seriesId is { } id && SeriesById.TryGetValue(id, out var s) ? s.Name : "";

    // The forms' fixed lists, stored by their Chinese value.

    public static readonly IReadOnlyList<string> UnitNatures = ["机关", "事业单位", "企业", "社会团体", "宗教团体", "其他"];

    public static readonly IReadOnlyList<string> ProfessionalTitles =
    [
        "教授", "副教授", "讲师", "助教",
        "正高级工程师", "高级工程师", "工程师", "助理工程师",
        "主任医师", "副主任医师", "主治医师",
        "研究员", "副研究员", "助理研究员",
        "正高级经济师", "高级经济师", "经济师",
        "高级会计师", "会计师",
        "正高级教师", "高级教师", "一级教师", "二级教师",
    ];

    public static readonly IReadOnlyList<string> StudyModes = ["面授培训", "网络培训", "混合式培训"];

    public static readonly IReadOnlyList<string> ExamTypes = ["笔试", "机考", "面试", "论文", "实操考核"];

    public static readonly IReadOnlyList<string> Genders = ["男性", "女性"];

    /// <summary>年度 choices of the forms and filters: from the manual's 2018 to next year.</summary>
    public static IReadOnlyList<int> Years(TimeProvider clock) =>
        Enumerable.Range(2018, clock.GetUtcNow().Year - 2018 + 2).Reverse().ToList();
}
