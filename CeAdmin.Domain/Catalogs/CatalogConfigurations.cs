using CeAdmin.Domain.Organizations;
using CeAdmin.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CeAdmin.Domain.Catalogs;

public sealed class CourseCatalogConfiguration : IEntityTypeConfiguration<CourseCatalog>
{
    public void Configure(EntityTypeBuilder<CourseCatalog> b)
    {
        b.Property(x => x.OperatorName).HasMaxLength(50);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.SeriesId, x.Year, x.Status });
        b.HasIndex(x => x.AuthorityId);
        b.HasOne<Authority>().WithMany().HasForeignKey(x => x.AuthorityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ProfessionalSeries>().WithMany().HasForeignKey(x => x.SeriesId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Courses).WithOne(x => x.Catalog).HasForeignKey(x => x.CatalogId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CatalogCourseConfiguration : IEntityTypeConfiguration<CatalogCourse>
{
    public void Configure(EntityTypeBuilder<CatalogCourse> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Content).HasMaxLength(500);
        b.Property(x => x.Remarks).HasMaxLength(500);
        b.HasIndex(x => new { x.CatalogId, x.Name }).IsUnique();
    }
}
