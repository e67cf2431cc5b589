using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Institutions;

public sealed record AppliedSeriesRow(string SeriesName, string Overview, string Industry);

/// <summary>What the 1.5.2 detail shows: 基本信息 and 申请培训专业 of the application under review.</summary>
public sealed record QualificationDetail(int QualificationId, InstitutionForm Institution, string LevelLabel, string RegionName, IReadOnlyList<AppliedSeriesRow> AppliedSeries);

public sealed class InstitutionQueries(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser)
{
    /// <summary>Opened by id: only the institution, its reviewer and authorities whose scope covers it may read it.</summary>
    public async Task<QualificationDetail> QualificationAsync(int qualificationId, CancellationToken ct = default)
    {
        var actor = await currentUser.RequireUnitAsync();
        await using var db = dbFactory.CreateDbContext();
        await new QualificationAttachmentOwner().EnsureVisibleAsync(db, actor, qualificationId, ct);
        var q = await db.TrainingQualifications.AsNoTracking().Include(x => x.Institution).SingleAsync(x => x.Id == qualificationId, ct);
        var i = q.Institution!;
        var form = InstitutionForm.From(i);
        return new QualificationDetail(q.Id, form, Organizations.OrganizationLabels.ToLabel(i.Level), RegionDirectory.FullName(i.RegionCode),
            [new AppliedSeriesRow(SeriesDirectory.NameOf(q.SeriesId), q.Overview, q.Industry)]);
    }
}
