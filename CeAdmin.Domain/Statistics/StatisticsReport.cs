using CeAdmin.Domain.ReferenceData;

namespace CeAdmin.Domain.Statistics;

/// <summary>The statistics page's question: one region node (drilled into), an optional year and series.</summary>
public sealed record StatisticsQuery(string RegionCode, int? Year = null, int? SeriesId = null);

/// <summary>Counts of the people who did continuing education in a group, and of those who met the year's requirement.</summary>
public sealed record PeopleCounts(int People, int MetAnnual, int MetPublic, int MetProfessional, int MetElective)
{
    public static readonly PeopleCounts None = new(0, 0, 0, 0, 0);
}

/// <summary>
/// One row of a statistics table. Plans are counted by the region and series they were filed in;
/// classes and planned enrolment belong to approved plans; hours and the requirement count only
/// 合格 records. People are (person, year) pairs, so across years a person counts once a year.
/// </summary>
public sealed record StatRow(
    string Key, string Label, bool CanDrill,
    int PlansSubmitted, int PlansApproved, int Classes, int PlannedEnrolment,
    int Records, decimal Hours, PeopleCounts People)
{
    public static double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
    public double MetShare => Share(People.MetAnnual, People.People);
    public double PublicShare => Share(People.MetPublic, People.People);
    public double ProfessionalShare => Share(People.MetProfessional, People.People);
    public double ElectiveShare => Share(People.MetElective, People.People);
}

/// <summary>Three views of the same numbers: by child region of the node, by series and by year, with their total.</summary>
public sealed record StatisticsReport(
    StatisticsQuery Query,
    IReadOnlyList<Region> Breadcrumb,
    int? FixedSeriesId,
    IReadOnlyList<StatRow> ByRegion,
    IReadOnlyList<StatRow> BySeries,
    IReadOnlyList<StatRow> ByYear,
    StatRow Total,
    HoursRule? Rule)
{
    public string RegionName => Breadcrumb.Count > 0 ? Breadcrumb[^1].Name : "";
}
