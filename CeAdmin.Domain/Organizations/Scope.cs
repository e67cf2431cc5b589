using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Organizations;

/// <summary>
/// What a signed-in unit may see: a region (by GB/T 2260 code prefix) and, for an authority, one
/// professional series. The one rule every list, detail, export and service method applies.
/// </summary>
public sealed record Scope(int UnitId, string UnitName, UnitKind Kind, string RegionCode, RegionLevel RegionLevel, int? SeriesId, int? AuthorityId)
{
    /// <summary>Every region code inside the scope starts with this.</summary>
    public string RegionPrefix => Region.PrefixOf(RegionCode, RegionLevel);

    public bool CoversRegion(string regionCode) => regionCode.StartsWith(RegionPrefix, StringComparison.Ordinal);

    /// <summary>Null for the HRSS department, which oversees every series.</summary>
    public bool CoversSeries(int seriesId) => SeriesId is null || SeriesId == seriesId;

    public bool Covers(string regionCode, int seriesId) => CoversRegion(regionCode) && CoversSeries(seriesId);

    public bool IsProvinceAuthority => Kind == UnitKind.Authority && RegionLevel == RegionLevel.Province;

    public void EnsureCovers(string regionCode, int seriesId)
    {
        if (!Covers(regionCode, seriesId)) throw new ScopeException();
    }

    /// <summary>
    /// The rule for one record owned by a unit: the owner unit sees it; an authority or the HRSS
    /// department sees it when it lies in their scope (region and series); nobody else does.
    /// </summary>
    public static async Task EnsureCanSeeAsync(AppDbContext db, Actor actor, int ownerUnitId, string regionCode, int seriesId, CancellationToken ct = default)
    {
        if (!actor.IsPersonal && actor.UnitId == ownerUnitId) return;
        if (actor.UnitKind is not (UnitKind.Authority or UnitKind.Hrss)) throw new ScopeException();
        (await ResolveAsync(db, actor, ct)).EnsureCovers(regionCode, seriesId);
    }

    /// <summary>
    /// Resolves the caller's scope from the database on every call, so an approval or a revoked
    /// authorisation takes effect at once. An authority without an approved profile has no scope.
    /// </summary>
    public static async Task<Scope> ResolveAsync(AppDbContext db, Actor actor, CancellationToken ct = default)
    {
        if (actor.IsPersonal) throw new ScopeException("请以单位角色登录后再操作");
        var unit = await db.UnitAccounts.AsNoTracking()
            .Where(u => u.Id == actor.UnitId)
            .Select(u => new { u.Id, u.Name, u.Kind, u.RegionCode })
            .SingleOrDefaultAsync(ct) ?? throw new ScopeException("单位账号不存在");

        if (unit.Kind == UnitKind.Authority)
        {
            var authority = await db.Authorities.AsNoTracking()
                .Where(a => a.UnitAccountId == unit.Id && a.ApprovedAt != null)
                .Select(a => new { a.Id, a.Name, a.RegionCode, a.Level, a.SeriesId })
                .FirstOrDefaultAsync(ct)
                ?? throw new ScopeException("本单位的行业主管角色申请尚未审核通过，暂不能办理该业务");
            return new Scope(unit.Id, authority.Name, unit.Kind, authority.RegionCode, authority.Level.ToRegionLevel(), authority.SeriesId, authority.Id);
        }

        if (unit.Kind == UnitKind.Hrss)
            return new Scope(unit.Id, unit.Name, unit.Kind, "440000", RegionLevel.Province, null, null);

        // Institutions and employers see only their own data; their region is where they are.
        return new Scope(unit.Id, unit.Name, unit.Kind, unit.RegionCode, RegionLevel.County, null, null);
    }
}
