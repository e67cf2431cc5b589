using CeAdmin.Domain.Data;
using CeAdmin.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Records;

/// <summary>主管部门 of a record: the approved authority of its series nearest to its region (county, then city, then province).</summary>
public sealed record SupervisingAuthority(int Id, string Name);

/// <summary>
/// The approved authorities of some series by region, loaded once: the 主管部门 of any region follows
/// in memory, so a form can show it as soon as a region is picked, and a save resolves all its rows at once.
/// </summary>
public sealed class SupervisorDirectory
{
    private readonly Dictionary<(string Region, int Series), SupervisingAuthority> _byRegion;

    private SupervisorDirectory(Dictionary<(string, int), SupervisingAuthority> byRegion) => _byRegion = byRegion;

    public static async Task<SupervisorDirectory> LoadAsync(AppDbContext db, IEnumerable<int> seriesIds, CancellationToken ct)
    {
        var series = seriesIds.Distinct().ToList();
        var candidates = await db.Authorities.AsNoTracking()
            .Where(a => a.ApprovedAt != null && series.Contains(a.SeriesId))
            .Select(a => new { a.Id, a.Name, a.RegionCode, a.SeriesId })
            .ToListAsync(ct);
        // Two approved authorities of one series and region: the first registered answers.
        return new SupervisorDirectory(candidates.GroupBy(a => (a.RegionCode, a.SeriesId))
            .ToDictionary(g => g.Key, g => g.OrderBy(a => a.Id).Select(a => new SupervisingAuthority(a.Id, a.Name)).First()));
    }

    /// <summary>The nearest approved authority of the series up the region's chain; null when there is none (or no region).</summary>
    public SupervisingAuthority? For(string? regionCode, int seriesId)
    {
        for (var r = ReferenceCatalog.FindRegion(regionCode); r is not null; r = ReferenceCatalog.FindRegion(r.ParentCode))
        {
            if (_byRegion.TryGetValue((r.Code, seriesId), out var found)) return found;
        }
        return null;
    }
}
