namespace CeAdmin.Domain.ReferenceData;

/// <summary>专业序列 (the national professional title series).</summary>
public sealed class ProfessionalSeries
{
    public int Id { get; init; }
    public required string Name { get; init; }
    public int SortOrder { get; init; }
}
