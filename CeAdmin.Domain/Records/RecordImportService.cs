using CeAdmin.Domain.Catalogs;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Exports;
using CeAdmin.Domain.Organizations;
using CeAdmin.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;
using T = CeAdmin.Domain.Records.RecordImportTemplate;

namespace CeAdmin.Domain.Records;

/// <summary>Why one cell of the uploaded file was not accepted. Row is the Excel row number (the header is row 1).</summary>
public sealed record ImportProblem(int Row, string Column, string Reason, string PersonName, string MaskedIdNumber)
{
    public static IReadOnlyList<ExportColumn<ImportProblem>> ExportColumns { get; } = Exports.ExportColumns.For<ImportProblem>()
        .Number("行号", p => (int?)p.Row, 8)
        .Text("列", p => p.Column, 14)
        .Text("原因", p => p.Reason, 60)
        .Text("姓名", p => p.PersonName, 10)
        .Text("公民身份号码", p => p.MaskedIdNumber, 21)
        .Build();
}

/// <summary>The outcome of an import: every data row is either imported or named in Problems.</summary>
public sealed record RecordImportResult(int RowsRead, int Imported, IReadOnlyList<ImportProblem> Problems)
{
    public int RejectedRows => Problems.Select(p => p.Row).Distinct().Count();

    public const string ReportTitle = "继续教育记录导入未通过明细";

    /// <summary>The rejected rows as a workbook (行号, 列, 原因), for the user to correct and import again.</summary>
    public Task WriteReportAsync(Stream output, IProgress<int>? progress, CancellationToken ct) =>
        ExcelExporter.WriteAsync(output, Problems.ToAsyncEnumerable(), ImportProblem.ExportColumns, "未导入明细", progress, ct);
}

/// <summary>
/// 继续教育记录导入 for authorities: reads the template's columns, checks every row (ID check digit,
/// dates, hours within the year's rule, a known course and institution, region in scope, no duplicate
/// in the file or in the database) and imports all valid rows in one transaction.
/// </summary>
public sealed class RecordImportService(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock, Operations.AppMetrics metrics)
{
    public const int MaxRows = 20_000;
    public const long MaxFileBytes = 10 * 1024 * 1024;

    public async Task<RecordImportResult> ImportAsync(Stream xlsx, CancellationToken ct = default)
    {
        try
        {
            var result = await ImportOnceAsync(xlsx, ct);
            metrics.Imported(result.Imported, result.RejectedRows);
            return result;
        }
        catch (DomainException)
        {
            metrics.ImportRefused();
            throw;
        }
    }

    private async Task<RecordImportResult> ImportOnceAsync(Stream xlsx, CancellationToken ct)
    {
        await using var db = dbFactory.CreateDbContext();
        var actor = await currentUser.RequireUnitAsync(UnitKind.Authority);
        var scope = await Scope.ResolveAsync(db, actor, ct);
        var seriesId = scope.SeriesId ?? throw new ScopeException();

        var lines = Read(xlsx);
        var context = await LoadReferenceAsync(db, seriesId, lines, ct);
        foreach (var line in lines) Check(line, scope, seriesId, context);
        await CheckDuplicatesAsync(db, lines, ct);

        var valid = lines.Where(l => l.Problems.Count == 0).ToList();
        var supervisors = await SupervisingAuthority.ResolveAsync(db, valid.Select(l => (l.RegionCode!, seriesId)), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var line in valid) db.CeRecords.Add(line.ToRecord(seriesId, supervisors[(line.RegionCode!, seriesId)], now));

        // One SaveChanges is one transaction (with its audit rows): all valid rows or none.
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new DomainException("导入时发现其他操作员刚录入了相同的继续教育记录，本次未导入任何记录，请重新导入");
        }

        var problems = lines.SelectMany(l => l.Problems.Select(p => new ImportProblem(l.Row, p.Column, p.Reason, l.Name, IdNumber.Mask(l.IdNumber))))
            .OrderBy(p => p.Row).ToList();
        return new RecordImportResult(lines.Count, valid.Count, problems);
    }

    private static List<ImportLine> Read(Stream xlsx)
    {
        var lines = new List<ImportLine>();
        try
        {
            var row = 1;
            HashSet<string>? checkedHeaders = null;
            foreach (var cells in ExcelReader.ReadRows(xlsx))
            {
                row++;
                if (checkedHeaders is null)
                {
                    checkedHeaders = [.. cells.Keys];
                    var missing = T.Columns.Where(c => !checkedHeaders.Contains(c.Header)).Select(c => c.Header).ToList();
                    if (missing.Count > 0) throw new DomainException($"文件缺少模板列：{string.Join("、", missing)}。请下载导入模板，按模板的列填写");
                }
                if (cells.Values.All(v => v is null || v is string { Length: 0 } || (v is string s && string.IsNullOrWhiteSpace(s)))) continue;
                if (lines.Count == MaxRows) throw new DomainException($"一次最多导入{MaxRows:N0}行，请分成多个文件导入");
                lines.Add(ImportLine.Parse(row, cells));
            }
        }
        catch (InvalidDataException)
        {
            throw new DomainException(ExcelReader.NotAWorkbookMessage);
        }
        if (lines.Count == 0) throw new DomainException("文件中没有数据行：请在模板的表头下方逐行填写继续教育记录");
        return lines;
    }

    private sealed record ReferenceData(
        Dictionary<int, HoursRule> Rules,
        Dictionary<(int Year, string Name), int> Courses,
        Dictionary<string, (int Id, string Name)> Institutions);

    private static async Task<ReferenceData> LoadReferenceAsync(AppDbContext db, int seriesId, List<ImportLine> lines, CancellationToken ct)
    {
        var rules = await db.HoursRules.AsNoTracking().ToDictionaryAsync(r => r.Year, ct);
        var years = lines.Where(l => l.Year is not null).Select(l => l.Year!.Value).Distinct().ToList();
        var courses = await db.CatalogCourses.AsNoTracking()
            .Where(c => c.Catalog!.SeriesId == seriesId && c.Catalog.Status == CatalogStatus.Published && years.Contains(c.Catalog.Year))
            .Select(c => new { c.Catalog!.Year, c.Name, c.Id }).ToListAsync(ct);
        var names = lines.Select(l => l.InstitutionName).Where(n => n.Length > 0).Distinct().ToList();
        var institutions = await db.Institutions.AsNoTracking().Where(i => names.Contains(i.Name))
            .OrderBy(i => i.Id).Select(i => new { i.Id, i.Name }).ToListAsync(ct);
        return new ReferenceData(
            rules,
            courses.GroupBy(c => (c.Year, c.Name)).ToDictionary(g => g.Key, g => g.First().Id),
            institutions.GroupBy(i => i.Name).ToDictionary(g => g.Key, g => (g.First().Id, g.First().Name)));
    }

    private static void Check(ImportLine l, Scope scope, int seriesId, ReferenceData data)
    {
        if (l.RegionCode is { } region && !scope.CoversRegion(region))
            l.Fail(T.Region, $"所属地区“{RegionDirectory.ShortName(region)}”不在本单位管辖范围内");

        HoursRule? rule = null;
        if (l.Year is { } year && !data.Rules.TryGetValue(year, out rule)) l.Fail(T.Year, $"{year}年度没有学时规定，请核对申报年度");

        if (l.SubjectType == RecordValues.Professional && l.CourseName.Length > 0 && l.Year is { } y)
        {
            if (data.Courses.TryGetValue((y, l.CourseName), out var courseId)) l.CatalogCourseId = courseId;
            else l.Fail(T.Course, $"“{l.CourseName}”不在{y}年度已发布的{SeriesDirectory.NameOf(seriesId)}专业课目录中");
        }

        if (l.InstitutionName.Length > 0)
        {
            if (data.Institutions.TryGetValue(l.InstitutionName, out var inst)) l.InstitutionId = inst.Id;
            else l.Fail(T.Institution, $"施教机构“{l.InstitutionName}”未在本系统登记");
        }

        if (l is { Start: { } start, End: { } end })
        {
            if (end < start) l.Fail(T.End, "学习结束时间不能早于学习开始时间");
            else if (l.Days is { } days && days > end.DayNumber - start.DayNumber + 1)
                l.Fail(T.Days, $"参训天数不能超过学习开始至结束的天数（{end.DayNumber - start.DayNumber + 1}天）");
        }
        if (rule is not null && l is { Days: { } d, Hours: { } h } && h > rule.MaxHoursFor(d))
            l.Fail(T.Hours, $"拟申报学时不能超过参训天数×每天{rule.HoursPerDay}学时（{rule.Year}年度规定），即{rule.MaxHoursFor(d):0.#}学时");
    }

    /// <summary>
    /// The same person on the same course and dates: a second row of the file names the first, and a
    /// row that matches a record already in the database says so.
    /// </summary>
    private static async Task CheckDuplicatesAsync(AppDbContext db, List<ImportLine> lines, CancellationToken ct)
    {
        var firstRow = new Dictionary<(string, DateOnly, DateOnly, string), int>();
        foreach (var l in lines.Where(l => l.Key is not null))
        {
            if (firstRow.TryGetValue(l.Key!.Value, out var first)) l.Fail(T.IdNumber, $"与第{first}行重复（同一人员、课程和学习时间）");
            else firstRow[l.Key.Value] = l.Row;
        }

        var ids = lines.Where(l => l.Key is not null).Select(l => l.IdNumber).Distinct().ToList();
        var existing = new HashSet<(string, DateOnly, DateOnly, string)>();
        foreach (var chunk in ids.Chunk(500))
        {
            var found = await db.CeRecords.AsNoTracking().Where(r => chunk.Contains(r.IdNumber))
                .Select(r => new { r.IdNumber, r.StartDate, r.EndDate, r.CourseName }).ToListAsync(ct);
            foreach (var r in found) existing.Add((r.IdNumber, r.StartDate, r.EndDate, r.CourseName));
        }
        foreach (var l in lines.Where(l => l.Key is { } key && existing.Contains(key)))
            l.Fail(T.IdNumber, "已有该人员相同课程和学习时间的继续教育记录，不能重复导入");
    }
}
