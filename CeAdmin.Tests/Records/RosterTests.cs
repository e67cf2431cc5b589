using CeAdmin.Domain.Common;
using CeAdmin.Domain.Demo;
using CeAdmin.Domain.Records;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Records;

/// <summary>结业名单 → 继续教育记录 on a real database, as the demo institutions.</summary>
[Trait("Category", "Integration")]
public sealed class RosterTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.CreateAsync(demo: true);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static readonly string Male = DemoIds.IdNumber("440104", new DateOnly(1988, 4, 9), 131);
    private static readonly string Female = DemoIds.IdNumber("440106", new DateOnly(1991, 12, 1), 242);
    private static readonly string Failed = DemoIds.IdNumber("440103", new DateOnly(1985, 7, 20), 353);
    private static readonly string Late = DemoIds.IdNumber("440111", new DateOnly(1979, 2, 14), 465);

    private async Task<(RosterService Service, EndedClassRow Awaiting)> AwaitingClassAsync(string login = "gz_train")
    {
        var service = _app.As<RosterService>(await _app.DemoActorAsync(login));
        var classes = await service.EndedClassesAsync();
        return (service, classes.First(c => c.RecordedCount == 0));
    }

    [Fact]
    public async Task Each_passed_person_gets_one_record_from_the_plan_and_class_and_never_two()
    {
        var service = _app.As<RosterService>(await _app.DemoActorAsync("gz_train"));
        var classes = await service.EndedClassesAsync();
        // Last year's two classes and this year's first have their rosters; this year's second awaits it.
        Assert.Equal(4, classes.Count);
        Assert.Equal(3, classes.Count(c => c.RecordedCount > 0));
        var awaiting = classes.Single(c => c.RecordedCount == 0);

        var result = await service.SubmitAsync(awaiting.ClassId, new RosterForm
        {
            Entries =
            [
                new() { Name = "林志明", Gender = "男", IdNumber = Male, Result = "合格" },
                new() { Name = "黄晓丽", Gender = "女", IdNumber = Female.ToLowerInvariant(), Result = "合格" },
                new() { Name = "陈建国", Gender = "男", IdNumber = Failed, Result = "不合格" },
            ],
        });
        Assert.Equal((2, 1), (result.Created, result.NotPassed));
        Assert.Empty(result.AlreadyRecorded);

        await using (var db = _app.Db())
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
            Assert.Equal((plan.RegionCode, plan.SeriesId, "广州市教育局", RecordSource.Roster), (r.RegionCode, r.SeriesId, r.AuthorityName, r.Source));
        }

        // Entered again with one more person: the two already recorded are named, not duplicated.
        var again = await service.SubmitAsync(awaiting.ClassId, new RosterForm
        {
            Entries =
            [
                new() { Name = "林志明", Gender = "男", IdNumber = Male, Result = "合格" },
                new() { Name = "黄晓丽", Gender = "女", IdNumber = Female, Result = "合格" },
                new() { Name = "吴海涛", Gender = "男", IdNumber = Late, Result = "合格" },
            ],
        });
        Assert.Equal(1, again.Created);
        Assert.Equal(["林志明", "黄晓丽"], again.AlreadyRecorded);
        Assert.Contains("未重复生成", again.ToMessage());
        await using var check = _app.Db();
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
                new() { Name = "", Gender = "男", IdNumber = Male, Result = "合格" },
                new() { Name = "黄晓丽", Gender = "男", IdNumber = Female, Result = "合格" },
                new() { Name = "陈建国", Gender = "男", IdNumber = Male[..17] + (Male[17] == '1' ? '2' : '1'), Result = "" },
                new() { Name = "林志明", Gender = "男", IdNumber = Male, Result = "合格" },
            ],
        }));
        Assert.Equal("请输入姓名", bad.Errors["Entries[0].Name"][0]);
        Assert.Equal("性别与公民身份号码不符", bad.Errors["Entries[1].Gender"][0]);
        Assert.Equal(ValidationRules.IdNumberMessage, bad.Errors["Entries[2].IdNumber"][0]);
        Assert.Equal("请选择考核结果", bad.Errors["Entries[2].Result"][0]);
        Assert.Equal("名单中公民身份号码重复", bad.Errors["Entries[3].IdNumber"][0]);

        var empty = await Assert.ThrowsAsync<ValidationFailedException>(() => service.SubmitAsync(awaiting.ClassId, new RosterForm()));
        Assert.Equal("请至少录入一名学员", empty.Errors["Entries"][0]);
        await using var db = _app.Db();
        Assert.Equal(0, await db.CeRecords.CountAsync(r => r.ClassId == awaiting.ClassId));
    }

    [Fact]
    public async Task Another_institutions_class_a_running_class_and_other_roles_are_refused()
    {
        var (_, awaiting) = await AwaitingClassAsync("gz_train");
        var form = new RosterForm { Entries = [new() { Name = "林志明", Gender = "男", IdNumber = Male, Result = "合格" }] };

        var other = _app.As<RosterService>(await _app.DemoActorAsync("gpnu_ce"));
        await Assert.ThrowsAsync<ScopeException>(() => other.SubmitAsync(awaiting.ClassId, form));
        await Assert.ThrowsAsync<ScopeException>(() => other.GetClassAsync(awaiting.ClassId));
        Assert.DoesNotContain(await other.EndedClassesAsync(), c => c.ClassId == awaiting.ClassId);

        await Assert.ThrowsAsync<ScopeException>(async () => await _app.As<RosterService>(await _app.DemoActorAsync("gz_edu")).EndedClassesAsync());

        int running;
        await using (var db = _app.Db())
            running = await db.TrainingClasses.Where(c => c.Plan!.OwnerUnitId == db.Institutions.Where(i => i.Name == "广州市专业技术人员继续教育培训中心").Select(i => i.UnitAccountId).First())
                .OrderByDescending(c => c.StudyEnd).Select(c => c.Id).FirstAsync();
        var service = _app.As<RosterService>(await _app.DemoActorAsync("gz_train"));
        var notEnded = await Assert.ThrowsAsync<DomainException>(() => service.SubmitAsync(running, form));
        Assert.Contains("尚未结束", notEnded.Message);
    }
}
