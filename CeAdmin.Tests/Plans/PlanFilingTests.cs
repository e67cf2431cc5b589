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
public sealed class PlanFilingTests() : IntegrationTest(demo: true)
{
    private Actor _institution = null!;
    private int _courseId;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _courseId = await PlanTestData.CourseAsync(App, 2026);
        // The demo's city-level institution, qualified in 高等学校教师 by 广州市教育局.
        _institution = await App.DemoActorAsync("gz_train");
    }

    private PlanService Plans(Actor actor) => App.As<PlanService>(actor);

    [Fact]
    public async Task An_institution_without_an_approved_qualification_is_refused()
    {
        // py_train has not applied yet: it applies, but nobody has approved it.
        var newcomer = await App.DemoActorAsync("py_train");
        await PlanTestData.ApplyForQualificationAsync(App, newcomer);
        var refused = await Assert.ThrowsAsync<DomainException>(() => Plans(newcomer).SaveAsync(null, PlanTestData.Form(_courseId)));
        Assert.Contains("尚未取得“高等学校教师”专业培训资格", refused.Message);
        await using var db = App.Db();
        Assert.False(await db.TrainingPlans.AnyAsync(p => p.OwnerUnitId == newcomer.UnitId));
    }

    [Fact]
    public async Task Institution_plan_goes_to_its_authority_and_is_read_only_after_submit()
    {
        var plans = Plans(_institution);
        var planId = await plans.SaveAsync(null, PlanTestData.Form(_courseId));
        await Assert.ThrowsAsync<DomainException>(() => plans.SubmitAsync(planId));

        var teacher = await App.As<TeacherService>(_institution).CreateAsync(PlanTestData.Teacher("何振宇", 1));
        var classes = App.As<ClassService>(_institution);
        await classes.SaveAsync(planId, null, PlanTestData.Class(teacher, [teacher], "师德师风", "课程思政"));
        await plans.SubmitAsync(planId);

        var detail = await plans.GetAsync(planId);
        Assert.Equal(("广州市教育局", "专业课计划审核,行业主管部门", ReviewStatus.Submitted, false), (detail.ReviewingUnitName, detail.Step, detail.Status, detail.Editable));
        var classRow = Assert.Single(detail.Classes);
        Assert.Equal(("何振宇", 30, 2m), (classRow.HeadTeacherName, classRow.PlannedEnrolment, classRow.Days));

        var edit = await Assert.ThrowsAsync<DomainException>(() => plans.SaveAsync(planId, PlanTestData.Form(_courseId)));
        Assert.Contains("送审后不能再修改", edit.Message);
        await Assert.ThrowsAsync<DomainException>(() => classes.SaveAsync(planId, null, PlanTestData.Class(teacher, [teacher])));
        await Assert.ThrowsAsync<DomainException>(() => classes.DeleteAsync(planId, [classRow.Id]));
    }

    [Fact]
    public async Task An_authoritys_own_plan_goes_to_the_hrss_department()
    {
        var province = await App.DemoActorAsync("gd_edu");
        var planId = await Plans(province).SaveAsync(null, PlanTestData.Form(_courseId));
        var detail = await Plans(province).GetAsync(planId);
        Assert.Equal(("广东省人力资源和社会保障厅", "专业课计划审核,人社业务主管部门", ReviewStatus.Draft), (detail.ReviewingUnitName, detail.Step, detail.Status));
    }

    [Fact]
    public async Task A_disabled_teacher_cannot_be_chosen_but_stays_on_classes_that_have_him()
    {
        var teachers = App.As<TeacherService>(_institution);
        var head = await teachers.CreateAsync(PlanTestData.Teacher("何振宇", 1));
        var other = await teachers.CreateAsync(PlanTestData.Teacher("林雅婷", 2));
        var planId = await Plans(_institution).SaveAsync(null, PlanTestData.Form(_courseId));
        var classes = App.As<ClassService>(_institution);
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
        var plans = Plans(_institution);
        var tooMany = PlanTestData.Form(_courseId);
        tooMany.Hours = 17;
        var hours = await Assert.ThrowsAsync<ValidationFailedException>(() => plans.SaveAsync(null, tooMany));
        Assert.Contains("一天8学时", hours.Errors["Hours"][0]);

        var planId = await plans.SaveAsync(null, PlanTestData.Form(_courseId));
        var teacher = await App.As<TeacherService>(_institution).CreateAsync(PlanTestData.Teacher("何振宇", 1));
        var outside = PlanTestData.Class(teacher, [teacher]);
        outside.StudyEnd = new DateTime(2026, 10, 5);
        var dates = await Assert.ThrowsAsync<ValidationFailedException>(() => App.As<ClassService>(_institution).SaveAsync(planId, null, outside));
        Assert.Contains("计划时间", dates.Errors["StudyStart"][0]);
    }

    [Fact]
    public async Task Another_region_cannot_open_the_plan_by_id()
    {
        var planId = await Plans(_institution).SaveAsync(null, PlanTestData.Form(_courseId));
        var otherInstitution = Plans(await App.DemoActorAsync("gpnu_ce"));
        var otherCounty = Plans(await App.DemoActorAsync("th_edu"));
        await Assert.ThrowsAsync<ScopeException>(() => otherInstitution.GetAsync(planId));
        await Assert.ThrowsAsync<ScopeException>(() => otherCounty.GetAsync(planId));
        Assert.Equal("广州市专业技术人员继续教育培训中心", (await Plans(await App.DemoActorAsync("gd_edu")).GetAsync(planId)).OwnerName);
    }
}
