using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Organizations;

/// <summary>行业主管基本信息 as every read-only panel shows it (单位基本信息, 行业主管单位详细信息).</summary>
public sealed record AuthorityDetail(
    int Id,
    string Name,
    string CodeType,
    string Code,
    string Nature,
    AffiliationLevel Level,
    string SeriesName,
    string RegionName,
    string ReviewingOrgName,
    string ContactName,
    string OfficePhone,
    string Mobile,
    string Email,
    string PostalCode,
    string Address,
    string Functions,
    bool IsApproved)
{
    /// <summary>The label of <see cref="ReviewingOrgName"/>: a province-level authority answers to the HRSS department.</summary>
    public string ReviewingOrgLabel => Level == AffiliationLevel.Province ? "人社业务主管部门" : "上一级行业主管部门";

    internal static AuthorityDetail From(Authority a, string reviewingOrgName) => new(
        a.Id, a.Name, a.CodeType.ToLabel(), a.Code, a.Nature, a.Level, ReferenceCatalog.SeriesName(a.SeriesId),
        ReferenceCatalog.RegionName(a.RegionCode), reviewingOrgName, a.ContactName, a.OfficePhone, a.Mobile, a.Email,
        a.PostalCode, a.Address, a.Functions, a.IsApproved);
}

/// <summary>The signed-in authority's own profile for 1.2.2: the read-only detail and the editable contact fields.</summary>
public sealed record OwnAuthority(AuthorityDetail Detail, AuthorityContactForm Contact);

/// <summary>The filter of 行业主管查询 (1.7.4): 行业主管(组织)名称 contains.</summary>
public sealed record AuthoritySearchFilter(string? Name = null);

/// <summary>A row of 行业主管查询 (1.7.4).</summary>
public sealed record SubordinateAuthorityRow(int Id, string RegionCode, string Name, string Code, string ContactName, string Phone, string Address)
{
    /// <summary>所属行政区域.</summary>
    public string RegionName => ReferenceCatalog.RegionName(RegionCode);

    public static readonly IReadOnlyList<Exports.ExportColumn<SubordinateAuthorityRow>> ExportColumns = Exports.ExportColumns.For<SubordinateAuthorityRow>()
        .Text("所属行政区域", r => r.RegionName, 22).Text("行业主管(组织)名称", r => r.Name, 30).Text("行业主管(组织)代码", r => r.Code, 22)
        .Text("联系人", r => r.ContactName, 12).Text("联系电话", r => r.Phone, 16).Text("行业主管(组织)详细地址", r => r.Address, 40).Build();
}

/// <summary>
/// Approved authorities: 行业主管部门信息维护 (1.2.2, contact fields without review; the audit
/// interceptor logs every change), 行业主管查询 (1.7.4) and the read-only detail any page opens by id.
/// </summary>
public sealed class AuthorityService(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser)
{
    private readonly AuthorityContactFormValidator _contactValidator = new();

    public async Task<OwnAuthority> GetMineAsync(CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var scope = await currentUser.RequireScopeAsync(db, ct, UnitKind.Authority);
        var authority = await db.Authorities.AsNoTracking().SingleAsync(a => a.Id == scope.AuthorityId, ct);
        return new OwnAuthority(await DetailAsync(db, authority, ct), AuthorityContactForm.From(authority));
    }

    /// <summary>保存 of 1.2.2: only the contact fields change; the defining fields need a new application.</summary>
    public async Task SaveContactAsync(AuthorityContactForm form, CancellationToken ct = default)
    {
        await currentUser.RequireUnitAsync(UnitKind.Authority);
        await _contactValidator.EnsureValidAsync(form, ct);
        await using var db = dbFactory.CreateDbContext();
        var scope = await currentUser.RequireScopeAsync(db, ct, UnitKind.Authority);
        var authority = await db.Authorities.SingleAsync(a => a.Id == scope.AuthorityId, ct);
        authority.UpdateContact(form);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>One authority's detail, opened by id: refused unless the caller may see it.</summary>
    public async Task<AuthorityDetail> GetAsync(int authorityId, CancellationToken ct = default)
    {
        var actor = await currentUser.RequireUnitAsync();
        await using var db = dbFactory.CreateDbContext();
        await AuthorityAccess.EnsureVisibleAsync(db, actor, authorityId, ct);
        var authority = await db.Authorities.AsNoTracking().SingleAsync(a => a.Id == authorityId, ct);
        return await DetailAsync(db, authority, ct);
    }

    /// <summary>行业主管查询: the approved authorities below the caller's level, in its region and series.</summary>
    public async Task<Page<SubordinateAuthorityRow>> SubordinatesAsync(AuthoritySearchFilter filter, PageRequest page, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var query = Subordinates(db, await currentUser.RequireScopeAsync(db, ct, UnitKind.Authority), filter);
        var total = await query.CountAsync(ct);
        var rows = await SortSubordinates(query, page).PageBy(page).Select(SubordinateRow).ToListAsync(ct);
        return new Page<SubordinateAuthorityRow>(rows, total);
    }

    /// <summary>导出Excel of 行业主管查询: every row of the filter, streamed.</summary>
    public async Task ExportSubordinatesAsync(AuthoritySearchFilter filter, Stream output, IProgress<int>? progress, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var rows = SortSubordinates(Subordinates(db, await currentUser.RequireScopeAsync(db, ct, UnitKind.Authority), filter), new PageRequest()).Select(SubordinateRow).AsAsyncEnumerable();
        await Exports.ExcelExporter.WriteAsync(output, rows, SubordinateAuthorityRow.ExportColumns, "行业主管查询", progress, ct);
    }

    private static IQueryable<Authority> Subordinates(AppDbContext db, Scope scope, AuthoritySearchFilter filter)
    {
        var lower = Enum.GetValues<AffiliationLevel>().Where(l => l.ToRegionLevel() > scope.RegionLevel).ToList();
        var query = db.Authorities.AsNoTracking().VisibleTo(scope).Where(a => a.ApprovedAt != null && lower.Contains(a.Level));
        return filter.Name?.Trim() is { Length: > 0 } name ? query.Where(a => a.Name.Contains(name)) : query;
    }

    private static IOrderedQueryable<Authority> SortSubordinates(IQueryable<Authority> query, PageRequest page)
    {
        var desc = page.Descending;
        var sorted = page.SortBy switch
        {
            nameof(SubordinateAuthorityRow.RegionName) => query.OrderBy(a => a.RegionCode, desc),
            nameof(SubordinateAuthorityRow.Name) => query.OrderBy(a => a.Name, desc),
            nameof(SubordinateAuthorityRow.Code) => query.OrderBy(a => a.Code, desc),
            nameof(SubordinateAuthorityRow.ContactName) => query.OrderBy(a => a.ContactName, desc),
            _ => query.OrderBy(a => a.RegionCode),
        };
        return sorted.ThenBy(a => a.Id);
    }

    private static readonly System.Linq.Expressions.Expression<Func<Authority, SubordinateAuthorityRow>> SubordinateRow =
        a => new SubordinateAuthorityRow(a.Id, a.RegionCode, a.Name, a.Code, a.ContactName, a.Mobile, a.Address);

    private static async Task<AuthorityDetail> DetailAsync(AppDbContext db, Authority authority, CancellationToken ct)
    {
        var reviewingOrg = await db.ReviewCases.AsNoTracking()
            .Of(ReviewKind.AuthorityApplication, authority.Id)
            .Select(c => c.ReviewingUnitName)
            .FirstOrDefaultAsync(ct);
        return AuthorityDetail.From(authority, reviewingOrg ?? "");
    }
}
