using CeAdmin.Domain.Audit;
using CeAdmin.Domain.Catalogs;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Exports;
using CeAdmin.Domain.Organizations;
using CeAdmin.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;
using T = CeAdmin.Domain.Records.RecordImportTemplate;

namespace CeAdmin.Domain.Records;

/// <summary>
/// Why one cell of the uploaded file was not accepted (Reason), or why an otherwise valid row waits for
/// the operator (Warning: it overlaps in time another record of the same person). Row is the Excel row
/// number (the header is row 1).
/// </summary>
public sealed record ImportProblem(int Row, string Column, string Reason, string PersonName, string MaskedIdNumber, string? Warning = null)
{
    public bool IsWarning => Warning is not null;

    public static IReadOnlyList<ExportColumn<ImportProblem>> ExportColumns { get; } = Exports.ExportColumns.For<ImportProblem>()
        .Number("行号", p => (int?)p.Row, 8)
        .Text("列", p => p.Column, 14)
        .Text("原因", p => p.Reason, 60)
        .Text("提示", p => p.Warning ?? "", 50)
        .Text("姓名", p => p.PersonName, 10)
        .Text("公民身份号码", p => p.MaskedIdNumber, 21)
        .Build();
}

/// <summary>
/// How to treat rows that overlap another record of the same person. By default they are held back
/// with a warning; the operator, having read it, imports them with <see cref="ImportOverlapping"/> and
/// the held rows' numbers in <see cref="OnlyRows"/> (the other rows of the file were settled the first time).
/// </summary>
/// <param name="FileName">The uploaded file's name, for the audit trail.</param>
public sealed record RecordImportOptions(bool ImportOverlapping = false, IReadOnlySet<int>? OnlyRows = null, string? FileName = null);

/// <summary>The outcome of an import: every data row is imported, rejected (a Reason) or held back (a Warning).</summary>
public sealed record RecordImportResult(int RowsRead, int Imported, IReadOnlyList<ImportProblem> Problems)
{
    public int RejectedRows => Problems.Where(p => !p.IsWarning).Select(p => p.Row).Distinct().Count();

    /// <summary>The rows held back because they overlap another record of the same person: the operator decides.</summary>
    public IReadOnlySet<int> HeldRows => Problems.Where(p => p.IsWarning).Select(p => p.Row).ToHashSet();

    public const string ReportTitle = "继续教育记录导入未通过明细";

    /// <summary>The rejected and held rows as a workbook (行号, 列, 原因, 提示), for the user to correct and import again.</summary>
    public Task WriteReportAsync(Stream output, IProgress<int>? progress, CancellationToken ct) =>
        ExcelExporter.WriteAsync(output, Problems.ToAsyncEnumerable(), ImportProblem.ExportColumns, "未导入明细", progress, ct);
}

/// <summary>
/// 继续教育记录导入 for authorities: reads the template's columns, checks every row (the name rule,
/// ID check digit, the trainee's region in scope and its 主管部门, dates not in the future and in the
/// 申报年度, 参训天数 within the dates, hours within the year's rule, a known course and institution, no
/// duplicate in the file or in the database), holds back rows that overlap another record of the same
/// person, and imports all other valid rows in one transaction.
/// </summary>
public sealed class RecordImportService(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, AuditLog audit, TimeProvider clock, Operations.AppMetrics metrics)
{
    public const int MaxRows = 20_000;
    public const long MaxFileBytes = 10 * 1024 * 1024;

    /// <summary>Empty rows count too, and the template has 17 columns: a file over these is refused before or while reading.</summary>
    public static ExcelReadLimits ReadLimits { get; } = new(MaxRows, MaxColumns: 50);

    public Task<RecordImportResult> ImportAsync(Stream xlsx, CancellationToken ct = default) => ImportAsync(xlsx, new RecordImportOptions(), ct);

    /// <summary>Imports the file; the import (file name, rows read, imported, rejected, held) is audited with the records, a refused file too.</summary>
    public Task<RecordImportResult> ImportAsync(Stream xlsx, RecordImportOptions options, CancellationToken ct = default) =>
        audit.RefusalsOfAsync(new AuditRecord(AuditEvent.Imported, options.FileName ?? "", new { Sheet = "继续教育记录", File = options.FileName }), () => ImportCoreAsync(xlsx, options, ct), ct);

    private async Task<RecordImportResult> ImportCoreAsync(Stream xlsx, RecordImportOptions options, CancellationToken ct)
    {
        try
        {
            var result = await ImportOnceAsync(xlsx, options, ct);
            metrics.Imported(result.Imported, result.RejectedRows);
            return result;
        }
        catch (DomainException)
        {
            metrics.ImportRefused();
            throw;
        }
    }

    private async Task<RecordImportResult> ImportOnceAsync(Stream xlsx, RecordImportOptions options, CancellationToken ct)
    {
        await using var db = dbFactory.CreateDbContext();
        var actor = await currentUser.RequireUnitAsync(UnitKind.Authority);
        var scope = await Scope.ResolveAsync(db, actor, ct);
        var seriesId = scope.SeriesId ?? throw new ScopeException();

        var lines = Read(xlsx, options.OnlyRows, ct);
        var context = await LoadReferenceAsync(db, seriesId, lines, ct);
        var today = ChinaTime.Today(clock);
        foreach (var line in lines) Check(line, scope, seriesId, context, today);
        await CheckDuplicatesAsync(db, lines, ct);
        var held = options.ImportOverlapping ? [] : await FindOverlapsAsync(db, lines, ct);

        var valid = lines.Where(l => l.Problems.Count == 0 && !held.ContainsKey(l.Row)).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var line in valid) db.CeRecords.Add(line.ToRecord(seriesId, context.Supervisors.For(line.RegionCode, seriesId), now));
        var rejected = lines.Count(l => l.Problems.Count > 0);
        db.StageAudit(new AuditRecord(AuditEvent.Imported, options.FileName ?? "", new
        {
            Sheet = "继续教育记录", File = options.FileName, RowsRead = lines.Count, Imported = valid.Count, Rejected = rejected, Held = held.Count,
            options.ImportOverlapping,
        }));

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
            .Concat(lines.Where(l => held.ContainsKey(l.Row))
                .Select(l => new ImportProblem(l.Row, $"{T.Start}、{T.End}", "", l.Name, IdNumber.Mask(l.IdNumber), held[l.Row])))
            .OrderBy(p => p.Row).ToList();
        return new RecordImportResult(lines.Count, valid.Count, problems);
    }

    private static List<ImportLine> Read(Stream xlsx, IReadOnlySet<int>? onlyRows, CancellationToken ct)
    {
        var lines = new List<ImportLine>();
        try
        {
            var row = 1;
            HashSet<string>? checkedHeaders = null;
            foreach (var cells in ExcelReader.ReadRows(xlsx, ReadLimits, ct))
            {
                row++;
                if (checkedHeaders is null)
                {
                    checkedHeaders = [.. cells.Keys];
                    // Optional columns (主管部门, 备注) may be left out of a file altogether.
                    var missing = T.Columns.Where(c => c.Required && !checkedHeaders.Contains(c.Header)).Select(c => c.Header).ToList();
                    if (missing.Count > 0) throw new DomainException($"文件缺少模板列：{string.Join("、", missing)}。请下载导入模板，按模板的列填写");
                }
                if (onlyRows is not null && !onlyRows.Contains(row)) continue;
                if (cells.Values.All(v => v is null || v is string { Length: 0 } || (v is string s && string.IsNullOrWhiteSpace(s)))) continue;
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
        HoursRuleBook Rules,
        SupervisorDirectory Supervisors,
        Dictionary<(int Year, string Name), int> Courses,
        Dictionary<string, (int Id, string Name)> Institutions);

    private static async Task<ReferenceData> LoadReferenceAsync(AppDbContext db, int seriesId, List<ImportLine> lines, CancellationToken ct)
    {
        var years = lines.Where(l => l.Year is not null).Select(l => l.Year!.Value).Distinct().ToList();
        var courses = await db.CatalogCourses.AsNoTracking()
            .Where(c => c.Catalog!.SeriesId == seriesId && c.Catalog.Status == CatalogStatus.Published && years.Contains(c.Catalog.Year))
            .Select(c => new { c.Catalog!.Year, c.Name, c.Id }).ToListAsync(ct);
        var names = lines.Select(l => l.InstitutionName).Where(n => n.Length > 0).Distinct().ToList();
        var institutions = await db.Institutions.AsNoTracking().Where(i => names.Contains(i.Name))
            .OrderBy(i => i.Id).Select(i => new { i.Id, i.Name }).ToListAsync(ct);
        return new ReferenceData(
            // The same per-year rules as the plan form: a year without its own row follows the latest earlier one.
            await HoursRuleBook.LoadAsync(db, ct),
            await SupervisorDirectory.LoadAsync(db, [seriesId], ct),
            courses.GroupBy(c => (c.Year, c.Name)).ToDictionary(g => g.Key, g => g.First().Id),
            institutions.GroupBy(i => i.Name).ToDictionary(g => g.Key, g => (g.First().Id, g.First().Name)));
    }

    private static void Check(ImportLine l, Scope scope, int seriesId, ReferenceData data, DateOnly today)
    {
        if (l.RegionCode is { } region)
        {
            if (!scope.CoversRegion(region)) l.Fail(T.Region, $"所属地区“{ReferenceCatalog.RegionName(region)}”不在本单位管辖范围内");
            else if (l.AuthorityName is { } written && data.Supervisors.For(region, seriesId)?.Name is var expected && written != expected)
                l.Fail(T.Authority, expected is null
                    ? $"所属地区“{ReferenceCatalog.RegionName(region)}”没有本专业系列已审核的主管部门，主管部门请留空"
                    : $"主管部门应为“{expected}”（由所属地区和专业系列确定），或留空");
        }

        if (l.SubjectType == RecordValues.Professional && l.CourseName.Length > 0 && l.Year is { } y)
        {
            if (data.Courses.TryGetValue((y, l.CourseName), out var courseId)) l.CatalogCourseId = courseId;
            else l.Fail(T.Course, $"“{l.CourseName}”不在{y}年度已发布的{ReferenceCatalog.SeriesName(seriesId)}专业课目录中");
        }

        if (l.InstitutionName.Length > 0)
        {
            if (data.Institutions.TryGetValue(l.InstitutionName, out var inst)) l.InstitutionId = inst.Id;
            else l.Fail(T.Institution, $"施教机构“{l.InstitutionName}”未在本系统登记");
        }

        CheckDates(l, today);
        if (l is { Year: { } year, Days: { } d, Hours: { } h } && data.Rules.For(year) is var rule && h > rule.MaxHoursFor(d))
            l.Fail(T.Hours, $"拟申报学时不能超过参训天数×每天{rule.HoursPerDay}学时（{year}年度规定），即{rule.MaxHoursFor(d):0.#}学时");
    }

    /// <summary>
    /// Records are of learning done: no date after today. The 申报年度 is the year the study began (as
    /// a plan's 年度 is the year of its 计划开始时间); a study across the New Year ends at the latest in
    /// the next year. 参训天数 fits the dates: no more days than the period has, and at least one day
    /// when it begins and ends on different days (both are study days).
    /// </summary>
    private static void CheckDates(ImportLine l, DateOnly today)
    {
        if (l.Start is { } s && s > today) l.Fail(T.Start, $"学习开始时间不能晚于今天（{today:yyyy-MM-dd}）");
        if (l.End is { } e && e > today) l.Fail(T.End, $"学习结束时间不能晚于今天（{today:yyyy-MM-dd}）");
        if (l is not { Start: { } start, End: { } end }) return;
        if (end < start)
        {
            l.Fail(T.End, "学习结束时间不能早于学习开始时间");
            return;
        }
        if (l.Year is { } year)
        {
            if (start.Year != year) l.Fail(T.Year, $"申报年度应为学习开始时间所在的年度（{start.Year}年）");
            else if (end.Year > year + 1) l.Fail(T.End, $"学习结束时间应在申报年度或其次年内（{year}—{year + 1}年）");
        }
        var span = end.DayNumber - start.DayNumber + 1;
        if (l.Days is { } days)
        {
            if (days > span) l.Fail(T.Days, $"参训天数不能超过学习开始至结束的天数（{span}天）");
            else if (span > 1 && days < 1) l.Fail(T.Days, $"学习开始至结束共{span}天，参训天数至少为1天");
        }
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

    /// <summary>
    /// Valid rows that overlap in time another record of the same person (already saved, or an earlier
    /// valid row of the file) but are not the same record: returned by row with the warning to show.
    /// </summary>
    private static async Task<Dictionary<int, string>> FindOverlapsAsync(AppDbContext db, List<ImportLine> lines, CancellationToken ct)
    {
        var candidates = lines.Where(l => l.Problems.Count == 0 && l.Key is not null).ToList();
        var saved = new List<(string IdNumber, DateOnly Start, DateOnly End, string Course)>();
        foreach (var chunk in candidates.Select(l => l.IdNumber).Distinct().Chunk(500))
        {
            var found = await db.CeRecords.AsNoTracking().Where(r => chunk.Contains(r.IdNumber))
                .Select(r => new { r.IdNumber, r.StartDate, r.EndDate, r.CourseName }).ToListAsync(ct);
            saved.AddRange(found.Select(r => (r.IdNumber, r.StartDate, r.EndDate, r.CourseName)));
        }
        var byPerson = saved.ToLookup(r => r.IdNumber);

        var held = new Dictionary<int, string>();
        var earlier = new Dictionary<string, List<ImportLine>>();
        foreach (var l in candidates)
        {
            var (start, end) = (l.Start!.Value, l.End!.Value);
            var record = byPerson[l.IdNumber].Where(r => r.Start <= end && start <= r.End).Select(r => ((string, DateOnly, DateOnly)?)(r.Course, r.Start, r.End)).FirstOrDefault();
            var row = earlier.GetValueOrDefault(l.IdNumber)?.FirstOrDefault(o => o.Start <= end && start <= o.End);
            if (record is var (course, s, e))
                held[l.Row] = $"与该人员已有记录《{course}》（{s:yyyy-MM-dd}至{e:yyyy-MM-dd}）时间重叠，请核对后决定是否导入";
            else if (row is not null)
                held[l.Row] = $"与第{row.Row}行（同一人员）时间重叠，请核对后决定是否导入";
            else
            {
                if (!earlier.TryGetValue(l.IdNumber, out var list)) earlier[l.IdNumber] = list = [];
                list.Add(l);
            }
        }
        return held;
    }
}
