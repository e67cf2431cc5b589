using CeAdmin.Domain.Common;
using CeAdmin.Domain.Compliance;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Organizations;
using CeAdmin.Domain.Records;
using CeAdmin.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Statistics;

/// <summary>
/// 统计分析 for supervisors: plans, classes, enrolment, records, hours and the share of people who
/// met the year's requirement, by 年度 × 专业序列 × 行政区划, drilled province → city → county
/// inside the caller's scope. Everything is read from the statistics summary (<see cref="StatCell"/>, kept
/// current with every write) and rolled up in memory: a few thousand summary rows, never the records.
/// </summary>
public sealed class StatisticsService(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser)
{
    /// <summary>The region node the caller starts at, and whether the series is fixed (an authority's own).</summary>
    public async Task<(string RegionCode, int? SeriesId, IReadOnlyList<int> Years)> StartAsync(CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var scope = await currentUser.RequireScopeAsync(db, ct, UnitKind.Authority, UnitKind.Hrss);
        var years = await db.HoursRules.AsNoTracking().OrderByDescending(r => r.Year).Select(r => r.Year).ToListAsync(ct);
        return (scope.RegionCode, scope.SeriesId, years);
    }

    public async Task<StatisticsReport> GetAsync(StatisticsQuery query, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var scope = await currentUser.RequireScopeAsync(db, ct, UnitKind.Authority, UnitKind.Hrss);
        var node = ReferenceCatalog.FindRegion(query.RegionCode) ?? throw new DomainException("行政区划不存在");
        if (!scope.CoversRegion(node.Code)) throw new ScopeException();
        if (query.SeriesId is { } asked && !scope.CoversSeries(asked)) throw new ScopeException();
        var seriesId = scope.SeriesId ?? query.SeriesId;
        // Children of a province are cities (4-digit prefix); below a city every code is its own group.
        var keyLength = node.Level == RegionLevel.Province ? 4 : 6;

        // The summary's cells of the node (inside the scope: the node and the series are), of the year and series asked.
        var cells = db.Set<StatCell>().AsNoTracking();
        var split = db.Set<PersonYear>().AsNoTracking().Where(p => p.Split);
        if (seriesId is { } s)
        {
            cells = cells.Where(c => c.SeriesId == s);
            split = split.Where(p => p.SeriesId == s);
        }
        if (query.Year is { } y)
        {
            cells = cells.Where(c => c.Year == y);
            split = split.Where(p => p.Year == y);
        }
        if (RecordCriteria.PrefixOf(node.Code) is { } prefix)
        {
            var end = RecordCriteria.EndOf(prefix);
            cells = cells.Where(c => string.Compare(c.RegionCode, prefix) >= 0 && string.Compare(c.RegionCode, end) < 0);
            split = split.Where(p => string.Compare(p.RegionCode, prefix) >= 0 && string.Compare(p.RegionCode, end) < 0);
        }
        // Rolled up in SQL to the grain the page shows (year, series, child region): the province's 35,000 cells at
        // 1,000,000 records become about 6,000 rows (a cell's people sum like the rest; split person-years are corrected below).
        var rows = await cells
            .GroupBy(c => new { c.Year, c.SeriesId, Region = c.RegionCode.Substring(0, keyLength) })
            .Select(g => new StatCell
            {
                Year = g.Key.Year, SeriesId = g.Key.SeriesId, RegionCode = g.Key.Region,
                PlansSubmitted = g.Sum(c => c.PlansSubmitted), PlansApproved = g.Sum(c => c.PlansApproved),
                Classes = g.Sum(c => c.Classes), PlannedEnrolment = g.Sum(c => c.PlannedEnrolment), Records = g.Sum(c => c.Records),
                PassedHoursTenths = g.Sum(c => c.PassedHoursTenths), PublicHoursTenths = g.Sum(c => c.PublicHoursTenths),
                ProfessionalHoursTenths = g.Sum(c => c.ProfessionalHoursTenths), ElectiveHoursTenths = g.Sum(c => c.ElectiveHoursTenths),
                People = g.Sum(c => c.People), MetAnnual = g.Sum(c => c.MetAnnual), MetPublic = g.Sum(c => c.MetPublic),
                MetProfessional = g.Sum(c => c.MetProfessional), MetElective = g.Sum(c => c.MetElective),
            })
            .ToListAsync(ct);
        var splitRows = await split.ToListAsync(ct);
        var rules = await HoursRuleBook.LoadAsync(db, ct);
        var people = new PeopleCounter(rows, splitRows, rules);

        var byRegion = RegionRows(node, keyLength, rows, people.By(c => c.RegionCode[..keyLength], p => p.RegionCode[..keyLength]));
        var bySeriesPeople = people.By(c => c.SeriesId, p => p.SeriesId);
        var bySeries = rows.GroupBy(c => c.SeriesId).OrderBy(g => g.Key)
            .Select(g => Row(g.Key.ToString(), ReferenceCatalog.SeriesName(g.Key), false, g, bySeriesPeople.GetValueOrDefault(g.Key))).ToList();
        var byYearPeople = people.By(c => c.Year, p => p.Year);
        var byYear = rows.GroupBy(c => c.Year).OrderByDescending(g => g.Key)
            .Select(g => Row(g.Key.ToString(), g.Key + "年度", false, g, byYearPeople.GetValueOrDefault(g.Key))).ToList();
        var total = Row("total", "合计", false, rows, people.By(_ => 0, _ => 0).GetValueOrDefault(0));
        var rule = query.Year is { } year ? rules.For(year) : null;
        return new StatisticsReport(query with { SeriesId = seriesId }, Breadcrumb(scope, node), scope.SeriesId, byRegion, bySeries, byYear, total, rule);
    }

    private static List<StatRow> RegionRows(Region node, int keyLength, List<StatCell> cells, Dictionary<string, PeopleCounts> people)
    {
        // Every child region gets a row (zeros included), so the table reads as a complete list.
        var keys = ReferenceCatalog.ChildrenOf(node.Code).Select(c => Region.PrefixOf(c.Code, keyLength == 4 ? RegionLevel.City : RegionLevel.County))
            .Concat(cells.Select(c => c.RegionCode[..keyLength])).Distinct().OrderBy(k => k).ToList();
        var byKey = cells.ToLookup(c => c.RegionCode[..keyLength]);
        return keys.Select(key =>
        {
            var code = key.Length == 4 ? key + "00" : key;
            var label = code == node.Code ? node.Name + "（本级）" : ReferenceCatalog.FindRegion(code)?.Name ?? code;
            // Every child can be opened: a city shows its counties, a county (or a city without any) its series and years.
            var canDrill = code != node.Code;
            return Row(code, label, canDrill, byKey[key], people.GetValueOrDefault(key));
        }).ToList();
    }

    private static StatRow Row(string key, string label, bool canDrill, IEnumerable<StatCell> cells, PeopleCounts? people)
    {
        var list = cells as ICollection<StatCell> ?? cells.ToList();
        return new StatRow(key, label, canDrill,
            list.Sum(c => c.PlansSubmitted), list.Sum(c => c.PlansApproved), list.Sum(c => c.Classes), list.Sum(c => c.PlannedEnrolment),
            list.Sum(c => c.Records), StatisticsSummary.Hours(list.Sum(c => c.PassedHoursTenths)), people ?? PeopleCounts.None);
    }

    /// <summary>
    /// People of each group of a view, and those who met the year's rule with their hours in the group. A cell
    /// counts each person-year with the hours it holds; summing cells is exact for everyone whose year lies in one
    /// cell. For the few whose year spans cells (<see cref="PersonYear.Split"/>), each group takes back what its
    /// cells counted for them and counts them once with their hours in the whole group.
    /// </summary>
    private sealed class PeopleCounter(List<StatCell> cells, List<PersonYear> split, HoursRuleBook rules)
    {
        public Dictionary<TKey, PeopleCounts> By<TKey>(Func<StatCell, TKey> cellKey, Func<PersonYear, TKey> personKey) where TKey : notnull
        {
            var sums = new Dictionary<TKey, int[]>();
            void Add(TKey key, int sign, int people, int annual, int pub, int professional, int elective)
            {
                if (!sums.TryGetValue(key, out var sum)) sums[key] = sum = new int[5];
                sum[0] += sign * people;
                sum[1] += sign * annual;
                sum[2] += sign * pub;
                sum[3] += sign * professional;
                sum[4] += sign * elective;
            }
            // 达标 is ComplianceRule's, the compliance query's definition; each category's own count is its hours against its requirement.
            void Person(TKey key, int sign, HoursRule rule, long pub, long professional, long elective) =>
                Add(key, sign, 1, ComplianceRule.IsMet(Tally(rule, pub, professional, elective)) ? 1 : 0,
                    Met(pub, rule.PublicRequired), Met(professional, rule.ProfessionalRequired), Met(elective, rule.ElectiveRequired));

            foreach (var c in cells) Add(cellKey(c), 1, c.People, c.MetAnnual, c.MetPublic, c.MetProfessional, c.MetElective);
            foreach (var year in split.GroupBy(p => (p.IdNumber, p.Year)))
            {
                var rule = rules.For(year.Key.Year);
                foreach (var group in year.GroupBy(personKey))
                {
                    foreach (var p in group) Person(group.Key, -1, rule, p.PublicHoursTenths, p.ProfessionalHoursTenths, p.ElectiveHoursTenths);
                    Person(group.Key, 1, rule, group.Sum(p => p.PublicHoursTenths), group.Sum(p => p.ProfessionalHoursTenths), group.Sum(p => p.ElectiveHoursTenths));
                }
            }
            return sums.ToDictionary(kv => kv.Key, kv => new PeopleCounts(kv.Value[0], kv.Value[1], kv.Value[2], kv.Value[3], kv.Value[4]));
        }

        private static int Met(long tenths, int required) => tenths >= 10L * required ? 1 : 0;

        private static HoursTally<int> Tally(HoursRule rule, long pub, long professional, long elective) => new()
        {
            Public = pub / 10d, Professional = professional / 10d, Elective = elective / 10d,
            AnnualRequired = rule.AnnualRequired, PublicRequired = rule.PublicRequired,
            ProfessionalRequired = rule.ProfessionalRequired, ElectiveRequired = rule.ElectiveRequired,
            ProfessionalExcessCountsAsElective = rule.ProfessionalExcessCountsAsElective,
            PublicExcessCountsAsElective = rule.PublicExcessCountsAsElective,
        };
    }

    /// <summary>The drill path from the scope's own region down to the node (a city authority never sees the province level).</summary>
    private static List<Region> Breadcrumb(Scope scope, Region node)
    {
        var path = new List<Region>();
        for (var r = node; r is not null; r = ReferenceCatalog.FindRegion(r.ParentCode))
        {
            path.Insert(0, r);
            if (r.Code == scope.RegionCode) break;
        }
        return path;
    }

}
