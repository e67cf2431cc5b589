using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CeAdmin.Domain.Records;

public sealed class CeRecordConfiguration : IEntityTypeConfiguration<CeRecord>
{
    public void Configure(EntityTypeBuilder<CeRecord> b)
    {
        b.Property(x => x.PersonName).HasMaxLength(Common.PersonName.MaxLength);
        b.Property(x => x.Gender).HasMaxLength(4);
        b.Property(x => x.IdNumber).HasMaxLength(18);
        b.Property(x => x.WorkUnit).HasMaxLength(RosterEntryValidator.WorkUnitMax);
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

        // The grid lists newest first (Id descending) and pages by seeking on Id (CeRecordQuery):
        // an authority's scope fixes SeriesId, so (SeriesId, Id) walks its records in grid order, and
        // RegionCode rides along so the region test needs no table lookup. The HRSS department's
        // scope has no series; it walks the primary key.
        b.HasIndex(x => new { x.SeriesId, x.Id, x.RegionCode });
        // A year filter seeks (SeriesId, Year) and still walks in grid order; the statistics' GROUP BY
        // (year, series, region) reads only this index.
        b.HasIndex(x => new { x.SeriesId, x.Year, x.Id, x.RegionCode });
        // One person does one course on the same dates once: the rule behind "no duplicate" for
        // the roster and the import, kept by the database even when two saves race. It also
        // serves the 公民身份号码 filter and the per-person statistics.
        b.HasIndex(x => new { x.IdNumber, x.StartDate, x.EndDate, x.CourseName }).IsUnique();
        b.HasIndex(x => new { x.ClassId, x.IdNumber });
        b.HasIndex(x => x.PersonName);
        b.HasIndex(x => x.AuthorityId);
    }
}
