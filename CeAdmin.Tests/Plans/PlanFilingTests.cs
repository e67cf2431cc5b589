using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Attachments;
using CeAdmin.Domain.Catalogs;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Institutions;
using CeAdmin.Domain.Organizations;
using CeAdmin.Domain.Plans;
using CeAdmin.Domain.Teachers;
using CeAdmin.Tests.Attachments;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Plans;

/// <summary>Filing plans on a real database: qualification rule, routing, classes and teachers, read-only after 送审.</summary>
[Trait("Category", "Integration")]
public sealed class PlanFilingTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private Actor _institution = null!;
    private int _courseId;
    private int _qualificationId;

    public async Task InitializeAsync()
    {
        _app = await TestApp.CreateAsync(demo: true);
        _courseId = await PlanTestData.PublishCourseAsync(_app, 2026);
        _institution = await _app.DemoActorAsync("py_train");
        _qualificationId = await PlanTestData.ApplyForQualificationAsync(_app, _institution);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private PlanService Plans(Actor actor) => _app.As<PlanService>(actor);

    [Fact]
    public async Task An_institution_without_an_approved_qualification_is_refused()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => Plans(_institution).SaveAsync(null, PlanTestData.Form(_courseId)));
        Assert.Contains("尚未取得“高等学校教师”专业培训资格", refused.Message);
        await using var db = _app.Db();
        Assert.False(await db.TrainingPlans.AnyAsync());
    }

    [Fact]
    public async Task Institution_plan_goes_to_its_authority_and_is_read_only_after_submit()
    {
        await PlanTestData.ApproveQualificationAsync(_app, _qualificationId);
        var plans = Plans(_institution);
        var planId = await plans.SaveAsync(null, PlanTestData.Form(_courseId));
        await Assert.ThrowsAsync<DomainException>(() => plans.SubmitAsync(planId));

        var teacher = await _app.As<TeacherService>(_institution).CreateAsync(PlanTestData.Teacher("黄德聪", 1));
        var classes = _app.As<ClassService>(_institution);
        await classes.SaveAsync(planId, null, PlanTestData.Class(teacher, [teacher], "师德师风", "课程思政"));
        await plans.SubmitAsync(planId);

        var detail = await plans.GetAsync(planId);
        Assert.Equal(("广州市教育局", PlanRouting.AuthorityStep, ReviewStatus.Submitted, false), (detail.ReviewingUnitName, detail.Step, detail.Status, detail.Editable));
        var classRow = Assert.Single(detail.Classes);
        Assert.Equal(("黄德聪", 30, 2m), (classRow.HeadTeacherName, classRow.PlannedEnrolment, classRow.Days));

        var edit = await Assert.ThrowsAsync<DomainException>(() => plans.SaveAsync(planId, PlanTestData.Form(_courseId)));
        Assert.Contains("送审后不能再修改", edit.Message);
        await Assert.ThrowsAsync<DomainException>(() => classes.SaveAsync(planId, null, PlanTestData.Class(teacher, [teacher])));
        await Assert.ThrowsAsync<DomainException>(() => classes.DeleteAsync(planId, [classRow.Id]));
    }

    [Fact]
    public async Task An_authoritys_own_plan_goes_to_the_hrss_department()
    {
        var province = await _app.DemoActorAsync("gd_edu");
        var planId = await Plans(province).SaveAsync(null, PlanTestData.Form(_courseId));
        var detail = await Plans(province).GetAsync(planId);
        Assert.Equal(("广东省人力资源和社会保障厅", PlanRouting.HrssStep, ReviewStatus.Draft), (detail.ReviewingUnitName, detail.Step, detail.Status));
    }

    [Fact]
    public async Task A_disabled_teacher_cannot_be_chosen_but_stays_on_classes_that_have_him()
    {
        await PlanTestData.ApproveQualificationAsync(_app, _qualificationId);
        var teachers = _app.As<TeacherService>(_institution);
        var head = await teachers.CreateAsync(PlanTestData.Teacher("黄德聪", 1));
        var other = await teachers.CreateAsync(PlanTestData.Teacher("李晓梅", 2));
        var planId = await Plans(_institution).SaveAsync(null, PlanTestData.Form(_courseId));
        var classes = _app.As<ClassService>(_institution);
        var classId = await classes.SaveAsync(planId, null, PlanTestData.Class(head, [head, other]));

        await teachers.DisableAsync(other);
        Assert.DoesNotContain(await classes.SelectableTeachersAsync(), t => t.TeacherId == other);
        // He stays on the class that already has him …
        await classes.SaveAsync(planId, classId, PlanTestData.Class(head, [head, other]));
        // … but cannot be chosen for another one.
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => classes.SaveAsync(planId, null, PlanTestData.Class(head, [other])));
        Assert.Contains("已启用", refused.Errors["InstructorIds"][0]);
        // And the registry disables rather than deletes a teacher in use.
        Assert.Equal(TeacherDeletion.DisabledInstead, await teachers.DeleteAsync(head));
    }

    [Fact]
    public async Task Class_dates_must_lie_inside_the_plan_and_hours_follow_the_year()
    {
        await PlanTestData.ApproveQualificationAsync(_app, _qualificationId);
        var plans = Plans(_institution);
        var tooMany = PlanTestData.Form(_courseId);
        tooMany.Hours = 17;
        var hours = await Assert.ThrowsAsync<ValidationFailedException>(() => plans.SaveAsync(null, tooMany));
        Assert.Contains("一天8学时", hours.Errors["Hours"][0]);

        var planId = await plans.SaveAsync(null, PlanTestData.Form(_courseId));
        var teacher = await _app.As<TeacherService>(_institution).CreateAsync(PlanTestData.Teacher("黄德聪", 1));
        var outside = PlanTestData.Class(teacher, [teacher]);
        outside.StudyEnd = new DateTime(2026, 10, 5);
        var dates = await Assert.ThrowsAsync<ValidationFailedException>(() => _app.As<ClassService>(_institution).SaveAsync(planId, null, outside));
        Assert.Contains("计划时间", dates.Errors["StudyStart"][0]);
    }

    [Fact]
    public async Task Another_region_cannot_open_the_plan_by_id()
    {
        await PlanTestData.ApproveQualificationAsync(_app, _qualificationId);
        var planId = await Plans(_institution).SaveAsync(null, PlanTestData.Form(_courseId));
        var otherInstitution = Plans(await _app.DemoActorAsync("gpnu_ce"));
        var otherCounty = Plans(await _app.DemoActorAsync("th_edu"));
        await Assert.ThrowsAsync<ScopeException>(() => otherInstitution.GetAsync(planId));
        await Assert.ThrowsAsync<ScopeException>(() => otherCounty.GetAsync(planId));
        Assert.Equal("广州市专业技术人员继续教育培训中心", (await Plans(await _app.DemoActorAsync("gd_edu")).GetAsync(planId)).OwnerName);
    }
}

/// <summary>Arranging a published course, an institution with a qualification, plan and class forms.</summary>
internal static class PlanTestData
{
    public static async Task<int> PublishCourseAsync(TestApp app, int year)
    {
        var province = await app.DemoActorAsync("gd_edu");
        await using var db = app.Db();
        var series = await db.Series.Where(s => s.Name == "高等学校教师").Select(s => s.Id).SingleAsync();
        var catalogs = app.As<CatalogService>(province);
        var catalogId = await catalogs.SaveAsync(null, new CatalogForm { SeriesId = series, DeclaredOn = new DateTime(year, 1, 10), OperatorName = "李文华", Year = year });
        var courseId = await catalogs.SaveCourseAsync(catalogId, null, new CourseForm { Name = "高校教师教学能力提升", Content = "教学设计与课堂组织" });
        await catalogs.PublishAsync(catalogId);
        return courseId;
    }

    public static async Task<int> ApplyForQualificationAsync(TestApp app, Actor institution)
    {
        var service = app.As<InstitutionService>(institution);
        await service.SaveMineAsync(new InstitutionForm
        {
            Name = "广州市专业技术人员继续教育培训中心", Code = "91110000600037341L", Level = AffiliationLevel.City, Nature = "事业单位", RegionCode = "440100",
            ParentAuthorityName = "广州市教育局", LegalName = "刘海燕", LegalPhone = "020-83330000", LegalEmail = "legal@gztrain.cn",
            ContactName = "陈晓", ContactPhone = "13800138001", ContactEmail = "contact@gztrain.cn", Address = "广州市越秀区东风中路1号", Profile = "专业技术人员继续教育培训。",
        });
        await using var db = app.Db();
        var series = await db.Series.Where(s => s.Name == "高等学校教师").Select(s => s.Id).SingleAsync();
        var id = await service.ApplyAsync(new QualificationForm { SeriesId = series, Overview = "高校教师培训", Industry = "教育" });
        db.Attachments.Add(Attachment.Create(InstitutionService.OwnerType, id, "办学许可证", "许可证.png", SampleFiles.Png(), institution.UserName, institution.UnitId, DateTime.UtcNow));
        await db.SaveChangesAsync();
        await service.SubmitAsync(id);
        return id;
    }

    /// <summary>The city authority agrees (what its review page does).</summary>
    public static async Task ApproveQualificationAsync(TestApp app, int qualificationId)
    {
        var city = await app.DemoActorAsync("gz_edu");
        await using var db = app.Db();
        var reviewCase = await db.ReviewCases.Include(c => c.History).SingleAsync(c => c.Kind == ReviewKind.Qualification && c.SubjectId == qualificationId);
        reviewCase.Approve(city, "同意", DateTime.UtcNow);
        (await db.TrainingQualifications.SingleAsync(q => q.Id == qualificationId)).ApprovedAt = DateTime.UtcNow;
        await db.SaveChangesAsync();
    }

    public static PlanForm Form(int courseId) => new()
    {
        CatalogCourseId = courseId, Year = 2026, Name = "2026年高校教师教学能力提升培训", Days = 2, Hours = 16, PlannedSessions = 1,
        StartDate = new DateTime(2026, 9, 1), EndDate = new DateTime(2026, 9, 30), Content = "教学设计、课堂组织与评价", Audience = "高校专任教师",
    };

    public static TeacherForm Teacher(string name, int seq) => new()
    {
        Name = name, Gender = CeAdmin.Domain.Common.Gender.Male, IdNumber = CeAdmin.Domain.Demo.DemoIds.IdNumber("440104", new DateOnly(1975, 3, seq), 11),
        Title = "教授", Phone = "13800000000", Email = "t@example.cn", Courses = "教学能力提升", Profile = "从事高校教师培训多年。",
    };

    public static ClassForm Class(int headTeacher, int[] instructors, params string[] subjects) => new()
    {
        Name = "2026年高校教师教学能力提升培训班", PlannedOpenDate = new DateTime(2026, 9, 1), StudyMode = "面授培训",
        StudyStart = new DateTime(2026, 9, 1), StudyEnd = new DateTime(2026, 9, 2), PlannedEnrolment = 30, HeadTeacherId = headTeacher,
        ExamType = "笔试", Location = "广州市越秀区东风中路1号", Schedule = "9月1日-2日 9:00-17:00", InstructorIds = [.. instructors], Subjects = [.. subjects],
    };
}
