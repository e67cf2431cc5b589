using CeAdmin.Domain.Compliance;
using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Records;
using CeAdmin.Domain.ReferenceData;
using CeAdmin.Domain.Statistics;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Statistics;

/// <summary>The numbers of one statistics row, to compare a report with a recount.</summary>
internal sealed record StatNumbers(int PlansSubmitted, int PlansApproved, int Classes, int Enrolment, int Records, decimal Hours, PeopleCounts People)
{
    public static StatNumbers Of(StatRow r) => new(r.PlansSubmitted, r.PlansApproved, r.Classes, r.PlannedEnrolment, r.Records, r.Hours, r.People);

    public bool IsZero => this == new StatNumbers(0, 0, 0, 0, 0, 0, PeopleCounts.None);
}

/// <summary>The three views and the total of a statistics question, by row key (empty rows left out).</summary>
internal sealed record StatViews(
    IReadOnlyDictionary<string, StatNumbers> ByRegion, IReadOnlyDictionary<string, StatNumbers> BySeries,
    IReadOnlyDictionary<string, StatNumbers> ByYear, StatNumbers Total)
{
    public static StatViews Of(StatisticsReport report) => new(
        Keyed(report.ByRegion), Keyed(report.BySeries), Keyed(report.ByYear), StatNumbers.Of(report.Total));

    private static Dictionary<string, StatNumbers> Keyed(IEnumerable<StatRow> rows) =>
        rows.Select(r => (r.Key, Numbers: StatNumbers.Of(r))).Where(r => !r.Numbers.IsZero).ToDictionary(r => r.Key, r => r.Numbers);
}

/// <summary>
/// The full recount the statistics summary must equal: every number of 统计分析 counted from the records, plans,
/// classes and plan cases themselves, in memory, by the rules of docs/decisions/0009 (people per group and year,
/// their 合格 hours in the group against the year's rule).
/// </summary>
internal static class StatisticsRecount
{
    public static async Task<StatViews> CountAsync(AppDbContext db, StatisticsQuery query)
    {
        var node = ReferenceCatalog.FindRegion(query.RegionCode)!;
        var prefix = Region.PrefixOf(node.Code, node.Level);
        var keyLength = node.Level == RegionLevel.Province ? 4 : 6;
        bool Inside(string region, int series, int year) =>
            region.StartsWith(prefix, StringComparison.Ordinal) && (query.SeriesId is null || series == query.SeriesId) && (query.Year is null || year == query.Year);

        var records = (await db.CeRecords.AsNoTracking().ToListAsync()).Where(r => Inside(r.RegionCode, r.SeriesId, r.Year)).ToList();
        var plans = (await db.TrainingPlans.AsNoTracking().ToListAsync()).Where(p => Inside(p.RegionCode, p.SeriesId, p.Year)).ToList();
        var submitted = (await db.ReviewCases.AsNoTracking().Where(c => c.Kind == ReviewKind.TrainingPlan && c.SubmittedAt != null).Select(c => c.SubjectId).ToListAsync()).ToHashSet();
        var approvedIds = plans.Where(p => p.ApprovedAt != null).Select(p => p.Id).ToHashSet();
        var classes = (await db.TrainingClasses.AsNoTracking().ToListAsync()).Where(c => approvedIds.Contains(c.PlanId)).ToList();
        var planOf = plans.ToDictionary(p => p.Id);
        var rules = await HoursRuleBook.LoadAsync(db);

        StatNumbers Numbers(Func<string, int, int, bool> inGroup)
        {
            var rs = records.Where(r => inGroup(r.RegionCode, r.SeriesId, r.Year)).ToList();
            var ps = plans.Where(p => inGroup(p.RegionCode, p.SeriesId, p.Year)).ToList();
            var cs = classes.Where(c => planOf[c.PlanId] is var p && inGroup(p.RegionCode, p.SeriesId, p.Year)).ToList();
            var people = rs.Where(r => r.Result == RecordValues.Passed).GroupBy(r => (r.IdNumber, r.Year)).Select(g =>
            {
                var rule = rules.For(g.Key.Year);
                decimal Of(string? type) => g.Where(r => type is null || r.SubjectType == type).Sum(r => r.Hours);
                // 达标 as the compliance query states it (ComplianceRule); each category against its own requirement.
                var met = ComplianceRule.IsMet(new HoursTally<int>
                {
                    Public = (double)Of(RecordValues.Public), Professional = (double)Of(RecordValues.Professional), Elective = (double)Of(RecordValues.Elective),
                    PublicRequired = rule.PublicRequired, ProfessionalRequired = rule.ProfessionalRequired, ElectiveRequired = rule.ElectiveRequired,
                    ProfessionalExcessCountsAsElective = rule.ProfessionalExcessCountsAsElective, PublicExcessCountsAsElective = rule.PublicExcessCountsAsElective,
                });
                return (Annual: met, Public: Of(RecordValues.Public) >= rule.PublicRequired,
                    Professional: Of(RecordValues.Professional) >= rule.ProfessionalRequired, Elective: Of(RecordValues.Elective) >= rule.ElectiveRequired);
            }).ToList();
            return new StatNumbers(
                ps.Count(p => p.ApprovedAt != null || submitted.Contains(p.Id)), ps.Count(p => p.ApprovedAt != null), cs.Count, cs.Sum(c => c.PlannedEnrolment),
                rs.Count, rs.Where(r => r.Result == RecordValues.Passed).Sum(r => r.Hours),
                new PeopleCounts(people.Count, people.Count(p => p.Annual), people.Count(p => p.Public), people.Count(p => p.Professional), people.Count(p => p.Elective)));
        }

        Dictionary<string, StatNumbers> View(IEnumerable<string> keys, Func<string, Func<string, int, int, bool>> group) =>
            keys.Distinct().Select(k => (k, Numbers: Numbers(group(k)))).Where(x => !x.Numbers.IsZero).ToDictionary(x => x.k, x => x.Numbers);
        string RegionKey(string region) => keyLength == 4 ? region[..4] + "00" : region;
        var regions = records.Select(r => r.RegionCode).Concat(plans.Select(p => p.RegionCode)).Select(RegionKey);
        var series = records.Select(r => r.SeriesId).Concat(plans.Select(p => p.SeriesId)).Select(s => s.ToString());
        var years = records.Select(r => r.Year).Concat(plans.Select(p => p.Year)).Select(y => y.ToString());
        return new StatViews(
            View(regions, k => (region, _, _) => RegionKey(region) == k),
            View(series, k => (_, s, _) => s.ToString() == k),
            View(years, k => (_, _, y) => y.ToString() == k),
            Numbers((_, _, _) => true));
    }
}
