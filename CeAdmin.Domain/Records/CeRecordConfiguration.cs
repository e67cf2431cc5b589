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

        // The grid pages by keyset in every order it offers (CeRecordQuery): each order has an index that walks it,
        // (series, key, id) for an authority, whose scope fixes the series, and (key, id) for the HRSS department. The
        // region code rides along where the walk tests an authority's region prefix, so the test needs no table lookup.
        // Newest first: (SeriesId, Id) and, for the HRSS department, the primary key.
        b.HasIndex(x => new { x.SeriesId, x.Id, x.RegionCode });
        // A year filter (or the year order) seeks (SeriesId, Year) and still walks in id order.
        b.HasIndex(x => new { x.SeriesId, x.Year, x.Id, x.RegionCode });
        b.HasIndex(x => new { x.Year, x.Id });
        b.HasIndex(x => new { x.SeriesId, x.PersonName, x.Id, x.RegionCode });
        b.HasIndex(x => new { x.PersonName, x.Id });
        b.HasIndex(x => new { x.SeriesId, x.CourseName, x.Id, x.RegionCode });
        b.HasIndex(x => new { x.CourseName, x.Id });
        // The region order, and a region range (a city's districts) sought within a series.
        b.HasIndex(x => new { x.SeriesId, x.RegionCode, x.Id });
        b.HasIndex(x => new { x.RegionCode, x.Id });
        // One person does one course on the same dates once: the rule behind "no duplicate" for
        // the roster and the import, kept by the database even when two saves race. It also
        // serves the 公民身份号码 filter.
        b.HasIndex(x => new { x.IdNumber, x.StartDate, x.EndDate, x.CourseName }).IsUnique();
        b.HasIndex(x => new { x.ClassId, x.IdNumber });
        b.HasIndex(x => new { x.AuthorityId, x.Id });
    }
}
