using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Organizations;

public static class AuthorityQueries
{
    /// <summary>
    /// The parents a city or county application may choose (省级 → 市级 → 区县): approved authorities of
    /// the level above, of the same series, whose region holds <paramref name="regionCode"/>.
    /// </summary>
    public static IQueryable<Authority> ParentCandidates(this IQueryable<Authority> authorities, AffiliationLevel level, string regionCode, int seriesId)
    {
        var (parentLevel, parentRegion) = level switch
        {
            AffiliationLevel.City => (AffiliationLevel.Province, ReferenceCatalog.ProvinceCode),
            AffiliationLevel.County => (AffiliationLevel.City, Region.CityOf(regionCode)),
            _ => throw new ArgumentOutOfRangeException(nameof(level), level, "A province-level authority has no parent authority."),
        };
        return authorities.Where(a => a.ApprovedAt != null && a.Level == parentLevel && a.RegionCode == parentRegion && a.SeriesId == seriesId);
    }
}

/// <summary>Who may see one authority's record (and so its 附件材料 and 审批流程).</summary>
internal static class AuthorityAccess
{
    /// <summary>The unit itself, or an authority / the HRSS department whose scope covers it; else <see cref="ScopeException"/>.</summary>
    public static async Task EnsureVisibleAsync(AppDbContext db, Actor actor, int authorityId, CancellationToken ct)
    {
        var authority = await db.Authorities.AsNoTracking()
            .Where(a => a.Id == authorityId)
            .Select(a => new { a.UnitAccountId, Location = new Approvals.SubjectLocation(a.RegionCode, a.SeriesId) })
            .SingleOrDefaultAsync(ct)
            ?? throw new ScopeException();
        await Scope.EnsureCanSeeAsync(db, actor, authority.UnitAccountId, authority.Location, ct: ct);
    }
}
