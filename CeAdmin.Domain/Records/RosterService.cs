using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Exports;
using CeAdmin.Domain.Organizations;
using CeAdmin.Domain.Plans;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Records;

/// <summary>A class of the institution's approved plans whose study period has ended.</summary>
public sealed record EndedClassRow(
    int ClassId, string ClassName, string CourseName, string PlanName, DateOnly StudyStart, DateOnly StudyEnd,
    int PlannedEnrolment, decimal Hours, int RecordedCount)
{
    /// <summary>The roster grid's columns, for 导出Excel.</summary>
    public static IReadOnlyList<ExportColumn<EndedClassRow>> ExportColumns { get; } = Exports.ExportColumns.For<EndedClassRow>()
        .Text("培训班名称", r => r.ClassName, 30)
        .Text("专业课程名称", r => r.CourseName, 28)
        .Text("培训计划名称", r => r.PlanName, 34)
        .Date("学习开始时间", r => r.StudyStart)
        .Date("学习结束时间", r => r.StudyEnd)
        .Number("计划招生人数", r => (int?)r.PlannedEnrolment, 12)
        .Number("继续教育学时", r => (decimal?)r.Hours, 12)
        .Number("已录入合格人数", r => (int?)r.RecordedCount, 14)
        .Build();
}

/// <summary>A person who already has this class's record.</summary>
public sealed record RosterPerson(string Name, string Gender, string MaskedIdNumber);

/// <summary>
/// What the roster dialog shows above the entry table, and what it needs to show each trainee's
/// 主管部门 as soon as his region is picked (the plan's series and its approved authorities).
/// </summary>
public sealed record RosterClassInfo(
    EndedClassRow Class, string StudyMode, string Location, IReadOnlyList<RosterPerson> Recorded, int SeriesId, SupervisorDirectory Supervisors)
{
    public SupervisingAuthority? SupervisorOf(string? regionCode) => Supervisors.For(regionCode, SeriesId);
}

/// <summary>工作单位 and 所属地区 of a person's latest record, offered as the default of a roster line.</summary>
public sealed record TraineeDefault(string WorkUnit, string RegionCode, string Source);

/// <summary>The outcome of one 结业名单 save: records made, people who already had one, people not passed.</summary>
public sealed record RosterResult(int Created, IReadOnlyList<string> AlreadyRecorded, int NotPassed)
{
    public string ToMessage() =>
        $"已为{Created}名合格学员生成继续教育记录" +
        (AlreadyRecorded.Count > 0 ? $"；{string.Join("、", AlreadyRecorded)}已有本培训班的记录，未重复生成" : "") +
        (NotPassed > 0 ? $"；{NotPassed}名考核不合格学员不生成记录" : "");
}

/// <summary>
/// 结业名单 → 继续教育记录: when a class has ended, its institution enters who took part and who
/// passed; each 合格 person gets one record from the plan and class, all in one save.
/// </summary>
public sealed class RosterService(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    private readonly RosterFormValidator _validator = new();

    public async Task<IReadOnlyList<EndedClassRow>> EndedClassesAsync(CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var actor = await currentUser.RequireUnitAsync(UnitKind.Institution);
        var today = ChinaTime.Today(clock);
        var ended = OwnClasses(db, actor.UnitId).Where(c => c.StudyEnd < today).OrderByDescending(c => c.StudyEnd).ThenBy(c => c.Name);
        return await Rows(db, ended).ToListAsync(ct);
    }

    /// <summary>导出Excel of the ended classes (a short list: it is read whole, then written).</summary>
    public async Task ExportEndedClassesAsync(Stream output, IProgress<int>? progress, CancellationToken ct = default)
    {
        var rows = await EndedClassesAsync(ct);
        await ExcelExporter.WriteAsync(output, rows.ToAsyncEnumerable(), EndedClassRow.ExportColumns, "已结束的培训班", progress, ct);
    }

    public async Task<RosterClassInfo> GetClassAsync(int classId, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var actor = await currentUser.RequireUnitAsync(UnitKind.Institution);
        var cls = await FindEndedAsync(db, actor.UnitId, classId, ct);
        var row = await Rows(db, db.TrainingClasses.Where(c => c.Id == classId)).SingleAsync(ct);
        var recorded = await db.CeRecords.AsNoTracking().Where(r => r.ClassId == classId)
            .OrderBy(r => r.Id).Select(r => new { r.PersonName, r.Gender, r.IdNumber }).ToListAsync(ct);
        var supervisors = await SupervisorDirectory.LoadAsync(db, [cls.Plan!.SeriesId], ct);
        return new RosterClassInfo(row, cls.StudyMode, cls.Location,
            recorded.Select(r => new RosterPerson(r.PersonName, r.Gender, IdNumber.Mask(r.IdNumber))).ToList(), cls.Plan.SeriesId, supervisors);
    }

    /// <summary>
    /// Defaults for roster lines: the 工作单位 and 所属地区 of each person's latest record, keyed by
    /// the normalised ID number. Only a line whose 姓名 and 公民身份号码 both match a record gets one
    /// (an ID number alone does not reveal where someone works), and never from a record whose region
    /// the TraineeRegion migration could not establish (that one is still the institution's).
    /// There is no enrolment (报名) in this system, so a person's previous record is the only source;
    /// a person without one is left for the operator to fill in, never defaulted to the institution.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, TraineeDefault>> DefaultsAsync(int classId, IReadOnlyList<RosterEntry> entries, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var actor = await currentUser.RequireUnitAsync(UnitKind.Institution);
        await FindEndedAsync(db, actor.UnitId, classId, ct);
        var people = entries.Where(e => IdNumber.IsValid(e.IdNumber) && !string.IsNullOrWhiteSpace(e.Name)).Take(RosterForm.MaxEntries)
            .GroupBy(e => IdNumber.Normalize(e.IdNumber!)).ToDictionary(g => g.Key, g => g.First().Name!.Trim());
        var ids = people.Keys.ToList();
        var unresolved = db.Set<RecordRegionFix>().Where(f => f.Outcome == RegionFixOutcome.Unresolved).Select(f => f.RecordId);
        var latest = await db.CeRecords.AsNoTracking()
            .Where(r => ids.Contains(r.IdNumber) && !unresolved.Contains(r.Id))
            .Select(r => new { r.IdNumber, r.PersonName, r.WorkUnit, r.RegionCode, r.CourseName, r.EndDate, r.Id })
            .ToListAsync(ct);
        return latest.Where(r => people[r.IdNumber] == r.PersonName)
            .GroupBy(r => r.IdNumber)
            .Select(g => g.OrderByDescending(r => r.EndDate).ThenByDescending(r => r.Id).First())
            .ToDictionary(r => r.IdNumber, r => new TraineeDefault(r.WorkUnit, r.RegionCode, $"按该学员{r.EndDate:yyyy-MM-dd}结束的《{r.CourseName}》记录填入，请核对"));
    }

    /// <summary>
    /// Validates the whole roster (field messages per entry), then makes one record for each 合格
    /// person who has none for this class yet. People already recorded are named in the result.
    /// </summary>
    public async Task<RosterResult> SubmitAsync(int classId, RosterForm form, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var actor = await currentUser.RequireUnitAsync(UnitKind.Institution);
        var cls = await FindEndedAsync(db, actor.UnitId, classId, ct);
        await _validator.EnsureValidAsync(form, ct);

        var plan = cls.Plan!;
        var course = await db.CatalogCourses.AsNoTracking().Where(c => c.Id == plan.CatalogCourseId)
            .Select(c => new { c.Name, c.Content }).SingleAsync(ct);
        var institution = await db.Institutions.AsNoTracking().Where(i => i.UnitAccountId == actor.UnitId)
            .Select(i => new { i.Id, i.Name }).FirstOrDefaultAsync(ct);
        var supervisors = await SupervisorDirectory.LoadAsync(db, [plan.SeriesId], ct);

        var passed = form.Entries.Where(e => e.Result == RecordValues.Passed).ToList();
        var ids = passed.Select(e => IdNumber.Normalize(e.IdNumber!)).ToList();
        // The same person and class, or the same course on the same dates under another class: both are duplicates.
        var existing = await db.CeRecords.AsNoTracking()
            .Where(r => ids.Contains(r.IdNumber) && (r.ClassId == classId
                || (r.StartDate == cls.StudyStart && r.EndDate == cls.StudyEnd && r.CourseName == course.Name)))
            .Select(r => r.IdNumber).ToListAsync(ct);
        var already = existing.ToHashSet();

        var now = clock.GetUtcNow().UtcDateTime;
        var created = 0;
        foreach (var entry in passed.Where(e => !already.Contains(IdNumber.Normalize(e.IdNumber!))))
        {
            // The trainee's own region (never the institution's) decides the scope and the 主管部门.
            var supervisor = supervisors.For(entry.RegionCode, plan.SeriesId);
            db.CeRecords.Add(CeRecord.FromRoster(entry, cls, course.Name, course.Content, institution?.Id, institution?.Name ?? actor.UnitName, supervisor, now));
            created++;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new DomainException("保存时发现其他操作员刚为相同学员生成了记录，请刷新后重新提交");
        }
        var names = passed.Where(e => already.Contains(IdNumber.Normalize(e.IdNumber!))).Select(e => e.Name!.Trim()).ToList();
        return new RosterResult(created, names, form.Entries.Count - passed.Count);
    }

    /// <summary>Classes of this institution's own approved plans: the scope of the roster.</summary>
    private static IQueryable<TrainingClass> OwnClasses(AppDbContext db, int unitId) =>
        db.TrainingClasses.AsNoTracking()
            .Where(c => c.Plan!.OwnerUnitId == unitId && c.Plan.OwnerKind == UnitKind.Institution && c.Plan.ApprovedAt != null);

    private static IQueryable<EndedClassRow> Rows(AppDbContext db, IQueryable<TrainingClass> classes) =>
        classes.Select(c => new EndedClassRow(
            c.Id, c.Name,
            db.CatalogCourses.Where(k => k.Id == c.Plan!.CatalogCourseId).Select(k => k.Name).FirstOrDefault() ?? "",
            c.Plan!.Name, c.StudyStart, c.StudyEnd, c.PlannedEnrolment, c.Plan.Hours,
            db.CeRecords.Count(r => r.ClassId == c.Id)));

    private async Task<TrainingClass> FindEndedAsync(AppDbContext db, int unitId, int classId, CancellationToken ct)
    {
        var cls = await db.TrainingClasses.AsNoTracking().Include(c => c.Plan).SingleOrDefaultAsync(c => c.Id == classId, ct)
            ?? throw new DomainException("培训班不存在");
        if (cls.Plan is not { OwnerKind: UnitKind.Institution } plan || plan.OwnerUnitId != unitId) throw new ScopeException();
        if (plan.ApprovedAt is null) throw new DomainException("该培训班所属的专业课计划尚未审核通过，不能录入结业名单");
        if (cls.StudyEnd >= ChinaTime.Today(clock))
            throw new DomainException($"培训班尚未结束（学习结束时间为{cls.StudyEnd:yyyy-MM-dd}），结束后才能录入结业名单");
        return cls;
    }
}
