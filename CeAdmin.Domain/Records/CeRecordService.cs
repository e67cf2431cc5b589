using CeAdmin.Domain.Audit;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Exports;
using CeAdmin.Domain.Organizations;
using CeAdmin.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Records;

/// <summary>One page request of the 1.7.1 grid. IncludeTotal asks for the count (once per filter, not per page turn).</summary>
public sealed record RecordPageRequest(PageSeek Seek, int PageSize = 20, string? SortBy = null, bool Descending = false, bool IncludeTotal = false);

/// <summary>A page of rows; Total is null unless it was asked for.</summary>
public sealed record RecordPage(IReadOnlyList<CeRecordRow> Items, int? Total);

/// <summary>基本信息 of one record, with the full ID number: the viewer opened the record itself.</summary>
public sealed record CeRecordDetail(
    long Id, string PersonName, string Gender, string IdNumber, string WorkUnit, string RegionName, string AuthorityName, string SeriesName,
    string CourseName, string SubjectType, string StudyMode, DateOnly StartDate, DateOnly EndDate, decimal Days,
    string Result, decimal Hours, string InstitutionName, int Year, string Location, string Content, string? Remarks,
    string SourceLabel, DateTime CreatedAt);

/// <summary>A choice of the 行业主管 filter.</summary>
public sealed record AuthorityOption(int Id, string Name);

/// <summary>What the query page needs to draw its filters for the signed-in supervisor.</summary>
public sealed record RecordScopeInfo(string RegionCode, int? SeriesId, string UnitName, IReadOnlyList<AuthorityOption> Authorities);

/// <summary>
/// 1.7.1 继续教育记录查询 for supervisors: authorities see their region and series, the HRSS
/// department all of Guangdong. Every method resolves the caller's scope itself.
/// </summary>
public sealed class CeRecordService(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, AuditLog audit)
{
    public const string ExportTitle = "继续教育记录";

    public async Task<RecordScopeInfo> ScopeInfoAsync(CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var scope = await currentUser.RequireScopeAsync(db, ct, UnitKind.Authority, UnitKind.Hrss);
        var authorities = db.Authorities.AsNoTracking().VisibleTo(scope).Where(a => a.ApprovedAt != null);
        var options = await authorities.OrderBy(a => a.RegionCode).ThenBy(a => a.Name)
            .Select(a => new AuthorityOption(a.Id, a.Name)).ToListAsync(ct);
        return new RecordScopeInfo(scope.RegionCode, scope.SeriesId, scope.UnitName, options);
    }

    public async Task<RecordPage> QueryAsync(CeRecordFilter filter, RecordPageRequest request, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var scope = await currentUser.RequireScopeAsync(db, ct, UnitKind.Authority, UnitKind.Hrss);
        var criteria = RecordCriteria.Of(scope, filter);
        var items = await CeRecordQuery.PageAsync(db, criteria, request.Seek, request.PageSize, request.SortBy, request.Descending, ct);
        int? total = request.IncludeTotal ? await CeRecordQuery.CountAsync(db, criteria, ct) : null;
        return new RecordPage(items, total);
    }

    /// <summary>基本信息 of a record opened by id, with the full 公民身份号码 (audited); a record outside the caller's scope is refused (audited too).</summary>
    public Task<CeRecordDetail> GetAsync(long id, CancellationToken ct = default) =>
        audit.RefusalsOfAsync(new AuditRecord(AuditEvent.PersonalDataViewed, $"CeRecord#{id}", Entity: nameof(CeRecord), EntityKey: id.ToString()), () => ReadAsync(id, ct), ct);

    private async Task<CeRecordDetail> ReadAsync(long id, CancellationToken ct)
    {
        await using var db = dbFactory.CreateDbContext();
        var scope = await currentUser.RequireScopeAsync(db, ct, UnitKind.Authority, UnitKind.Hrss);
        var r = await db.CeRecords.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new DomainException("该继续教育记录不存在");
        scope.EnsureCovers(r);
        await audit.RecordAsync(new AuditRecord(AuditEvent.PersonalDataViewed, $"CeRecord#{id}", new { r.PersonName }, nameof(CeRecord), id.ToString()), ct);
        return new CeRecordDetail(
            r.Id, r.PersonName, r.Gender, r.IdNumber, r.WorkUnit, ReferenceCatalog.RegionFullName(r.RegionCode), r.AuthorityName, ReferenceCatalog.SeriesName(r.SeriesId),
            r.CourseName, r.SubjectType, r.StudyMode, r.StartDate, r.EndDate, r.Days, r.Result, r.Hours, r.InstitutionName, r.Year,
            r.Location, r.Content, r.Remarks, r.Source == RecordSource.Roster ? "培训班结业名单" : "Excel导入", r.CreatedAt);
    }

    /// <summary>
    /// 导出Excel: the whole filtered result in grid order (not the page), the grid's columns, masked ID
    /// numbers; rows stream from the database into the writer, never all in memory.
    /// </summary>
    public async Task ExportAsync(CeRecordFilter filter, Stream output, IProgress<int>? progress, string? sortBy = null, bool descending = false,
        CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var scope = await currentUser.RequireScopeAsync(db, ct, UnitKind.Authority, UnitKind.Hrss);
        var rows = CeRecordQuery.Stream(db, RecordCriteria.Of(scope, filter), sortBy, descending);
        await ExcelExporter.WriteAsync(output, rows, CeRecordRow.ExportColumns, ExportTitle, progress, ct);
    }

}
