using System.Linq.Expressions;
using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Attachments;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Organizations;
using CeAdmin.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Institutions;

public sealed record AppliedSeriesRow(string SeriesName, string Overview, string Industry);

/// <summary>What the 1.5.2 detail shows: 基本信息 and 申请培训专业 of the application under review.</summary>
public sealed record QualificationDetail(int QualificationId, InstitutionForm Institution, string LevelLabel, string RegionName, IReadOnlyList<AppliedSeriesRow> AppliedSeries);

/// <summary>The review workflow's view of 专业培训资格: approval lets the institution file plans of the series.</summary>
public sealed class QualificationReviewHandler : ReviewSubjectHandler<TrainingQualification, QualificationDetail>
{
    public override ReviewKind Kind => ReviewKind.Qualification;

    public override string AttachmentOwnerType => InstitutionService.OwnerType;

    protected override Expression<Func<TrainingQualification, SubjectName>> Name => q => new SubjectName(q.Id, "", q.SeriesId);

    public override async Task<QualificationDetail> DetailAsync(AppDbContext db, Actor actor, ReviewCase reviewCase, CancellationToken ct)
    {
        var q = await db.TrainingQualifications.AsNoTracking().Include(x => x.Institution).SingleAsync(x => x.Id == reviewCase.SubjectId, ct);
        var i = q.Institution!;
        return new QualificationDetail(q.Id, InstitutionForm.From(i), i.Level.ToLabel(), ReferenceCatalog.RegionFullName(i.RegionCode),
            [new AppliedSeriesRow(ReferenceCatalog.SeriesName(q.SeriesId), q.Overview, q.Industry)]);
    }
}

/// <summary>附件材料 of a qualification application: the institution changes them while editable; reviewers in scope read them.</summary>
public sealed class QualificationAttachmentOwner : IAttachmentOwner
{
    public string OwnerType => InstitutionService.OwnerType;

    public async Task EnsureVisibleAsync(AppDbContext db, Actor actor, int ownerId, CancellationToken ct)
    {
        var q = await QualificationAccess.FindAsync(db, ownerId, ct);
        await Scope.EnsureCanSeeAsync(db, actor, q.OwnerUnitId, q, q.ReviewingUnitId, ct);
    }

    public async Task EnsureEditableAsync(AppDbContext db, Actor actor, int ownerId, CancellationToken ct)
    {
        var q = await QualificationAccess.FindAsync(db, ownerId, ct);
        if (actor.UnitId != q.OwnerUnitId) throw new ScopeException();
        (await db.ReviewCases.AsNoTracking().Of(ReviewKind.Qualification, ownerId).SingleAsync(ct)).EnsureEditable();
    }
}

internal static class QualificationAccess
{
    public sealed record Location(int OwnerUnitId, int ReviewingUnitId, string RegionCode, int SeriesId) : IScoped;

    public static async Task<Location> FindAsync(AppDbContext db, int qualificationId, CancellationToken ct) =>
        await (from q in db.TrainingQualifications.AsNoTracking()
               join c in db.ReviewCases.OfKind(ReviewKind.Qualification) on q.Id equals c.SubjectId
               where q.Id == qualificationId
               select new Location(q.Institution!.UnitAccountId, c.ReviewingUnitId, q.RegionCode, q.SeriesId))
            .SingleOrDefaultAsync(ct) ?? throw new DomainException("专业培训资格申请不存在");
}

/// <summary>A row of 1.5.2: 序号, 机构名称, 机构码, 申请培训专业, 审核部门, 审核环节, 审核状态.</summary>
public sealed record QualificationReviewRow(int CaseId, string ApplicantName, string Code, int SeriesId, string ReviewingUnitName, string Step, ReviewStatus Status) : IReviewRow
{
    public static readonly IReadOnlyList<Exports.ExportColumn<QualificationReviewRow>> ExportColumns = Exports.ExportColumns.For<QualificationReviewRow>()
        .Text("机构名称", r => r.ApplicantName, 30).Text("机构码", r => r.Code, 22)
        .Text("申请培训专业", r => ReferenceData.ReferenceCatalog.SeriesName(r.SeriesId), 18).AddReviewColumns().Build();
}

/// <summary>The review grid of 施教机构专业培训资格审核, optionally narrowed to one series (the 专业 filter).</summary>
public sealed class QualificationReviewQueue(int? seriesId = null) : ReviewQueue<TrainingQualification, QualificationReviewRow>
{
    public override ReviewKind Kind => ReviewKind.Qualification;

    protected internal override IQueryable<TrainingQualification> Subjects(AppDbContext db, Scope scope)
    {
        var query = db.TrainingQualifications.VisibleTo(scope);
        return seriesId is { } s ? query.Where(q => q.SeriesId == s) : query;
    }

    protected internal override Expression<Func<TrainingQualification, int>> SubjectId => q => q.Id;

    protected internal override Expression<Func<ReviewQueueItem<TrainingQualification>, QualificationReviewRow>> Row =>
        i => new QualificationReviewRow(i.Case.Id, i.Case.ApplicantName, i.Subject.Institution!.Code, i.Subject.SeriesId, i.Case.ReviewingUnitName, i.Case.Step, i.Case.Status);

    protected internal override IOrderedQueryable<ReviewQueueItem<TrainingQualification>>? OrderBySubject(
        IQueryable<ReviewQueueItem<TrainingQualification>> items, string column, bool descending) => column switch
        {
            nameof(QualificationReviewRow.Code) => items.OrderBy(i => i.Subject.Institution!.Code, descending),
            nameof(QualificationReviewRow.SeriesId) => items.OrderBy(i => i.Subject.SeriesId, descending),
            _ => null,
        };
}
