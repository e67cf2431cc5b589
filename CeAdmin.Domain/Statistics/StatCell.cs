using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CeAdmin.Domain.Statistics;

/// <summary>
/// The statistics summary at its finest grain: one row per 年度 × 专业序列 × 行政区划 (the record's region, the
/// trainee's; a plan's region, its owner's), kept current by <see cref="StatisticsSummary"/> in the transaction of
/// every save that changes records, plans, classes, plan cases or hours rules (docs/decisions/0018). Hours are
/// stored in tenths of a 学时 (records carry one decimal) so that sums are exact integers on both providers.
/// </summary>
public sealed class StatCell
{
    public int Year { get; set; }
    public int SeriesId { get; set; }
    public string RegionCode { get; set; } = "";

    /// <summary>Plans ever submitted (or approved), and approved.</summary>
    public int PlansSubmitted { get; set; }
    public int PlansApproved { get; set; }
    /// <summary>Classes of approved plans and their 计划招生人数.</summary>
    public int Classes { get; set; }
    public int PlannedEnrolment { get; set; }

    /// <summary>Records, 合格 or not.</summary>
    public int Records { get; set; }
    /// <summary>Hours of 合格 records (tenths), in all and per 科目类型.</summary>
    public long PassedHoursTenths { get; set; }
    public long PublicHoursTenths { get; set; }
    public long ProfessionalHoursTenths { get; set; }
    public long ElectiveHoursTenths { get; set; }

    /// <summary>
    /// People with a 合格 record here this year (<see cref="PersonYear"/> rows of the cell), and those whose hours
    /// here met the year's requirement, in all and per 科目类型. A person whose year spans several cells is counted in
    /// each with that cell's hours; the statistics correct for those few (<see cref="PersonYear.Split"/>).
    /// </summary>
    public int People { get; set; }
    public int MetAnnual { get; set; }
    public int MetPublic { get; set; }
    public int MetProfessional { get; set; }
    public int MetElective { get; set; }
}

/// <summary>
/// One person's 合格 hours of a year in one series and region, per 科目类型: what the people counts of the statistics
/// are made of, and what a per-person compliance view (hours against the year's requirement) can page over.
/// </summary>
public sealed class PersonYear
{
    public int Year { get; set; }
    public int SeriesId { get; set; }
    public string RegionCode { get; set; } = "";
    public string IdNumber { get; set; } = "";
    public int PassedRecords { get; set; }
    public long HoursTenths { get; set; }
    public long PublicHoursTenths { get; set; }
    public long ProfessionalHoursTenths { get; set; }
    public long ElectiveHoursTenths { get; set; }
    /// <summary>The person has 合格 records of this year in more than one series or region (rare: a change of job).</summary>
    public bool Split { get; set; }
}

public sealed class StatCellConfiguration : IEntityTypeConfiguration<StatCell>
{
    public void Configure(EntityTypeBuilder<StatCell> b)
    {
        b.ToTable("StatCells");
        b.HasKey(x => new { x.Year, x.SeriesId, x.RegionCode });
        b.Property(x => x.RegionCode).HasMaxLength(6);
        // A scope fixes the series; its cells of every year lie together.
        b.HasIndex(x => new { x.SeriesId, x.RegionCode, x.Year });
    }
}

public sealed class PersonYearConfiguration : IEntityTypeConfiguration<PersonYear>
{
    public void Configure(EntityTypeBuilder<PersonYear> b)
    {
        b.ToTable("PersonYears");
        // A cell's people lie together: recounting a cell reads just them.
        b.HasKey(x => new { x.Year, x.SeriesId, x.RegionCode, x.IdNumber });
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.IdNumber).HasMaxLength(18);
        b.HasIndex(x => new { x.IdNumber, x.Year });
        // The few split person-years, read whole by every statistics request ("Split" is valid SQL on both providers).
        b.HasIndex(x => new { x.Year, x.SeriesId, x.RegionCode }).HasFilter("\"Split\"").HasDatabaseName("IX_PersonYears_Split");
    }
}
