using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Catalogs;

public sealed record PublishedCourseFilter(string? AuthorityName = null, int? SeriesId = null, string? CourseName = null, int? Year = null);

/// <summary>序号, 专业名称, 专业系列, 年度, 行业部门(行业组织) of the plan form's course picker.</summary>
public sealed record PublishedCourseRow(int Id, string Name, int SeriesId, string SeriesName, int Year, string AuthorityName, string Content);

/// <summary>
/// The courses of published catalogs, which any signed-in unit may choose for a plan. Catalogs are
/// public guidance of the province, so no region scope applies here; plans are scoped when filed.
/// </summary>
public sealed class PublishedCourses(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser)
{
    public async Task<Page<PublishedCourseRow>> SearchAsync(PublishedCourseFilter filter, PageRequest page, CancellationToken ct = default)
    {
        await currentUser.RequireUnitAsync();
        await using var db = dbFactory.CreateDbContext();
        var query =
            from c in db.CatalogCourses.AsNoTracking()
            join k in db.CourseCatalogs on c.CatalogId equals k.Id
            join a in db.Authorities on k.AuthorityId equals a.Id
            join s in db.Series on k.SeriesId equals s.Id
            where k.Status == CatalogStatus.Published
            select new { c.Id, c.Name, k.SeriesId, SeriesName = s.Name, k.Year, AuthorityName = a.Name, c.Content };
        if (filter.SeriesId is { } series) query = query.Where(r => r.SeriesId == series);
        if (filter.Year is { } year) query = query.Where(r => r.Year == year);
        if (!string.IsNullOrWhiteSpace(filter.CourseName)) query = query.Where(r => r.Name.Contains(filter.CourseName.Trim()));
        if (!string.IsNullOrWhiteSpace(filter.AuthorityName)) query = query.Where(r => r.AuthorityName.Contains(filter.AuthorityName.Trim()));
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(r => r.Year).ThenBy(r => r.Id).PageBy(page)
            .Select(r => new PublishedCourseRow(r.Id, r.Name, r.SeriesId, r.SeriesName, r.Year, r.AuthorityName, r.Content))
            .ToListAsync(ct);
        return new Page<PublishedCourseRow>(rows, total);
    }
}
