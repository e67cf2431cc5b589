using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Organizations;

/// <summary>
/// Something that lies in one region (GB/T 2260 code) and one professional series: the shape the scope
/// rule applies to (plans, authorities, qualifications, records, a case's subject).
/// </summary>
public interface IScoped
{
    string RegionCode { get; }
    int SeriesId { get; }
}

/// <summary>
/// What a signed-in unit may see: a region (by GB/T 2260 code prefix) and, for an authority, one
/// professional series. The one rule every list, detail, export and service method applies:
/// <see cref="ScopeQueries.VisibleTo{T}"/> for queries, <see cref="EnsureCovers"/> and
/// <see cref="EnsureCanSeeAsync"/> for one record, and <see cref="ScopeQueries.RequireScopeAsync"/> to
/// resolve the caller's scope.
/// </summary>
public sealed record Scope(int UnitId, string UnitName, UnitKind Kind, string RegionCode, RegionLevel RegionLevel, int? SeriesId, int? AuthorityId)
{
    /// <summary>Every region code inside the scope starts with this.</summary>
    public string RegionPrefix => Region.PrefixOf(RegionCode, RegionLevel);

    public bool CoversRegion(string regionCode) => regionCode.StartsWith(RegionPrefix, StringComparison.Ordinal);

    /// <summary>Null for the HRSS department, which oversees every series.</summary>
    public bool CoversSeries(int seriesId) => SeriesId is null || SeriesId == seriesId;

    public bool Covers(string regionCode, int seriesId) => CoversRegion(regionCode) && CoversSeries(seriesId);

    public bool Covers(IScoped subject) => Covers(subject.RegionCode, subject.SeriesId);

    /// <summary>
    /// The region prefix a query must match, or null when the scope is the whole province: every region
    /// code in the system is one of Guangdong's (they come from the shipped GB/T 2260 list), so a
    /// province-wide scope adds no condition.
    /// </summary>
    public string? RegionCondition => RegionLevel == RegionLevel.Province ? null : RegionPrefix;

    public bool IsProvinceAuthority => Kind == UnitKind.Authority && RegionLevel == RegionLevel.Province;

    public void EnsureCovers(string regionCode, int seriesId)
    {
        if (!Covers(regionCode, seriesId)) throw new ScopeException();
    }

    public void EnsureCovers(IScoped subject) => EnsureCovers(subject.RegionCode, subject.SeriesId);

    /// <summary>
    /// The rule for one record owned by a unit: the owner unit sees it, and so does the reviewing unit of
    /// its case when one is given; an authority or the HRSS department sees it when it lies in their scope
    /// (region and series); nobody else does.
    /// </summary>
    public static async Task EnsureCanSeeAsync(AppDbContext db, Actor actor, int ownerUnitId, IScoped subject, int? reviewingUnitId = null, CancellationToken ct = default)
    {
        if (!actor.IsPersonal && (actor.UnitId == ownerUnitId || actor.UnitId == reviewingUnitId)) return;
        if (actor.UnitKind is not (UnitKind.Authority or UnitKind.Hrss)) throw new ScopeException();
        (await ResolveAsync(db, actor, ct)).EnsureCovers(subject);
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

public static class ScopeQueries
{
    /// <summary>
    /// The caller's scope, the one way every service method gets it: the caller must act for a unit of
    /// one of <paramref name="kinds"/> (any unit when none are given), and the scope is read from the
    /// database (<see cref="Scope.ResolveAsync"/>).
    /// </summary>
    public static async Task<Scope> RequireScopeAsync(this ICurrentUser user, AppDbContext db, CancellationToken ct, params UnitKind[] kinds) =>
        await Scope.ResolveAsync(db, await user.RequireUnitAsync(kinds), ct);

    /// <summary>The rows inside <paramref name="scope"/>: its region (by code prefix) and, for an authority, its series.</summary>
    /// <remarks>
    /// The region compares a prefix as a substring rather than with StartsWith: the same plan, but EF builds
    /// a LIKE pattern per execution for StartsWith, which on the records table measured more than the query
    /// itself (docs/benchmarks.md).
    /// </remarks>
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> rows, Scope scope) where T : class, IScoped
    {
        if (scope.RegionCondition is { } prefix) rows = rows.Where(r => r.RegionCode.Substring(0, prefix.Length) == prefix);
        return scope.SeriesId is { } series ? rows.Where(r => r.SeriesId == series) : rows;
    }

    /// <summary>The rows in a region and below it (the province: all); a filter inside the scope, not the scope itself.</summary>
    public static IQueryable<T> InRegion<T>(this IQueryable<T> rows, string regionCode) where T : class, IScoped
    {
        var region = ReferenceCatalog.FindRegion(regionCode) ?? throw new DomainException("行政区划不存在");
        if (region.Level == RegionLevel.Province) return rows;
        var prefix = Region.PrefixOf(region.Code, region.Level);
        return rows.Where(r => r.RegionCode.Substring(0, prefix.Length) == prefix);
    }
}
