using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Catalogs;

public sealed record CatalogFilter(string? CourseName = null, int? Year = null);

public sealed record CatalogRow(int Id, string AuthorityName, string SeriesName, DateOnly DeclaredOn, int Year, string CourseNames, int CourseCount, CatalogStatus Status);

public sealed record CatalogDetail(int Id, string AuthorityName, int SeriesId, string SeriesName, DateOnly DeclaredOn, string OperatorName, int Year, CatalogStatus Status, IReadOnlyList<CourseRow> Courses);

public sealed record CourseRow(int Id, string Name, string Content, string? Remarks, bool InUse);

/// <summary>
/// 1.3.1 专业课目录指南发布. Only a province-level authority publishes catalogs, and only for its own
/// series; every method checks that, so a city authority calling the service directly is refused too.
/// </summary>
public sealed class CatalogService(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    private readonly CatalogFormValidator _catalogValidator = new();
    private readonly CourseFormValidator _courseValidator = new();

    public async Task<Page<CatalogRow>> ListAsync(CatalogFilter filter, PageRequest page, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var scope = await RequireProvinceAuthorityAsync(db, ct);
        var query = db.CourseCatalogs.AsNoTracking().Where(c => c.AuthorityId == scope.AuthorityId);
        if (filter.Year is { } year) query = query.Where(c => c.Year == year);
        if (!string.IsNullOrWhiteSpace(filter.CourseName))
            query = query.Where(c => c.Courses.Any(x => x.Name.Contains(filter.CourseName.Trim())));

        var total = await query.CountAsync(ct);
        var sorted = (page.SortBy, page.Descending) switch
        {
            ("Year", false) => query.OrderBy(c => c.Year).ThenBy(c => c.Id),
            ("Year", true) => query.OrderByDescending(c => c.Year).ThenByDescending(c => c.Id),
            ("DeclaredOn", false) => query.OrderBy(c => c.DeclaredOn).ThenBy(c => c.Id),
            _ => query.OrderByDescending(c => c.DeclaredOn).ThenByDescending(c => c.Id),
        };
        var rows = await sorted.PageBy(page)
            .Select(c => new
            {
                c.Id, c.DeclaredOn, c.Year, c.Status,
                Authority = db.Authorities.Where(a => a.Id == c.AuthorityId).Select(a => a.Name).First(),
                Series = db.Series.Where(s => s.Id == c.SeriesId).Select(s => s.Name).First(),
                Courses = c.Courses.OrderBy(x => x.Id).Select(x => x.Name).Take(3).ToList(),
                Count = c.Courses.Count,
            })
            .ToListAsync(ct);
        return new Page<CatalogRow>(rows.Select(r => new CatalogRow(r.Id, r.Authority, r.Series, r.DeclaredOn, r.Year,
            string.Join("、", r.Courses) + (r.Count > 3 ? $" 等{r.Count}门" : ""), r.Count, r.Status)).ToList(), total);
    }

    public async Task<CatalogDetail> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var scope = await RequireProvinceAuthorityAsync(db, ct);
        var c = await db.CourseCatalogs.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new
            {
                x.Id, x.AuthorityId, x.SeriesId, x.DeclaredOn, x.OperatorName, x.Year, x.Status,
                Authority = db.Authorities.Where(a => a.Id == x.AuthorityId).Select(a => a.Name).First(),
                Series = db.Series.Where(s => s.Id == x.SeriesId).Select(s => s.Name).First(),
                Courses = x.Courses.OrderBy(k => k.Id)
                    .Select(k => new CourseRow(k.Id, k.Name, k.Content, k.Remarks, db.TrainingPlans.Any(p => p.CatalogCourseId == k.Id)))
                    .ToList(),
            })
            .SingleOrDefaultAsync(ct) ?? throw new DomainException("专业课目录不存在");
        if (c.AuthorityId != scope.AuthorityId) throw new ScopeException();
        return new CatalogDetail(c.Id, c.Authority, c.SeriesId, c.Series, c.DeclaredOn, c.OperatorName, c.Year, c.Status, c.Courses);
    }

    /// <summary>保存 of 基本信息: creates the catalog (id null) or updates it.</summary>
    public async Task<int> SaveAsync(int? id, CatalogForm form, CancellationToken ct = default)
    {
        await _catalogValidator.EnsureValidAsync(form, ct);
        await using var db = dbFactory.CreateDbContext();
        var scope = await RequireProvinceAuthorityAsync(db, ct);
        if (!scope.CoversSeries(form.SeriesId!.Value))
            throw new ValidationFailedException(nameof(form.SeriesId), "只能发布本单位专业序列的专业课目录");
        if (await db.CourseCatalogs.AnyAsync(c => c.AuthorityId == scope.AuthorityId && c.SeriesId == form.SeriesId && c.Year == form.Year && c.Id != id, ct))
            throw new ValidationFailedException(nameof(form.Year), $"{form.Year}年度该专业序列的专业课目录已存在，请在原目录中维护");

        var catalog = id is null ? new CourseCatalog { AuthorityId = scope.AuthorityId!.Value, CreatedAt = clock.GetUtcNow().UtcDateTime }
            : await LoadOwnAsync(db, id.Value, scope, ct);
        if (id is not null && catalog.Status == CatalogStatus.Published && (catalog.SeriesId != form.SeriesId || catalog.Year != form.Year))
            throw new DomainException("目录已发布，专业序列和年度不能再修改");
        catalog.Update(form);
        if (id is null) db.CourseCatalogs.Add(catalog);
        await db.SaveChangesAsync(ct);
        return catalog.Id;
    }

    /// <summary>专业添加 → 保存: adds (courseId null) or edits one course.</summary>
    public async Task<int> SaveCourseAsync(int catalogId, int? courseId, CourseForm form, CancellationToken ct = default)
    {
        await _courseValidator.EnsureValidAsync(form, ct);
        await using var db = dbFactory.CreateDbContext();
        var scope = await RequireProvinceAuthorityAsync(db, ct);
        var catalog = await LoadOwnAsync(db, catalogId, scope, ct);
        var name = form.Name.Trim();
        if (await db.CatalogCourses.AnyAsync(c => c.CatalogId == catalogId && c.Name == name && c.Id != courseId, ct))
            throw new ValidationFailedException(nameof(form.Name), $"目录中已有专业课“{name}”");
        var course = courseId is null ? new CatalogCourse { CatalogId = catalog.Id }
            : await db.CatalogCourses.SingleOrDefaultAsync(c => c.Id == courseId && c.CatalogId == catalogId, ct) ?? throw new DomainException("专业课不存在");
        course.Update(form);
        if (courseId is null) db.CatalogCourses.Add(course);
        await db.SaveChangesAsync(ct);
        return course.Id;
    }

    /// <summary>A published course that a plan uses stays: plans and records refer to it.</summary>
    public async Task DeleteCourseAsync(int catalogId, int courseId, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var scope = await RequireProvinceAuthorityAsync(db, ct);
        await LoadOwnAsync(db, catalogId, scope, ct);
        var course = await db.CatalogCourses.SingleOrDefaultAsync(c => c.Id == courseId && c.CatalogId == catalogId, ct)
            ?? throw new DomainException("专业课不存在");
        if (await db.TrainingPlans.AnyAsync(p => p.CatalogCourseId == courseId, ct))
            throw new DomainException($"专业课“{course.Name}”已被专业课计划使用，不能删除");
        db.CatalogCourses.Remove(course);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>确认: publishes the catalog so that its courses can be chosen for plans of its series and year.</summary>
    public async Task PublishAsync(int catalogId, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var scope = await RequireProvinceAuthorityAsync(db, ct);
        var catalog = await LoadOwnAsync(db, catalogId, scope, ct);
        if (catalog.Status == CatalogStatus.Published) throw new DomainException("该专业课目录已发布");
        if (!await db.CatalogCourses.AnyAsync(c => c.CatalogId == catalogId, ct))
            throw new DomainException("请先在专业列表中新增至少一门专业课，再确认发布");
        catalog.Status = CatalogStatus.Published;
        catalog.PublishedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    private async Task<Scope> RequireProvinceAuthorityAsync(AppDbContext db, CancellationToken ct)
    {
        var scope = await currentUser.RequireScopeAsync(db, ct, UnitKind.Authority);
        if (!scope.IsProvinceAuthority) throw new ScopeException("专业课目录指南发布只有省级行业主管部门才能办理");
        return scope;
    }

    private static async Task<CourseCatalog> LoadOwnAsync(AppDbContext db, int id, Scope scope, CancellationToken ct)
    {
        var catalog = await db.CourseCatalogs.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new DomainException("专业课目录不存在");
        if (catalog.AuthorityId != scope.AuthorityId) throw new ScopeException();
        return catalog;
    }
}
