namespace CeAdmin.Domain.ReferenceData;

/// <summary>The shipped 专业序列 list (seeded by the migrations, never changed at run time), held in memory for display.</summary>
public static class SeriesDirectory
{
    private static readonly Dictionary<int, string> Names = ReferenceDataSeed.Series.ToDictionary(s => s.Id, s => s.Name);

    public static IReadOnlyList<ProfessionalSeries> All => ReferenceDataSeed.Series;

    public static string NameOf(int? id) => id is { } v && Names.TryGetValue(v, out var name) ? name : "";
}
