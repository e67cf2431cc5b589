namespace CeAdmin.Domain.ReferenceData;

public enum RegionLevel { Province, City, County }

/// <summary>A GB/T 2260 administrative division of Guangdong (行政区划).</summary>
public sealed class Region
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public string? ParentCode { get; init; }
    public RegionLevel Level { get; init; }

    /// <summary>Code prefix that every division inside this one starts with (44 → 4401 → 440106).</summary>
    public static string PrefixOf(string code, RegionLevel level) => level switch
    {
        RegionLevel.Province => code[..2],
        RegionLevel.City => code[..4],
        _ => code,
    };

    public static RegionLevel LevelOf(string code) =>
        code.EndsWith("0000", StringComparison.Ordinal) ? RegionLevel.Province
        : code.EndsWith("00", StringComparison.Ordinal) ? RegionLevel.City
        : RegionLevel.County;

    /// <summary>The city a code belongs to (itself for a city; 440100 for 440106).</summary>
    public static string CityOf(string code) => code[..4] + "00";
}
