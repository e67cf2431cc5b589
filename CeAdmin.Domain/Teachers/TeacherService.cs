using CeAdmin.Domain.Audit;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Teachers;

/// <summary>The grid's filter: 姓名 (contains) and 状态 (null: all).</summary>
public sealed record TeacherFilter(string? Name = null, bool? Enabled = null);

/// <summary>A grid row; the ID number is masked (the full one only in the edit form).</summary>
public sealed record TeacherRow(int Id, string Name, Gender Gender, string MaskedIdNumber, string Phone, string Courses, string Title, bool Enabled);

/// <summary>A teacher that a plan's class form may choose as instructor or head teacher.</summary>
public sealed record TeacherOption(int Id, string Name, Gender Gender, string Title, string Phone, string Email);

public enum TeacherDeletion { Deleted, DisabledInstead }

public static class TeacherDeletionExtensions
{
    public static string ToMessage(this TeacherDeletion result) => result switch
    {
        TeacherDeletion.Deleted => "教师信息已删除",
        TeacherDeletion.DisabledInstead => "该教师已被培训班选用，不能删除，已为您改为禁用",
        _ => throw new ArgumentOutOfRangeException(nameof(result), result, null),
    };
}

public static class TeacherQueries
{
    /// <summary>The one rule of who can be chosen for a class: an enabled teacher of the unit's own registry.</summary>
    public static IQueryable<Teacher> SelectableBy(this IQueryable<Teacher> teachers, int ownerUnitId) =>
        teachers.Where(t => t.OwnerUnitId == ownerUnitId && t.Enabled);
}

/// <summary>
/// 师资信息维护 (1.6.1): each unit that files plans (an authority, an institution or an employer)
/// keeps its own registry, from which its classes choose teachers; no other unit sees or changes it.
/// </summary>
public sealed class TeacherService(
    IDbContextFactory<AppDbContext> dbFactory,
    ICurrentUser currentUser,
    TimeProvider clock,
    IEnumerable<ITeacherUsage> usages,
    AuditLog audit)
{
    private static readonly UnitKind[] Owners = [UnitKind.Authority, UnitKind.Institution, UnitKind.Employer];
    private readonly TeacherFormValidator _validator = new();

    public async Task<Page<TeacherRow>> ListAsync(TeacherFilter filter, PageRequest page, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var scope = await currentUser.RequireScopeAsync(db, ct, Owners);
        var query = db.Teachers.AsNoTracking().Where(t => t.OwnerUnitId == scope.UnitId);
        if (filter.Name?.Trim() is { Length: > 0 } name) query = query.Where(t => t.Name.Contains(name));
        if (filter.Enabled is { } enabled) query = query.Where(t => t.Enabled == enabled);

        var total = await query.CountAsync(ct);
        var items = await Sort(query, page)
            .PageBy(page)
            .Select(t => new TeacherRow(t.Id, t.Name, t.Gender, IdNumber.Mask(t.IdNumber), t.Phone, t.Courses, t.Title, t.Enabled))
            .ToListAsync(ct);
        return new Page<TeacherRow>(items, total);
    }

    /// <summary>The one place that shows the full ID number: the edit form of one's own teacher. Its opening is audited (查看个人信息), a refusal too.</summary>
    public Task<TeacherForm> GetForEditAsync(int id, CancellationToken ct = default) =>
        audit.RefusalsOfAsync(new AuditRecord(AuditEvent.PersonalDataViewed, $"Teacher#{id}", Entity: nameof(Teacher), EntityKey: id.ToString()), async () =>
        {
            await using var db = dbFactory.CreateDbContext();
            var scope = await currentUser.RequireScopeAsync(db, ct, Owners);
            var teacher = await FindOwnAsync(db, scope, id, tracking: false, ct);
            await audit.RecordAsync(new AuditRecord(AuditEvent.PersonalDataViewed, $"Teacher#{id}", new { teacher.Name }, nameof(Teacher), id.ToString()), ct);
            return TeacherForm.From(teacher);
        }, ct);

    /// <summary>A new teacher is enabled at once: he is entered to be chosen for classes.</summary>
    public async Task<int> CreateAsync(TeacherForm form, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var scope = await currentUser.RequireScopeAsync(db, ct, Owners);
        await _validator.EnsureValidAsync(form, ct);
        var teacher = new Teacher { OwnerUnitId = scope.UnitId, Enabled = true, CreatedAt = clock.GetUtcNow().UtcDateTime };
        teacher.Update(form);
        await EnsureUniqueIdNumberAsync(db, teacher, ct);
        db.Teachers.Add(teacher);
        await SaveAsync(db, teacher, ct);
        return teacher.Id;
    }

    public async Task UpdateAsync(int id, TeacherForm form, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var scope = await currentUser.RequireScopeAsync(db, ct, Owners);
        var teacher = await FindOwnAsync(db, scope, id, tracking: true, ct);
        await _validator.EnsureValidAsync(form, ct);
        teacher.Update(form);
        await EnsureUniqueIdNumberAsync(db, teacher, ct);
        await SaveAsync(db, teacher, ct);
    }

    public Task EnableAsync(int id, CancellationToken ct = default) => SetEnabledAsync(id, true, ct);

    /// <summary>A disabled teacher can no longer be chosen, but stays on the classes that already have him.</summary>
    public Task DisableAsync(int id, CancellationToken ct = default) => SetEnabledAsync(id, false, ct);

    /// <summary>A teacher whom something uses is disabled instead, in the same save, and the result says so.</summary>
    public async Task<TeacherDeletion> DeleteAsync(int id, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var scope = await currentUser.RequireScopeAsync(db, ct, Owners);
        var teacher = await FindOwnAsync(db, scope, id, tracking: true, ct);
        foreach (var usage in usages)
        {
            if (!await usage.IsInUseAsync(db, id, ct)) continue;
            teacher.Enabled = false;
            await db.SaveChangesAsync(ct);
            return TeacherDeletion.DisabledInstead;
        }

        db.Teachers.Remove(teacher);
        await db.SaveChangesAsync(ct);
        return TeacherDeletion.Deleted;
    }

    /// <summary>The picker of later class forms: enabled teachers of the caller's registry, by name.</summary>
    public async Task<IReadOnlyList<TeacherOption>> EnabledTeachersAsync(string? name = null, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var scope = await currentUser.RequireScopeAsync(db, ct, Owners);
        var query = db.Teachers.AsNoTracking().SelectableBy(scope.UnitId);
        if (name?.Trim() is { Length: > 0 } n) query = query.Where(t => t.Name.Contains(n));
        return await query.OrderBy(t => t.Name).ThenBy(t => t.Id)
            .Select(t => new TeacherOption(t.Id, t.Name, t.Gender, t.Title, t.Phone, t.Email))
            .ToListAsync(ct);
    }

    private async Task SetEnabledAsync(int id, bool enabled, CancellationToken ct)
    {
        await using var db = dbFactory.CreateDbContext();
        var scope = await currentUser.RequireScopeAsync(db, ct, Owners);
        var teacher = await FindOwnAsync(db, scope, id, tracking: true, ct);
        if (teacher.Enabled == enabled) return;
        teacher.Enabled = enabled;
        await db.SaveChangesAsync(ct);
    }


    private static async Task<Teacher> FindOwnAsync(AppDbContext db, Scope scope, int id, bool tracking, CancellationToken ct)
    {
        var query = tracking ? db.Teachers : db.Teachers.AsNoTracking();
        var teacher = await query.SingleOrDefaultAsync(t => t.Id == id, ct)
            ?? throw new DomainException("该教师不存在，可能已被删除");
        if (teacher.OwnerUnitId != scope.UnitId) throw new ScopeException("该教师不属于本单位的师资库，无权查看或修改");
        return teacher;
    }

    private static async Task EnsureUniqueIdNumberAsync(AppDbContext db, Teacher teacher, CancellationToken ct)
    {
        var existing = await db.Teachers.AsNoTracking()
            .Where(t => t.OwnerUnitId == teacher.OwnerUnitId && t.IdNumber == teacher.IdNumber && t.Id != teacher.Id)
            .Select(t => t.Name)
            .FirstOrDefaultAsync(ct);
        if (existing is not null)
            throw new ValidationFailedException(nameof(TeacherForm.IdNumber), $"该公民身份号码已登记为本单位的教师“{existing}”，不能重复添加");
    }

    /// <summary>Two operators entering the same person at once: the unique index refuses the second, with the same message.</summary>
    private static async Task SaveAsync(AppDbContext db, Teacher teacher, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            await EnsureUniqueIdNumberAsync(db, teacher, ct);
            throw;
        }
    }

    // Explicit keys only: the grid's column names never reach the query as strings.
    private static IQueryable<Teacher> Sort(IQueryable<Teacher> query, PageRequest page)
    {
        var desc = page.Descending;
        var sorted = page.SortBy switch
        {
            nameof(TeacherRow.Name) => desc ? query.OrderByDescending(t => t.Name) : query.OrderBy(t => t.Name),
            nameof(TeacherRow.Gender) => desc ? query.OrderByDescending(t => t.Gender) : query.OrderBy(t => t.Gender),
            nameof(TeacherRow.Phone) => desc ? query.OrderByDescending(t => t.Phone) : query.OrderBy(t => t.Phone),
            nameof(TeacherRow.Title) => desc ? query.OrderByDescending(t => t.Title) : query.OrderBy(t => t.Title),
            nameof(TeacherRow.Enabled) => desc ? query.OrderByDescending(t => t.Enabled) : query.OrderBy(t => t.Enabled),
            _ => query.OrderByDescending(t => t.CreatedAt),
        };
        return sorted.ThenByDescending(t => t.Id);
    }
}
