using CeAdmin.Domain.Data;
using CeAdmin.Domain.Organizations;
using CeAdmin.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Institutions;

public sealed record ReviewerAuthority(int AuthorityId, int UnitId, string Name, AffiliationLevel Level);

/// <summary>
/// Which authority reviews an institution's qualification: the approved authority of the series at
/// the institution's own level whose region covers it (a county institution → its county's
/// authority); where that level has none registered, the next level up.
/// </summary>
public static class QualificationRouting
{
    public static async Task<ReviewerAuthority?> FindReviewerAsync(AppDbContext db, string regionCode, AffiliationLevel level, int seriesId, CancellationToken ct)
    {
        var candidates = await db.Authorities.AsNoTracking()
            .Where(a => a.ApprovedAt != null && a.SeriesId == seriesId)
            .Select(a => new { a.Id, a.UnitAccountId, a.Name, a.Level, a.RegionCode })
            .ToListAsync(ct);
        for (var l = level; l >= AffiliationLevel.Province; l--)
        {
            var prefix = Region.PrefixOf(regionCode, l.ToRegionLevel());
            var match = candidates.FirstOrDefault(a => a.Level == l && a.RegionCode.StartsWith(prefix, StringComparison.Ordinal)
                                                       && Region.PrefixOf(a.RegionCode, l.ToRegionLevel()) == prefix);
            if (match is not null) return new ReviewerAuthority(match.Id, match.UnitAccountId, match.Name, match.Level);
        }
        return null;
    }

    public static string StepFor(AffiliationLevel reviewerLevel) =>
        reviewerLevel == AffiliationLevel.Province ? "施教机构专业培训资格审核,省级行业主管部门" : "施教机构专业培训资格审核,市(县、区)行业主管部门";
}
