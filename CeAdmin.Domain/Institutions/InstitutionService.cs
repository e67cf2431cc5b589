using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Organizations;
using CeAdmin.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Institutions;

public sealed record QualificationRow(int Id, int CaseId, int SeriesId, string SeriesName, string Overview, string Industry, int Year,
    string ReviewingUnitName, string Step, ReviewStatus Status, string? LastOpinion, bool Approved);

/// <summary>
/// The institution's side of 专业培训资格: it registers its 基本信息, applies per series, attaches
/// its documents and submits; the case goes to the authority of its region and series, and a
/// province-level institution's application is approved at once.
/// </summary>
public sealed class InstitutionService(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    public const string OwnerType = "Qualification";
    private readonly InstitutionFormValidator _institutionValidator = new();
    private readonly QualificationFormValidator _qualificationValidator = new();

    public async Task<InstitutionForm?> GetMineAsync(CancellationToken ct = default)
    {
        var actor = await currentUser.RequireUnitAsync(UnitKind.Institution);
        await using var db = dbFactory.CreateDbContext();
        var institution = await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.UnitAccountId == actor.UnitId, ct);
        return institution is null ? null : InstitutionForm.From(institution);
    }

    /// <summary>Registers or updates the institution. Level and region are fixed once an application was submitted.</summary>
    public async Task SaveMineAsync(InstitutionForm form, CancellationToken ct = default)
    {
        var actor = await currentUser.RequireUnitAsync(UnitKind.Institution);
        await _institutionValidator.EnsureValidAsync(form, ct);
        await using var db = dbFactory.CreateDbContext();
        var institution = await db.Institutions.SingleOrDefaultAsync(i => i.UnitAccountId == actor.UnitId, ct);
        var submitted = db.ReviewCases.OfKind(ReviewKind.Qualification).Where(c => c.Status != ReviewStatus.Draft).Select(c => c.SubjectId);
        if (institution is null)
        {
            institution = new Institution { UnitAccountId = actor.UnitId, CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.Institutions.Add(institution);
        }
        else if ((institution.Level != form.Level || institution.RegionCode != form.RegionCode)
                 && await db.TrainingQualifications.AnyAsync(q => q.InstitutionId == institution.Id && submitted.Contains(q.Id), ct))
        {
            throw new DomainException("已有送审的专业培训资格申请，机构/基地级别和所在地区不能再修改");
        }
        // Only drafts can be loaded here when the region changes (see above): they move with the institution.
        await db.TrainingQualifications.Where(q => q.InstitutionId == institution.Id).LoadAsync(ct);
        institution.Update(form);
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<QualificationRow>> MyQualificationsAsync(CancellationToken ct = default)
    {
        var actor = await currentUser.RequireUnitAsync(UnitKind.Institution);
        await using var db = dbFactory.CreateDbContext();
        var rows = await (
            from q in db.TrainingQualifications.AsNoTracking()
            join c in db.ReviewCases.OfKind(ReviewKind.Qualification) on q.Id equals c.SubjectId
            where q.Institution!.UnitAccountId == actor.UnitId
            orderby q.Id
            select new { q.Id, CaseId = c.Id, q.SeriesId, q.Overview, q.Industry, q.Year, c.ReviewingUnitName, c.Step, c.Status, c.LastOpinion, q.ApprovedAt })
            .ToListAsync(ct);
        return rows.Select(r => new QualificationRow(r.Id, r.CaseId, r.SeriesId, ReferenceCatalog.SeriesName(r.SeriesId), r.Overview, r.Industry, r.Year,
            r.ReviewingUnitName, r.Step, r.Status, r.LastOpinion, r.ApprovedAt is not null)).ToList();
    }

    /// <summary>申请培训专业's choices: the series that have an approved authority to review the caller's application.</summary>
    public async Task<IReadOnlyList<int>> ApplicableSeriesAsync(CancellationToken ct = default)
    {
        var actor = await currentUser.RequireUnitAsync(UnitKind.Institution);
        await using var db = dbFactory.CreateDbContext();
        var institution = await RequireInstitutionAsync(db, actor, ct);
        return await QualificationRouting.ReviewableSeriesAsync(db, institution.RegionCode, institution.Level, ct);
    }

    /// <summary>新增申请培训专业: a draft qualification with its case, routed to the reviewing authority.</summary>
    public async Task<int> ApplyAsync(QualificationForm form, CancellationToken ct = default)
    {
        var actor = await currentUser.RequireUnitAsync(UnitKind.Institution);
        await _qualificationValidator.EnsureValidAsync(form, ct);
        return await dbFactory.InTransactionAsync(async (db, ct) =>
        {
            var institution = await RequireInstitutionAsync(db, actor, ct);
            var seriesId = form.SeriesId!.Value;
            var open = await db.TrainingQualifications.Where(q => q.InstitutionId == institution.Id && q.SeriesId == seriesId)
                .Join(db.ReviewCases.OfKind(ReviewKind.Qualification), q => q.Id, c => c.SubjectId, (q, c) => c.Status)
                .Where(s => s != ReviewStatus.Closed)
                .AnyAsync(ct);
            if (open) throw new ValidationFailedException(nameof(form.SeriesId), $"已申请“{ReferenceCatalog.SeriesName(seriesId)}”专业培训资格，不能重复申请");

            var reviewer = await QualificationRouting.FindReviewerAsync(db, institution.RegionCode, institution.Level, seriesId, ct)
                ?? throw new DomainException($"本地区尚无“{ReferenceCatalog.SeriesName(seriesId)}”专业序列的行业主管部门在本系统完成角色申请，暂不能申请该专业培训资格");
            var now = clock.GetUtcNow().UtcDateTime;
            var qualification = TrainingQualification.Apply(institution, form, ChinaTime.Today(clock).Year, now);
            await db.AddWithCaseAsync(qualification, q => ReviewCase.Open(ReviewKind.Qualification, q.Id, q.Year, actor.UnitId, institution.Name,
                reviewer.UnitId, reviewer.Name, QualificationRouting.StepFor(reviewer.Level), now), ct);
            return qualification.Id;
        }, ct);
    }

    /// <summary>送审. A province-level institution's application is approved automatically (manual 1.5.2).</summary>
    public async Task SubmitAsync(int qualificationId, CancellationToken ct = default)
    {
        var actor = await currentUser.RequireUnitAsync(UnitKind.Institution);
        await using var db = dbFactory.CreateDbContext();
        var institution = await RequireInstitutionAsync(db, actor, ct);
        var qualification = await db.TrainingQualifications.SingleOrDefaultAsync(q => q.Id == qualificationId, ct) ?? throw new DomainException("申请不存在");
        if (qualification.InstitutionId != institution.Id) throw new ScopeException();
        var reviewCase = await db.ReviewCases.Include(c => c.History).Of(ReviewKind.Qualification, qualificationId).SingleAsync(ct);
        reviewCase.EnsureEditable();
        if (!await db.Attachments.AnyAsync(a => a.OwnerType == OwnerType && a.OwnerId == qualificationId, ct))
            throw new DomainException("请先上传附件材料（如办学许可证、师资情况说明等），再送审");

        var now = clock.GetUtcNow().UtcDateTime;
        reviewCase.RenameApplicant(institution.Name);
        reviewCase.Submit(actor, now, "施教机构专业培训资格申请");
        if (institution.Level == AffiliationLevel.Province)
        {
            reviewCase.ApproveAutomatically("省级施教机构默认通过", now);
            qualification.ApprovedAt = now;
        }
        await db.SaveChangesAsync(ct);
    }

    public async Task DeleteDraftAsync(int qualificationId, CancellationToken ct = default)
    {
        var actor = await currentUser.RequireUnitAsync(UnitKind.Institution);
        await using var db = dbFactory.CreateDbContext();
        var institution = await RequireInstitutionAsync(db, actor, ct);
        var qualification = await db.TrainingQualifications.SingleOrDefaultAsync(q => q.Id == qualificationId && q.InstitutionId == institution.Id, ct)
            ?? throw new ScopeException();
        var reviewCase = await db.ReviewCases.Of(ReviewKind.Qualification, qualificationId).SingleAsync(ct);
        if (reviewCase.Status != ReviewStatus.Draft) throw new DomainException("已送审的申请不能删除");
        db.ReviewCases.Remove(reviewCase);
        db.TrainingQualifications.Remove(qualification);
        db.Attachments.RemoveRange(db.Attachments.Where(a => a.OwnerType == OwnerType && a.OwnerId == qualificationId));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The series in which this institution may file plans (its approved qualifications).</summary>
    public static Task<List<int>> ApprovedSeriesAsync(AppDbContext db, int institutionUnitId, CancellationToken ct) =>
        db.TrainingQualifications.Where(q => q.Institution!.UnitAccountId == institutionUnitId && q.ApprovedAt != null)
            .Select(q => q.SeriesId).Distinct().ToListAsync(ct);

    private static async Task<Institution> RequireInstitutionAsync(AppDbContext db, Actor actor, CancellationToken ct) =>
        await db.Institutions.SingleOrDefaultAsync(i => i.UnitAccountId == actor.UnitId, ct)
        ?? throw new DomainException("请先填写并保存机构基本信息");
}
