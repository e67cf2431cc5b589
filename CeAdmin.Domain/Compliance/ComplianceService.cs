using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Exports;
using CeAdmin.Domain.Organizations;
using CeAdmin.Domain.Records;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Compliance;

/// <summary>
/// 个人学时达标查询 for authorities and the HRSS department, scoped as the records query is: the caller
/// sees the person-years of the records it may see. Person-years are listed by ID number then year;
/// the count is made once per filter (IncludeTotal).
/// </summary>
public sealed class ComplianceService(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser)
{
    public const string ExportTitle = "个人学时达标";

    public async Task<CompliancePage> QueryAsync(ComplianceFilter filter, PageRequest page, bool includeTotal, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var scope = await currentUser.RequireScopeAsync(db, ct, UnitKind.Authority, UnitKind.Hrss);
        var tallies = Tallies(db, scope, filter);
        var items = await Ordered(tallies).PageBy(page).ToListAsync(ct);
        int? total = includeTotal ? await tallies.CountAsync(ct) : null;
        return new CompliancePage(items.Select(Row).ToList(), total);
    }

    /// <summary>导出Excel: every person-year of the filter, streamed, ID numbers masked.</summary>
    public async Task ExportAsync(ComplianceFilter filter, Stream output, IProgress<int>? progress, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var scope = await currentUser.RequireScopeAsync(db, ct, UnitKind.Authority, UnitKind.Hrss);
        await ExcelExporter.WriteAsync(output, Rows(Ordered(Tallies(db, scope, filter)), ct), ComplianceRow.ExportColumns, ExportTitle, progress, ct);
    }

    /// <summary>
    /// The person-year of a record opened by id (a record outside the scope is refused) with every record of
    /// that person and year the caller may see.
    /// </summary>
    public async Task<ComplianceDetail> DetailAsync(long recordId, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var scope = await currentUser.RequireScopeAsync(db, ct, UnitKind.Authority, UnitKind.Hrss);
        return await LoadDetailAsync(db, scope, recordId, ct);
    }

    internal static async Task<ComplianceDetail> LoadDetailAsync(AppDbContext db, Scope scope, long recordId, CancellationToken ct)
    {
        var anchor = await db.CeRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Id == recordId, ct)
            ?? throw new DomainException("该继续教育记录不存在");
        scope.EnsureCovers(anchor);
        var records = db.CeRecords.AsNoTracking().VisibleTo(scope).Where(r => r.IdNumber == anchor.IdNumber && r.Year == anchor.Year);
        var tally = await ComplianceRule.Tally(db, records, r => 0).SingleOrDefaultAsync(ct);
        var rule = await db.HoursRules.AsNoTracking().SingleOrDefaultAsync(r => r.Year == anchor.Year, ct)
            ?? throw new DomainException($"{anchor.Year}年度没有学时规定");
        tally ??= new HoursTally<int>
        {
            // Only 不合格 records: nothing counts, the requirement stands.
            Year = anchor.Year, IdNumber = anchor.IdNumber, PersonName = anchor.PersonName, LastRecordId = anchor.Id,
            AnnualRequired = rule.AnnualRequired, PublicRequired = rule.PublicRequired, ProfessionalRequired = rule.ProfessionalRequired,
            ElectiveRequired = rule.ElectiveRequired, ProfessionalExcessCountsAsElective = rule.ProfessionalExcessCountsAsElective,
            PublicExcessCountsAsElective = rule.PublicExcessCountsAsElective,
        };
        var list = await records.OrderBy(r => r.StartDate).ThenBy(r => r.Id).ToListAsync(ct);
        return new ComplianceDetail(anchor.Id, anchor.PersonName, IdNumber.Mask(anchor.IdNumber), anchor.Year,
            ComplianceRow.From(tally, ComplianceRule.IsMet(tally)), rule.PublicRequired, rule.ProfessionalRequired, rule.ElectiveRequired,
            list.Select(ComplianceDetail.RowOf).ToList());
    }

    private static IQueryable<HoursTally<int>> Tallies(AppDbContext db, Scope scope, ComplianceFilter filter)
    {
        var records = db.CeRecords.AsNoTracking().VisibleTo(scope);
        if (!string.IsNullOrEmpty(filter.RegionCode)) records = records.InRegion(filter.RegionCode);
        if (filter.SeriesId is { } series) records = records.Where(r => r.SeriesId == series);
        if (filter.Year is { } year) records = records.Where(r => r.Year == year);
        if (filter.PersonName?.Trim() is { Length: > 0 } name) records = records.Where(r => r.PersonName == name);
        var tallies = ComplianceRule.Tally(db, records, r => 0);
        return filter.Status switch
        {
            ComplianceStatus.Met => tallies.Where(ComplianceRule.Met<int>()),
            ComplianceStatus.NotMet => tallies.Where(ComplianceRule.NotMet<int>()),
            _ => tallies,
        };
    }

    private static IQueryable<HoursTally<int>> Ordered(IQueryable<HoursTally<int>> tallies) =>
        tallies.OrderBy(t => t.IdNumber).ThenByDescending(t => t.Year);

    private static ComplianceRow Row(HoursTally<int> t) => ComplianceRow.From(t, ComplianceRule.IsMet(t));

    private static async IAsyncEnumerable<ComplianceRow> Rows(IQueryable<HoursTally<int>> tallies, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var t in tallies.AsAsyncEnumerable().WithCancellation(ct)) yield return Row(t);
    }
}

/// <summary>A page of rows; Total is null unless it was asked for.</summary>
public sealed record CompliancePage(IReadOnlyList<ComplianceRow> Items, int? Total);
