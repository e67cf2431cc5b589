using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CeAdmin.Domain.Records;

public sealed class CeRecordConfiguration : IEntityTypeConfiguration<CeRecord>
{
    public void Configure(EntityTypeBuilder<CeRecord> b)
    {
        b.Property(x => x.PersonName).HasMaxLength(50);
        b.Property(x => x.Gender).HasMaxLength(4);
        b.Property(x => x.IdNumber).HasMaxLength(18);
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.AuthorityName).HasMaxLength(100);
        b.Property(x => x.CourseName).HasMaxLength(100);
        b.Property(x => x.SubjectType).HasMaxLength(10);
        b.Property(x => x.StudyMode).HasMaxLength(20);
        b.Property(x => x.Days).HasPrecision(6, 1);
        b.Property(x => x.Result).HasMaxLength(10);
        b.Property(x => x.Hours).HasPrecision(6, 1);
        b.Property(x => x.InstitutionName).HasMaxLength(100);
        b.Property(x => x.Location).HasMaxLength(100);
        b.Property(x => x.Content).HasMaxLength(500);
        b.Property(x => x.Remarks).HasMaxLength(500);
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(10);
        // The query's scope (series, region prefix, year) walks this index in Id order.
        b.HasIndex(x => new { x.SeriesId, x.Year, x.RegionCode, x.Id });
        b.HasIndex(x => x.IdNumber);
        b.HasIndex(x => new { x.ClassId, x.IdNumber });
    }
}
