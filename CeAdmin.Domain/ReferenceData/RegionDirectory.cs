namespace CeAdmin.Domain.ReferenceData;

/// <summary>Lookups over the shipped GB/T 2260 list (it never changes at run time, so it is held in memory).</summary>
public static class RegionDirectory
{
    private static readonly Dictionary<string, Region> ByCode = ReferenceDataSeed.Regions.ToDictionary(r => r.Code);
    private static readonly ILookup<string, Region> ByParent = ReferenceDataSeed.Regions.Where(r => r.ParentCode is not null).ToLookup(r => r.ParentCode!);

    public const string ProvinceCode = "440000";

    public static Region? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var r) ? r : null;

    public static string NameOf(string? code) => Find(code)?.Name ?? "";

    public static IReadOnlyList<Region> Children(string? parentCode) =>
        parentCode is null ? [] : ByParent[parentCode].OrderBy(r => r.Code).ToList();

    public static IReadOnlyList<Region> Cities => Children(ProvinceCode);

    /// <summary>"广东省 广州市 天河区".</summary>
    public static string FullName(string? code)
    {
        var parts = new List<string>();
        for (var r = Find(code); r is not null; r = Find(r.ParentCode)) parts.Insert(0, r.Name);
        return string.Join(" ", parts);
    }
}
