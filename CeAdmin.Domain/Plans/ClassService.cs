using CeAdmin.Domain.Audit;
using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Organizations;
using CeAdmin.Domain.Teachers;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Plans;

/// <summary>
/// 培训班情况 of a plan: classes with their head teacher, instructors (选入教师) and subjects.
/// Teachers come from the owner's registry and must be enabled when chosen; one disabled later stays
/// on the classes that already have him.
/// </summary>
public sealed class ClassService(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, AuditLog audit)
{
    private readonly ClassFormValidator _validator = new();

    public async Task<ClassDetail> GetAsync(int planId, int classId, CancellationToken ct = default)
    {
        var actor = await currentUser.RequireUnitAsync();
        await using var db = dbFactory.CreateDbContext();
        var plan = await db.TrainingPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, ct) ?? throw new DomainException("专业课计划不存在");
        var reviewCase = await PlanService.CaseOfAsync(db, planId, ct);
        await PlanQueries.EnsureCanSeeAsync(db, actor, plan, reviewCase, ct);
        var c = await db.TrainingClasses.AsNoTracking().Include(x => x.Subjects).Include(x => x.Instructors)
            .SingleOrDefaultAsync(x => x.Id == classId && x.PlanId == planId, ct) ?? throw new DomainException("培训班不存在");
        var teacherIds = c.Instructors.Select(i => i.TeacherId).ToList();
        // The full ID numbers are for the owner; reviewers and queries see them masked.
        var isOwner = actor.UnitId == plan.OwnerUnitId;
        var instructors = (await db.Teachers.AsNoTracking().Where(t => teacherIds.Contains(t.Id)).OrderBy(t => t.Name)
                .Select(t => new InstructorRow(t.Id, t.Name, t.Title, t.Email, t.Phone, t.IdNumber)).ToListAsync(ct))
            .Select(i => isOwner ? i : i with { IdNumber = IdNumber.Mask(i.IdNumber) }).ToList();
        var form = ClassForm.From(c);
        var idNumber = isOwner ? c.HeadTeacherIdNumber : IdNumber.Mask(c.HeadTeacherIdNumber);
        // The owner sees its teachers' full 公民身份号码: 查看个人信息.
        if (isOwner)
            await audit.RecordAsync(new AuditRecord(AuditEvent.PersonalDataViewed, $"TrainingClass#{c.Id}", new { c.Name, c.HeadTeacherName, Instructors = instructors.Count },
                nameof(TrainingClass), c.Id.ToString()), ct);
        return new ClassDetail(c.Id, plan.Id, plan.Name, plan.OwnerName, form, c.HeadTeacherName, c.HeadTeacherPhone, idNumber, c.HeadTeacherEmail,
            c.HeadTeacherTitle, instructors, reviewCase.IsEditable && isOwner);
    }

    /// <summary>The owner's enabled teachers, for 班主任 and 选入教师.</summary>
    public async Task<IReadOnlyList<InstructorRow>> SelectableTeachersAsync(string? name = null, CancellationToken ct = default)
    {
        var actor = await currentUser.RequireUnitAsync(UnitKind.Authority, UnitKind.Institution, UnitKind.Employer);
        await using var db = dbFactory.CreateDbContext();
        var query = db.Teachers.AsNoTracking().SelectableBy(actor.UnitId);
        if (name?.Trim() is { Length: > 0 } n) query = query.Where(t => t.Name.Contains(n));
        return await query.OrderBy(t => t.Name).Select(t => new InstructorRow(t.Id, t.Name, t.Title, t.Email, t.Phone, t.IdNumber)).ToListAsync(ct);
    }

    public async Task<int> SaveAsync(int planId, int? classId, ClassForm form, CancellationToken ct = default)
    {
        var actor = await currentUser.RequireUnitAsync(UnitKind.Authority, UnitKind.Institution, UnitKind.Employer);
        await _validator.EnsureValidAsync(form, ct);
        await using var db = dbFactory.CreateDbContext();
        var plan = await PlanService.LoadOwnAsync(db, actor, planId, ct);
        (await db.ReviewCases.Of(ReviewKind.TrainingPlan, planId).SingleAsync(ct)).EnsureEditable();
        var start = DateOnly.FromDateTime(form.StudyStart!.Value);
        var end = DateOnly.FromDateTime(form.StudyEnd!.Value);
        if (!PlanRules.InsidePlan(start, end, plan.StartDate, plan.EndDate))
            throw new ValidationFailedException(nameof(form.StudyStart), $"学习时间应在计划时间（{plan.StartDate:yyyy-MM-dd}至{plan.EndDate:yyyy-MM-dd}）之内");

        var trainingClass = classId is null ? new TrainingClass { PlanId = planId }
            : await db.TrainingClasses.Include(c => c.Instructors).Include(c => c.Subjects).SingleOrDefaultAsync(c => c.Id == classId && c.PlanId == planId, ct)
              ?? throw new DomainException("培训班不存在");
        trainingClass.Update(form, await HeadTeacherAsync(db, actor, trainingClass, form, ct));
        if (classId is null) db.TrainingClasses.Add(trainingClass);
        await db.SaveChangesAsync(ct);
        return trainingClass.Id;
    }

    public async Task DeleteAsync(int planId, IReadOnlyCollection<int> classIds, CancellationToken ct = default)
    {
        var actor = await currentUser.RequireUnitAsync(UnitKind.Authority, UnitKind.Institution, UnitKind.Employer);
        await using var db = dbFactory.CreateDbContext();
        await PlanService.LoadOwnAsync(db, actor, planId, ct);
        (await db.ReviewCases.Of(ReviewKind.TrainingPlan, planId).SingleAsync(ct)).EnsureEditable();
        db.TrainingClasses.RemoveRange(await db.TrainingClasses.Where(c => c.PlanId == planId && classIds.Contains(c.Id)).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Newly chosen teachers must be enabled ones of the owner's registry (those kept may have been disabled since); the head teacher is the owner's.</summary>
    private static async Task<Teacher> HeadTeacherAsync(AppDbContext db, Actor actor, TrainingClass trainingClass, ClassForm form, CancellationToken ct)
    {
        var kept = trainingClass.Instructors.Select(i => i.TeacherId).ToHashSet();
        if (trainingClass.HeadTeacherId is { } head) kept.Add(head);
        var wanted = form.InstructorIds.Append(form.HeadTeacherId!.Value).Distinct().ToList();
        var newlyChosen = wanted.Where(id => !kept.Contains(id)).ToList();
        var selectable = await db.Teachers.SelectableBy(actor.UnitId).Where(t => newlyChosen.Contains(t.Id)).Select(t => t.Id).ToListAsync(ct);
        if (newlyChosen.Except(selectable).Any())
            throw new ValidationFailedException(nameof(form.InstructorIds), "只能选择本单位师资库中已启用的教师");

        return await db.Teachers.AsNoTracking().SingleAsync(t => t.Id == form.HeadTeacherId && t.OwnerUnitId == actor.UnitId, ct);
    }
}
