using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CeAdmin.Domain.Records;

public enum RegionFixOutcome
{
    /// <summary>The region was replaced by the trainee's own, found in other data.</summary>
    Corrected,
    /// <summary>Other data names the same region: nothing changed.</summary>
    Confirmed,
    /// <summary>No data tells the trainee's region: the record keeps the institution's and waits for someone who knows.</summary>
    Unresolved,
}

/// <summary>
/// One roster record that existed before records carried the trainee's own region, and what the
/// TraineeRegion migration did with it (docs/decisions/0010). Written by that migration only.
/// </summary>
public sealed class RecordRegionFix
{
    public long Id { get; set; }
    public long RecordId { get; set; }
    /// <summary>The region the record had: its institution's plan region.</summary>
    public string OldRegionCode { get; set; } = "";
    /// <summary>The trainee's region the migration found, when it found one.</summary>
    public string? NewRegionCode { get; set; }
    /// <summary>For an unresolved record: the county of the ID number when it lies inside the old region, as a hint to whoever checks.</summary>
    public string? SuggestedRegionCode { get; set; }
    public RegionFixOutcome Outcome { get; set; }
    public string Reason { get; set; } = "";
}

public sealed class RecordRegionFixConfiguration : IEntityTypeConfiguration<RecordRegionFix>
{
    public void Configure(EntityTypeBuilder<RecordRegionFix> b)
    {
        b.ToTable("RecordRegionFixes");
        b.Property(x => x.OldRegionCode).HasMaxLength(6);
        b.Property(x => x.NewRegionCode).HasMaxLength(6);
        b.Property(x => x.SuggestedRegionCode).HasMaxLength(6);
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(12);
        b.Property(x => x.Reason).HasMaxLength(200);
        b.HasIndex(x => new { x.RecordId, x.Outcome });
        b.HasOne<CeRecord>().WithMany().HasForeignKey(x => x.RecordId).OnDelete(DeleteBehavior.Cascade);
    }
}
