namespace CeAdmin.Domain.ReferenceData;

/// <summary>Lookups over the shipped GB/T 2260 list (it never changes at run time, so it is held in memory).</summary>
public static class RegionDirectory
{
    private static readonly Dictionary<string, Region> ByCode = ReferenceDataSeed.Regions.ToDictionary(r => r.Code);
    private static readonly ILookup<string, Region> ByParent = ReferenceDataSeed.Regions.Where(r => r.ParentCode is not null).ToLookup(r => r.ParentCode!);
    private static readonly Dictionary<string, string> ShortNames = ReferenceDataSeed.Regions.ToDictionary(r => r.Code, r => BuildShortName(r));

    public const string ProvinceCode = "440000";

    public static Region? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var r) ? r : null;

    public static string NameOf(string? code) => Find(code)?.Name ?? "";

    public static IReadOnlyList<Region> Children(string? parentCode) =>
        parentCode is null ? [] : ByParent[parentCode].OrderBy(r => r.Code).ToList();

    public static IReadOnlyList<Region> Cities => Children(ProvinceCode);

    /// <summary>"广州市天河区", "广州市" or "广东省": how grids and exports show a 所属地区 (cached, they show many rows).</summary>
    public static string ShortName(string? code) => code is not null && ShortNames.TryGetValue(code, out var name) ? name : code ?? "";

    /// <summary>
    /// The code of a region written by a person: a GB/T 2260 code, or a name with or without its
    /// parents ("天河区", "广州市天河区", "广东省 广州市 天河区"); null when unknown or ambiguous.
    /// </summary>
    public static string? Parse(string? text)
    {
        var t = string.Concat((text ?? "").Where(c => !char.IsWhiteSpace(c)));
        if (t.Length == 0) return null;
        if (ByCode.ContainsKey(t)) return t;
        if (t.StartsWith("广东省", StringComparison.Ordinal) && t.Length > 3) t = t[3..];
        var byFull = ShortNames.Where(kv => kv.Value == t).Select(kv => kv.Key).ToList();
        if (byFull.Count == 1) return byFull[0];
        var byName = ReferenceDataSeed.Regions.Where(r => r.Name == t).Select(r => r.Code).ToList();
        return byName.Count == 1 ? byName[0] : null;
    }

    /// <summary>"广东省 广州市 天河区".</summary>
    public static string FullName(string? code)
    {
        var parts = new List<string>();
        for (var r = Find(code); r is not null; r = Find(r.ParentCode)) parts.Insert(0, r.Name);
        return string.Join(" ", parts);
    }

    private static string BuildShortName(Region r) => r.Level == RegionLevel.County && Find(r.ParentCode) is { } city ? city.Name + r.Name : r.Name;
}
