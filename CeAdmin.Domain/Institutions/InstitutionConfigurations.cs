using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CeAdmin.Domain.Institutions;

public sealed class InstitutionConfiguration : IEntityTypeConfiguration<Institution>
{
    public void Configure(EntityTypeBuilder<Institution> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Code).HasMaxLength(18);
        b.Property(x => x.Level).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Nature).HasMaxLength(20);
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.ParentAuthorityName).HasMaxLength(100);
        b.Property(x => x.LegalName).HasMaxLength(50);
        b.Property(x => x.LegalPhone).HasMaxLength(20);
        b.Property(x => x.LegalEmail).HasMaxLength(100);
        b.Property(x => x.ContactName).HasMaxLength(50);
        b.Property(x => x.ContactPhone).HasMaxLength(20);
        b.Property(x => x.ContactEmail).HasMaxLength(100);
        b.Property(x => x.Address).HasMaxLength(100);
        b.Property(x => x.Profile).HasMaxLength(1000);
        b.HasIndex(x => x.UnitAccountId).IsUnique();
        b.HasIndex(x => x.RegionCode);
        b.HasOne<UnitAccount>().WithMany().HasForeignKey(x => x.UnitAccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Region>().WithMany().HasForeignKey(x => x.RegionCode).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Qualifications).WithOne(x => x.Institution).HasForeignKey(x => x.InstitutionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class TrainingQualificationConfiguration : IEntityTypeConfiguration<TrainingQualification>
{
    public void Configure(EntityTypeBuilder<TrainingQualification> b)
    {
        b.Property(x => x.Overview).HasMaxLength(500);
        b.Property(x => x.Industry).HasMaxLength(50);
        b.Property(x => x.RegionCode).HasMaxLength(6);
        // Not unique: after 结案 an institution may apply for the same series again.
        b.HasIndex(x => new { x.InstitutionId, x.SeriesId });
        b.HasOne<ProfessionalSeries>().WithMany().HasForeignKey(x => x.SeriesId).OnDelete(DeleteBehavior.Restrict);
    }
}
