using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Institutions;
using CeAdmin.Domain.Organizations;
using CeAdmin.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Plans;

public sealed record PlanOwner(int UnitId, UnitKind Kind, string Name, string RegionCode, AffiliationLevel Level);

public sealed record PlanReviewer(int UnitId, string Name, string Step);

/// <summary>
/// Who files and who reviews a plan (1.4.1, 1.4.2): an institution's or employer's plan goes to the
/// authority of its region and series; an authority's own plan goes to the HRSS department.
/// </summary>
public static class PlanRouting
{
    public const string AuthorityStep = "专业课计划审核,行业主管部门";
    public const string HrssStep = "专业课计划审核,人社业务主管部门";

    public static async Task<PlanOwner> OwnerAsync(AppDbContext db, Actor actor, CancellationToken ct)
    {
        switch (actor.UnitKind)
        {
            case UnitKind.Authority:
                var scope = await Scope.ResolveAsync(db, actor, ct);
                var authority = await db.Authorities.AsNoTracking().SingleAsync(a => a.Id == scope.AuthorityId, ct);
                return new PlanOwner(actor.UnitId, UnitKind.Authority, authority.Name, authority.RegionCode, authority.Level);
            case UnitKind.Institution:
                var institution = await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.UnitAccountId == actor.UnitId, ct)
                    ?? throw new DomainException("请先在“机构信息与专业培训资格申请”中填写机构基本信息");
                return new PlanOwner(actor.UnitId, UnitKind.Institution, institution.Name, institution.RegionCode, institution.Level);
            case UnitKind.Employer:
                var unit = await db.UnitAccounts.AsNoTracking().SingleAsync(u => u.Id == actor.UnitId, ct);
                return new PlanOwner(unit.Id, UnitKind.Employer, unit.Name, unit.RegionCode, LevelOf(unit.RegionCode));
            default:
                throw new ScopeException("只有行业主管部门、施教机构和法人单位可以申报专业课计划");
        }
    }

    /// <summary>An institution may file plans only in a series where its qualification is approved.</summary>
    public static async Task EnsureMayFileAsync(AppDbContext db, PlanOwner owner, int seriesId, CancellationToken ct)
    {
        if (owner.Kind == UnitKind.Institution && !(await InstitutionService.ApprovedSeriesAsync(db, owner.UnitId, ct)).Contains(seriesId))
            throw new DomainException($"本机构尚未取得“{ReferenceCatalog.SeriesName(seriesId)}”专业培训资格（须审核通过），不能申报该专业序列的专业课计划");
        if (owner.Kind == UnitKind.Authority)
        {
            var own = await db.Authorities.AsNoTracking().Where(a => a.UnitAccountId == owner.UnitId).Select(a => a.SeriesId).SingleAsync(ct);
            if (own != seriesId) throw new DomainException("行业主管部门只能备案本单位专业序列的专业课计划");
        }
    }

    public static async Task<PlanReviewer> ReviewerAsync(AppDbContext db, PlanOwner owner, int seriesId, CancellationToken ct)
    {
        if (owner.Kind == UnitKind.Authority)
        {
            var hrss = await db.UnitAccounts.AsNoTracking().Where(u => u.Kind == UnitKind.Hrss && u.Status == UnitAccountStatus.Active)
                .OrderBy(u => u.Id).Select(u => new { u.Id, u.Name }).FirstOrDefaultAsync(ct)
                ?? throw new DomainException("人社业务主管部门尚未在本系统注册，暂不能送审");
            return new PlanReviewer(hrss.Id, hrss.Name, HrssStep);
        }
        var reviewer = await QualificationRouting.FindReviewerAsync(db, owner.RegionCode, owner.Level, seriesId, ct)
            ?? throw new DomainException($"本地区尚无“{ReferenceCatalog.SeriesName(seriesId)}”专业序列的行业主管部门，暂不能申报");
        return new PlanReviewer(reviewer.UnitId, reviewer.Name, AuthorityStep);
    }

    private static AffiliationLevel LevelOf(string regionCode) => Region.LevelOf(regionCode) switch
    {
        RegionLevel.Province => AffiliationLevel.Province,
        RegionLevel.City => AffiliationLevel.City,
        _ => AffiliationLevel.County,
    };
}
