namespace CeAdmin.Domain.ReferenceData;

/// <summary>The shipped professional series, for selects and labels (the same rows the migrations seed).</summary>
public static class SeriesDirectory
{
    private static readonly Dictionary<int, ProfessionalSeries> ById = ReferenceDataSeed.Series.ToDictionary(s => s.Id);

    public static IReadOnlyList<ProfessionalSeries> All => ReferenceDataSeed.Series;

    public static string NameOf(int? id) => id is { } v && ById.TryGetValue(v, out var s) ? s.Name : "";

    /// <summary>年度 choices of the forms and filters: from the manual's 2018 to next year.</summary>
    public static IReadOnlyList<int> Years(TimeProvider clock) =>
        Enumerable.Range(2018, clock.GetUtcNow().Year - 2018 + 2).Reverse().ToList();
}
