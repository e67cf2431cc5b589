using CeAdmin.Domain.Common;
using CeAdmin.Demo;
using CeAdmin.Domain.Records;
using CeAdmin.Domain.Statistics;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Records;

/// <summary>结业名单 → 继续教育记录 on a real database, as the demo institutions.</summary>
public sealed class RosterTests() : IntegrationTest(demo: true)
{
    private static readonly string Male = DemoIds.IdNumber("440104", new DateOnly(1988, 4, 9), 131);
    private static readonly string Female = DemoIds.IdNumber("440106", new DateOnly(1991, 12, 1), 242);
    private static readonly string Failed = DemoIds.IdNumber("440103", new DateOnly(1985, 7, 20), 353);
    private static readonly string Late = DemoIds.IdNumber("440111", new DateOnly(1979, 2, 14), 465);

    /// <summary>A roster line; the trainee works in 天河区 unless told otherwise.</summary>
    private static RosterEntry Entry(string name, string gender, string id, string result = "合格", string? region = "440106", string? unit = "华南师范大学") =>
        new() { Name = name, Gender = gender, IdNumber = id, Result = result, RegionCode = region, WorkUnit = unit };

    private async Task<(RosterService Service, EndedClassRow Awaiting)> AwaitingClassAsync(string login = "gz_train")
    {
        var service = App.As<RosterService>(await App.DemoActorAsync(login));
        var classes = await service.EndedClassesAsync();
        return (service, classes.First(c => c.RecordedCount == 0));
    }

    [Fact]
    public async Task Each_passed_person_gets_one_record_from_the_plan_and_class_and_never_two()
    {
        var service = App.As<RosterService>(await App.DemoActorAsync("gz_train"));
        var classes = await service.EndedClassesAsync();
        // Last year's two classes and this year's first have their rosters; this year's second awaits it.
        Assert.Equal(4, classes.Count);
        Assert.Equal(3, classes.Count(c => c.RecordedCount > 0));
        var awaiting = classes.Single(c => c.RecordedCount == 0);

        var result = await service.SubmitAsync(awaiting.ClassId, new RosterForm
        {
            Entries =
            [
                Entry("林志明", "男", Male, region: "440104", unit: "广州城市职业学院"),
                Entry("黄晓丽", "女", Female.ToLowerInvariant()),
                Entry("陈建国", "男", Failed, "不合格"),
            ],
        });
        Assert.Equal((2, 1), (result.Created, result.NotPassed));
        Assert.Empty(result.AlreadyRecorded);

        await using (var db = App.Db())
        {
            var cls = await db.TrainingClasses.Include(c => c.Plan).SingleAsync(c => c.Id == awaiting.ClassId);
            var plan = cls.Plan!;
            var course = await db.CatalogCourses.SingleAsync(c => c.Id == plan.CatalogCourseId);
            var records = await db.CeRecords.Where(r => r.ClassId == cls.Id).OrderBy(r => r.Id).ToListAsync();
            Assert.Equal([Male, Female], records.Select(r => r.IdNumber));
            var r = records[0];
            Assert.Equal(("林志明", "男", course.Name, RecordValues.Professional, cls.StudyMode), (r.PersonName, r.Gender, r.CourseName, r.SubjectType, r.StudyMode));
            Assert.Equal((cls.StudyStart, cls.StudyEnd, plan.Days, plan.Hours, plan.Year), (r.StartDate, r.EndDate, r.Days, r.Hours, r.Year));
            Assert.Equal(("广州市专业技术人员继续教育培训中心", cls.Location, course.Content, RecordValues.Passed), (r.InstitutionName, r.Location, r.Content, r.Result));
            // Each record carries the trainee's own region and the 主管部门 that follows from it, not the institution's:
            // 越秀区 has no approved authority of the series (its application was returned), so the city answers.
            Assert.Equal("440100", plan.RegionCode);
            Assert.Equal(("440104", "广州城市职业学院", plan.SeriesId, "广州市教育局", RecordSource.Roster), (r.RegionCode, r.WorkUnit, r.SeriesId, r.AuthorityName, r.Source));
            Assert.Equal(("440106", "华南师范大学", "广州市天河区教育局"), (records[1].RegionCode, records[1].WorkUnit, records[1].AuthorityName));
        }

        // Entered again with one more person: the two already recorded are named, not duplicated.
        var again = await service.SubmitAsync(awaiting.ClassId, new RosterForm
        {
            Entries = [Entry("林志明", "男", Male), Entry("黄晓丽", "女", Female), Entry("吴海涛", "男", Late)],
        });
        Assert.Equal(1, again.Created);
        Assert.Equal(["林志明", "黄晓丽"], again.AlreadyRecorded);
        Assert.Contains("未重复生成", again.ToMessage());
        await using var check = App.Db();
        Assert.Equal(3, await check.CeRecords.CountAsync(r => r.ClassId == awaiting.ClassId));
        var info = await service.GetClassAsync(awaiting.ClassId);
        Assert.Equal(3, info.Recorded.Count);
        Assert.All(info.Recorded, p => Assert.Contains("**********", p.MaskedIdNumber));
    }

    [Fact]
    public async Task Every_bad_field_is_named_and_nothing_is_written()
    {
        var (service, awaiting) = await AwaitingClassAsync();
        var bad = await Assert.ThrowsAsync<ValidationFailedException>(() => service.SubmitAsync(awaiting.ClassId, new RosterForm
        {
            Entries =
            [
                Entry("", "男", Male),
                Entry("黄晓丽", "男", Female),
                Entry("陈建国", "男", Male[..17] + (Male[17] == '1' ? '2' : '1'), ""),
                Entry("林志明", "男", Male),
                Entry("=HYPERLINK(\"http://x\",\"y\")", "男", Late, region: null, unit: " "),
                Entry("吴海涛", "男", Failed, region: "999999"),
            ],
        }));
        Assert.Equal("请输入姓名", bad.Errors["Entries[0].Name"][0]);
        Assert.Equal("姓名不能以 = + - @ 开头", bad.Errors["Entries[4].Name"][0]);
        Assert.Equal("请选择所属地区", bad.Errors["Entries[4].RegionCode"][0]);
        Assert.Equal("请输入工作单位", bad.Errors["Entries[4].WorkUnit"][0]);
        Assert.Equal("所属地区不是广东省的行政区划", bad.Errors["Entries[5].RegionCode"][0]);
        Assert.Equal("性别与公民身份号码不符", bad.Errors["Entries[1].Gender"][0]);
        Assert.Equal("公民身份号码格式或校验位不正确", bad.Errors["Entries[2].IdNumber"][0]);
        Assert.Equal("请选择考核结果", bad.Errors["Entries[2].Result"][0]);
        Assert.Equal("名单中公民身份号码重复", bad.Errors["Entries[3].IdNumber"][0]);

        var empty = await Assert.ThrowsAsync<ValidationFailedException>(() => service.SubmitAsync(awaiting.ClassId, new RosterForm()));
        Assert.Equal("请至少录入一名学员", empty.Errors["Entries"][0]);
        await using var db = App.Db();
        Assert.Equal(0, await db.CeRecords.CountAsync(r => r.ClassId == awaiting.ClassId));
    }

    [Fact]
    public async Task Another_institutions_class_a_running_class_and_other_roles_are_refused()
    {
        var (_, awaiting) = await AwaitingClassAsync("gz_train");
        var form = new RosterForm { Entries = [Entry("林志明", "男", Male)] };

        var other = App.As<RosterService>(await App.DemoActorAsync("gpnu_ce"));
        await Assert.ThrowsAsync<ScopeException>(() => other.SubmitAsync(awaiting.ClassId, form));
        await Assert.ThrowsAsync<ScopeException>(() => other.GetClassAsync(awaiting.ClassId));
        Assert.DoesNotContain(await other.EndedClassesAsync(), c => c.ClassId == awaiting.ClassId);

        await Assert.ThrowsAsync<ScopeException>(async () => await App.As<RosterService>(await App.DemoActorAsync("gz_edu")).EndedClassesAsync());

        int running;
        await using (var db = App.Db())
            running = await db.TrainingClasses.Where(c => c.Plan!.OwnerUnitId == db.Institutions.Where(i => i.Name == "广州市专业技术人员继续教育培训中心").Select(i => i.UnitAccountId).First())
                .OrderByDescending(c => c.StudyEnd).Select(c => c.Id).FirstAsync();
        var service = App.As<RosterService>(await App.DemoActorAsync("gz_train"));
        var notEnded = await Assert.ThrowsAsync<DomainException>(() => service.SubmitAsync(running, form));
        Assert.Contains("尚未结束", notEnded.Message);
    }

    [Fact]
    public async Task A_trainee_of_another_county_is_counted_in_that_countys_query_and_statistics()
    {
        var (service, awaiting) = await AwaitingClassAsync();
        var county = App.As<CeRecordService>(await App.DemoActorAsync("th_edu"));
        var stats = App.As<StatisticsService>(await App.DemoActorAsync("th_edu"));
        var year = (await service.GetClassAsync(awaiting.ClassId)).Class.StudyStart.Year;
        var before = (await stats.GetAsync(new StatisticsQuery("440106", Year: year))).Total.Records;

        // 广州市's institution trains a 天河区 professional: the record belongs to 天河区 and its authority.
        await service.SubmitAsync(awaiting.ClassId, new RosterForm { Entries = [Entry("黄晓丽", "女", Female)] });
        var found = await county.QueryAsync(new CeRecordFilter(IdNumber: Female), new RecordPageRequest(new PageSeek.First(), IncludeTotal: true));
        Assert.Equal(1, found.Total);
        Assert.Equal(("广州市天河区", "广州市天河区教育局"), (found.Items[0].RegionName, found.Items[0].AuthorityName));
        var detail = await county.GetAsync(found.Items[0].Id);
        Assert.Equal(("华南师范大学", "广东省 广州市 天河区"), (detail.WorkUnit, detail.RegionName));
        Assert.Equal(before + 1, (await stats.GetAsync(new StatisticsQuery("440106", Year: year))).Total.Records);

        // A trainee of 越秀区 from the same class is not 天河区's.
        await service.SubmitAsync(awaiting.ClassId, new RosterForm { Entries = [Entry("林志明", "男", Male, region: "440104")] });
        var other = await county.QueryAsync(new CeRecordFilter(IdNumber: Male), new RecordPageRequest(new PageSeek.First(), IncludeTotal: true));
        Assert.Equal(0, other.Total);
        var city = App.As<StatisticsService>(await App.DemoActorAsync("gz_edu"));
        var byDistrict = (await city.GetAsync(new StatisticsQuery("440100", Year: year))).ByRegion;
        await using var db = App.Db();
        Assert.Equal(await db.CeRecords.CountAsync(r => r.RegionCode == "440104" && r.Year == year && r.SeriesId == 1),
            byDistrict.Single(r => r.Label == "越秀区").Records);
    }

    [Fact]
    public async Task A_known_person_gets_the_work_unit_and_region_of_his_latest_record_and_nobody_else_does()
    {
        var (service, awaiting) = await AwaitingClassAsync();
        CeRecord latest;
        await using (var db = App.Db())
        {
            // Someone with two imported records: the later one gives the default.
            var person = await db.CeRecords.Where(r => r.Source == RecordSource.Import && r.WorkUnit != "")
                .GroupBy(r => r.IdNumber).Where(g => g.Count() > 1).Select(g => g.Key).FirstAsync();
            latest = await db.CeRecords.Where(r => r.IdNumber == person).OrderByDescending(r => r.EndDate).ThenByDescending(r => r.Id).FirstAsync();
        }
        var entries = new List<RosterEntry>
        {
            new() { Name = latest.PersonName, IdNumber = latest.IdNumber.ToLowerInvariant() },
            new() { Name = "另一个人", IdNumber = latest.IdNumber },
            new() { Name = "林志明", IdNumber = Male },
        };
        var defaults = await service.DefaultsAsync(awaiting.ClassId, entries);
        var d = Assert.Single(defaults).Value;
        Assert.Equal((latest.WorkUnit, latest.RegionCode), (d.WorkUnit, d.RegionCode));
        Assert.Contains(latest.EndDate.ToString("yyyy-MM-dd"), d.Source);

        // Another institution's class is not a way in.
        var other = App.As<RosterService>(await App.DemoActorAsync("gpnu_ce"));
        await Assert.ThrowsAsync<ScopeException>(() => other.DefaultsAsync(awaiting.ClassId, entries));
    }

    [Fact]
    public async Task A_record_whose_region_the_migration_could_not_establish_is_no_default()
    {
        var (service, awaiting) = await AwaitingClassAsync();
        await using var db = App.Db();
        // A person with this one record only.
        var record = await db.CeRecords.Where(r => r.Source == RecordSource.Roster && db.CeRecords.Count(o => o.IdNumber == r.IdNumber) == 1)
            .OrderBy(r => r.Id).FirstAsync();
        var entries = new List<RosterEntry> { new() { Name = record.PersonName, IdNumber = record.IdNumber } };
        Assert.Equal(record.RegionCode, (await service.DefaultsAsync(awaiting.ClassId, entries))[record.IdNumber].RegionCode);

        db.Set<RecordRegionFix>().Add(new RecordRegionFix { RecordId = record.Id, OldRegionCode = record.RegionCode, Outcome = RegionFixOutcome.Unresolved, Reason = "待核实" });
        await db.SaveChangesAsync();
        Assert.Empty(await service.DefaultsAsync(awaiting.ClassId, entries));
    }
}
