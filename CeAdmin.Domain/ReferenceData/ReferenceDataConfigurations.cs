using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CeAdmin.Domain.ReferenceData;

public sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> b)
    {
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(6);
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.ParentCode).HasMaxLength(6);
        b.Property(x => x.Level).HasConversion<string>().HasMaxLength(10);
        b.HasIndex(x => x.ParentCode);
        b.HasData(ReferenceDataSeed.Regions);
    }
}

public sealed class ProfessionalSeriesConfiguration : IEntityTypeConfiguration<ProfessionalSeries>
{
    public void Configure(EntityTypeBuilder<ProfessionalSeries> b)
    {
        b.ToTable("ProfessionalSeries");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(50);
        b.HasIndex(x => x.Name).IsUnique();
        b.HasData(ReferenceDataSeed.Series);
    }
}

public sealed class HoursRuleConfiguration : IEntityTypeConfiguration<HoursRule>
{
    public void Configure(EntityTypeBuilder<HoursRule> b)
    {
        b.HasKey(x => x.Year);
        b.Property(x => x.Year).ValueGeneratedNever();
        b.Ignore(x => x.Hint);
        b.HasData(ReferenceDataSeed.HoursRules);
    }
}
