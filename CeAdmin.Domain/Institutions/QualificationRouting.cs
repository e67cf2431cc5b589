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
    public static async Task<ReviewerAuthority?> FindReviewerAsync(AppDbContext db, string regionCode, AffiliationLevel level, int seriesId, CancellationToken ct) =>
        Reviewer(await CandidatesAsync(db, seriesId, ct), regionCode, level);

    /// <summary>The series an institution of <paramref name="regionCode"/> and <paramref name="level"/> can apply for: those with a reviewer.</summary>
    public static async Task<IReadOnlyList<int>> ReviewableSeriesAsync(AppDbContext db, string regionCode, AffiliationLevel level, CancellationToken ct)
    {
        var candidates = await CandidatesAsync(db, null, ct);
        return candidates.Select(a => a.SeriesId).Distinct()
            .Where(series => Reviewer(candidates.Where(a => a.SeriesId == series).ToList(), regionCode, level) is not null)
            .Order().ToList();
    }

    private sealed record Candidate(int Id, int UnitAccountId, string Name, AffiliationLevel Level, string RegionCode, int SeriesId);

    private static Task<List<Candidate>> CandidatesAsync(AppDbContext db, int? seriesId, CancellationToken ct) =>
        db.Authorities.AsNoTracking()
            .Where(a => a.ApprovedAt != null && (seriesId == null || a.SeriesId == seriesId))
            .Select(a => new Candidate(a.Id, a.UnitAccountId, a.Name, a.Level, a.RegionCode, a.SeriesId))
            .ToListAsync(ct);

    private static ReviewerAuthority? Reviewer(List<Candidate> candidates, string regionCode, AffiliationLevel level)
    {
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
