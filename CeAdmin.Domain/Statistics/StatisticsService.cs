using System.Linq.Expressions;
using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Compliance;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Organizations;
using CeAdmin.Domain.Plans;
using CeAdmin.Domain.Records;
using CeAdmin.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Statistics;

/// <summary>
/// 统计分析 for supervisors: plans, classes, enrolment, records, hours and the share of people who
/// met the year's requirement, by 年度 × 专业序列 × 行政区划, drilled province → city → county
/// inside the caller's scope. Additive numbers are grouped once at the finest grain and rolled up;
/// people are counted per view, since one person may appear in several groups.
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

        var records = db.CeRecords.AsNoTracking().VisibleTo(scope).InRegion(node.Code);
        var plans = db.TrainingPlans.AsNoTracking().VisibleTo(scope).InRegion(node.Code);
        if (seriesId is { } s)
        {
            records = records.Where(r => r.SeriesId == s);
            plans = plans.Where(p => p.SeriesId == s);
        }
        if (query.Year is { } y)
        {
            records = records.Where(r => r.Year == y);
            plans = plans.Where(p => p.Year == y);
        }

        var cells = await CellsAsync(db, records, plans, keyLength, ct);
        var passed = records.Where(r => r.Result == RecordValues.Passed);
        var byRegionPeople = await PeopleAsync(db, passed, r => r.RegionCode.Substring(0, keyLength), ct);
        var bySeriesPeople = await PeopleAsync(db, passed, r => r.SeriesId, ct);
        var byYearPeople = await PeopleAsync(db, passed, r => r.Year, ct);
        var totalPeople = await PeopleAsync(db, passed, r => 0, ct);

        var byRegion = RegionRows(node, keyLength, cells, byRegionPeople);
        var bySeries = cells.GroupBy(c => c.SeriesId).OrderBy(g => g.Key)
            .Select(g => Row(g.Key.ToString(), ReferenceCatalog.SeriesName(g.Key), false, g, bySeriesPeople.GetValueOrDefault(g.Key))).ToList();
        var byYear = cells.GroupBy(c => c.Year).OrderByDescending(g => g.Key)
            .Select(g => Row(g.Key.ToString(), g.Key + "年度", false, g, byYearPeople.GetValueOrDefault(g.Key))).ToList();
        var total = Row("total", "合计", false, cells, totalPeople.GetValueOrDefault(0));
        var rule = query.Year is { } year ? await db.HoursRules.AsNoTracking().SingleOrDefaultAsync(r => r.Year == year, ct) : null;
        return new StatisticsReport(query with { SeriesId = seriesId }, Breadcrumb(scope, node), scope.SeriesId, byRegion, bySeries, byYear, total, rule);
    }

    /// <summary>The additive numbers at the finest grain the page shows: (year, series, child region).</summary>
    private sealed record Cell(int Year, int SeriesId, string Region, int PlansSubmitted, int PlansApproved, int Classes, int Enrolment, int Records, decimal Hours);

    private static async Task<List<Cell>> CellsAsync(AppDbContext db, IQueryable<CeRecord> records, IQueryable<TrainingPlan> plans, int keyLength, CancellationToken ct)
    {
        var recordCells = await records
            .GroupBy(r => new { r.Year, r.SeriesId, Region = r.RegionCode.Substring(0, keyLength) })
            .Select(g => new { g.Key.Year, g.Key.SeriesId, g.Key.Region, Count = g.Count(), Hours = g.Sum(r => r.Result == RecordValues.Passed ? (double)r.Hours : 0) })
            .ToListAsync(ct);
        var submittedPlans = db.ReviewCases.OfKind(ReviewKind.TrainingPlan).Where(c => c.SubmittedAt != null).Select(c => c.SubjectId);
        var planCells = await plans
            .GroupBy(p => new { p.Year, p.SeriesId, Region = p.RegionCode.Substring(0, keyLength) })
            .Select(g => new
            {
                g.Key.Year, g.Key.SeriesId, g.Key.Region,
                Submitted = g.Count(p => p.ApprovedAt != null || submittedPlans.Contains(p.Id)),
                Approved = g.Count(p => p.ApprovedAt != null),
            })
            .ToListAsync(ct);
        var classCells = await db.TrainingClasses.AsNoTracking()
            .Where(c => plans.Any(p => p.Id == c.PlanId && p.ApprovedAt != null))
            .GroupBy(c => new { c.Plan!.Year, c.Plan.SeriesId, Region = c.Plan.RegionCode.Substring(0, keyLength) })
            .Select(g => new { g.Key.Year, g.Key.SeriesId, g.Key.Region, Count = g.Count(), Enrolment = g.Sum(c => c.PlannedEnrolment) })
            .ToListAsync(ct);

        var cells = new Dictionary<(int, int, string), Cell>();
        Cell At(int year, int series, string region) =>
            cells.TryGetValue((year, series, region), out var c) ? c : new Cell(year, series, region, 0, 0, 0, 0, 0, 0);
        foreach (var r in recordCells) cells[(r.Year, r.SeriesId, r.Region)] = At(r.Year, r.SeriesId, r.Region) with { Records = r.Count, Hours = (decimal)r.Hours };
        foreach (var p in planCells) cells[(p.Year, p.SeriesId, p.Region)] = At(p.Year, p.SeriesId, p.Region) with { PlansSubmitted = p.Submitted, PlansApproved = p.Approved };
        foreach (var c in classCells) cells[(c.Year, c.SeriesId, c.Region)] = At(c.Year, c.SeriesId, c.Region) with { Classes = c.Count, Enrolment = c.Enrolment };
        return [.. cells.Values];
    }

    /// <summary>People (person-years) per group key and those who are 达标 by <see cref="ComplianceRule"/>: the compliance query's definition.</summary>
    private static async Task<Dictionary<TKey, PeopleCounts>> PeopleAsync<TKey>(
        AppDbContext db, IQueryable<CeRecord> passed, Expression<Func<CeRecord, TKey>> key, CancellationToken ct) where TKey : notnull
    {
        var rows = await ComplianceRule.Counts(ComplianceRule.Tally(db, passed, key)).ToListAsync(ct);
        return rows.ToDictionary(r => r.Key, r => new PeopleCounts(r.People, r.Met, r.PublicMet, r.ProfessionalMet, r.ElectiveMet));
    }

    private static List<StatRow> RegionRows(Region node, int keyLength, List<Cell> cells, Dictionary<string, PeopleCounts> people)
    {
        // Every child region gets a row (zeros included), so the table reads as a complete list.
        var keys = ReferenceCatalog.ChildrenOf(node.Code).Select(c => Region.PrefixOf(c.Code, keyLength == 4 ? RegionLevel.City : RegionLevel.County))
            .Concat(cells.Select(c => c.Region)).Distinct().OrderBy(k => k).ToList();
        return keys.Select(key =>
        {
            var code = key.Length == 4 ? key + "00" : key;
            var label = code == node.Code ? node.Name + "（本级）" : ReferenceCatalog.FindRegion(code)?.Name ?? code;
            // Every child can be opened: a city shows its counties, a county (or a city without any) its series and years.
            var canDrill = code != node.Code;
            return Row(code, label, canDrill, cells.Where(c => c.Region == key), people.GetValueOrDefault(key));
        }).ToList();
    }

    private static StatRow Row(string key, string label, bool canDrill, IEnumerable<Cell> cells, PeopleCounts? people)
    {
        var list = cells as ICollection<Cell> ?? cells.ToList();
        return new StatRow(key, label, canDrill,
            list.Sum(c => c.PlansSubmitted), list.Sum(c => c.PlansApproved), list.Sum(c => c.Classes), list.Sum(c => c.Enrolment),
            list.Sum(c => c.Records), list.Sum(c => c.Hours), people ?? PeopleCounts.None);
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
