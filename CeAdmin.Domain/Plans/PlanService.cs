using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Catalogs;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Organizations;
using CeAdmin.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Plans;

/// <summary>
/// Filing a 专业课计划 (1.4.2 for authorities; the same form for institutions and employers): the
/// plan, its classes, then 送审 — after which the plan is read-only for its owner until a 退案.
/// </summary>
public sealed class PlanService(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    public const string OwnerType = "TrainingPlan";
    private static readonly UnitKind[] Filers = [UnitKind.Authority, UnitKind.Institution, UnitKind.Employer];

    public async Task<Page<PlanRow>> MyPlansAsync(PlanFilter filter, PageRequest page, CancellationToken ct = default)
    {
        var actor = await currentUser.RequireUnitAsync(Filers);
        await using var db = dbFactory.CreateDbContext();
        return await PlanQueries.PageAsync(db, PlanQueries.Rows(db).Where(r => r.OwnerUnitId == actor.UnitId), filter, page, ct);
    }

    /// <summary>The per-year hours rules, for the form's hint and its own check before 保存.</summary>
    public async Task<HoursRuleBook> HoursRulesAsync(CancellationToken ct = default)
    {
        await currentUser.RequireUnitAsync(Filers);
        await using var db = dbFactory.CreateDbContext();
        return await HoursRuleBook.LoadAsync(db, ct);
    }

    /// <summary>The plan as its owner, its reviewer or an authority in scope sees it.</summary>
    public async Task<PlanDetail> GetAsync(int planId, CancellationToken ct = default)
    {
        var actor = await currentUser.RequireUnitAsync();
        await using var db = dbFactory.CreateDbContext();
        var plan = await db.TrainingPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, ct) ?? throw new DomainException("专业课计划不存在");
        var reviewCase = await CaseOfAsync(db, planId, ct);
        await PlanQueries.EnsureCanSeeAsync(db, actor, plan, reviewCase, ct);
        return await PlanQueries.DetailAsync(db, actor, plan, reviewCase, ct);
    }

    /// <summary>保存 of 基本信息: creates the plan and its (draft) case together, or updates a plan still editable.</summary>
    public async Task<int> SaveAsync(int? planId, PlanForm form, CancellationToken ct = default)
    {
        var actor = await currentUser.RequireUnitAsync(Filers);
        return await dbFactory.InTransactionAsync(async (db, ct) =>
        {
            await new PlanFormValidator(await HoursRuleBook.LoadAsync(db, ct), clock).EnsureValidAsync(form, ct);
            var owner = await PlanRouting.OwnerAsync(db, actor, ct);
            var course = await (from c in db.CatalogCourses join k in db.CourseCatalogs on c.CatalogId equals k.Id
                                where c.Id == form.CatalogCourseId && k.Status == CatalogStatus.Published
                                select new { c.Id, k.SeriesId, k.Year }).SingleOrDefaultAsync(ct)
                ?? throw new ValidationFailedException(nameof(form.CatalogCourseId), "请从已发布的专业课目录中选择专业课程");
            if (course.Year != form.Year)
                throw new ValidationFailedException(nameof(form.Year), $"所选专业课属于{course.Year}年度目录，计划年度应为{course.Year}");
            await PlanRouting.EnsureMayFileAsync(db, owner, course.SeriesId, ct);
            var reviewer = await PlanRouting.ReviewerAsync(db, owner, course.SeriesId, ct);
            var now = clock.GetUtcNow().UtcDateTime;

            TrainingPlan plan;
            if (planId is null)
            {
                plan = new TrainingPlan { OwnerUnitId = owner.UnitId, OwnerKind = owner.Kind, CreatedAt = now };
            }
            else
            {
                plan = await LoadOwnAsync(db, actor, planId.Value, ct);
                var reviewCase = await db.ReviewCases.Of(ReviewKind.TrainingPlan, plan.Id).SingleAsync(ct);
                reviewCase.EnsureEditable();
                reviewCase.Reroute(reviewer.UnitId, reviewer.Name, reviewer.Step);
                await EnsureClassesInsideAsync(db, plan.Id, form, ct);
            }
            plan.Update(form, owner, course.Id, course.SeriesId);
            if (planId is null)
                await db.AddWithCaseAsync(plan, p => ReviewCase.Open(ReviewKind.TrainingPlan, p.Id, p.Year, owner.UnitId, owner.Name, reviewer.UnitId, reviewer.Name, reviewer.Step, now), ct);
            else
                await db.SaveChangesAsync(ct);
            return plan.Id;
        }, ct);
    }

    /// <summary>送审: the plan needs at least one class; afterwards nothing of it can be edited until a 退案.</summary>
    public async Task SubmitAsync(int planId, CancellationToken ct = default)
    {
        var actor = await currentUser.RequireUnitAsync(Filers);
        await using var db = dbFactory.CreateDbContext();
        var plan = await LoadOwnAsync(db, actor, planId, ct);
        var reviewCase = await db.ReviewCases.Include(c => c.History).Of(ReviewKind.TrainingPlan, planId).SingleAsync(ct);
        reviewCase.EnsureEditable();
        var owner = await PlanRouting.OwnerAsync(db, actor, ct);
        await PlanRouting.EnsureMayFileAsync(db, owner, plan.SeriesId, ct);
        if (!await db.TrainingClasses.AnyAsync(c => c.PlanId == planId, ct)) throw new DomainException("请先在“培训班情况”中新增至少一个培训班，再送审");
        reviewCase.RenameApplicant(owner.Name);
        reviewCase.Submit(actor, clock.GetUtcNow().UtcDateTime, "专业课计划申报信息申报");
        await db.SaveChangesAsync(ct);
    }

    public async Task DeleteAsync(int planId, CancellationToken ct = default)
    {
        var actor = await currentUser.RequireUnitAsync(Filers);
        await using var db = dbFactory.CreateDbContext();
        var plan = await LoadOwnAsync(db, actor, planId, ct);
        var reviewCase = await db.ReviewCases.Of(ReviewKind.TrainingPlan, planId).SingleAsync(ct);
        if (reviewCase.Status != ReviewStatus.Draft) throw new DomainException("已送审的专业课计划不能删除");
        db.ReviewCases.Remove(reviewCase);
        db.TrainingPlans.Remove(plan);
        db.Attachments.RemoveRange(db.Attachments.Where(a => a.OwnerType == OwnerType && a.OwnerId == planId));
        await db.SaveChangesAsync(ct);
    }

    internal static async Task<TrainingPlan> LoadOwnAsync(AppDbContext db, Actor actor, int planId, CancellationToken ct)
    {
        var plan = await db.TrainingPlans.SingleOrDefaultAsync(p => p.Id == planId, ct) ?? throw new DomainException("专业课计划不存在");
        if (plan.OwnerUnitId != actor.UnitId) throw new ScopeException();
        return plan;
    }

    internal static async Task<ReviewCase> CaseOfAsync(AppDbContext db, int planId, CancellationToken ct) =>
        await db.ReviewCases.AsNoTracking().Of(ReviewKind.TrainingPlan, planId).SingleAsync(ct);

    private static async Task EnsureClassesInsideAsync(AppDbContext db, int planId, PlanForm form, CancellationToken ct)
    {
        var start = DateOnly.FromDateTime(form.StartDate!.Value);
        var end = DateOnly.FromDateTime(form.EndDate!.Value);
        var outside = await db.TrainingClasses.Where(c => c.PlanId == planId && (c.StudyStart < start || c.StudyEnd > end)).Select(c => c.Name).FirstOrDefaultAsync(ct);
        if (outside is not null)
            throw new ValidationFailedException(nameof(form.StartDate), $"培训班“{outside}”的学习时间不在新的计划时间内，请先调整培训班");
    }
}
