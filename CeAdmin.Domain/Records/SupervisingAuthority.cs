using CeAdmin.Domain.Data;
using CeAdmin.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Records;

/// <summary>主管部门 of a record: the approved authority of its series nearest to its region (county, then city, then province).</summary>
public sealed record SupervisingAuthority(int Id, string Name)
{
    /// <summary>
    /// Resolves every (region, series) pair at once; a pair with no approved authority anywhere up
    /// its chain maps to null (the record then names none).
    /// </summary>
    public static async Task<Dictionary<(string Region, int Series), SupervisingAuthority?>> ResolveAsync(
        AppDbContext db, IEnumerable<(string Region, int Series)> pairs, CancellationToken ct)
    {
        var wanted = pairs.Distinct().ToList();
        var series = wanted.Select(p => p.Series).Distinct().ToList();
        var candidates = await db.Authorities.AsNoTracking()
            .Where(a => a.ApprovedAt != null && series.Contains(a.SeriesId))
            .Select(a => new { a.Id, a.Name, a.RegionCode, a.SeriesId })
            .ToListAsync(ct);
        var byKey = candidates.GroupBy(a => (a.RegionCode, a.SeriesId)).ToDictionary(g => g.Key, g => g.OrderBy(a => a.Id).First());

        var result = new Dictionary<(string, int), SupervisingAuthority?>();
        foreach (var (region, s) in wanted)
        {
            SupervisingAuthority? found = null;
            foreach (var code in Chain(region))
            {
                if (byKey.TryGetValue((code, s), out var a)) { found = new SupervisingAuthority(a.Id, a.Name); break; }
            }
            result[(region, s)] = found;
        }
        return result;
    }

    private static IEnumerable<string> Chain(string regionCode)
    {
        for (var r = RegionDirectory.Find(regionCode); r is not null; r = RegionDirectory.Find(r.ParentCode)) yield return r.Code;
    }
}
