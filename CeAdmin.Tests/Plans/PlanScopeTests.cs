using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Attachments;
using CeAdmin.Domain.Catalogs;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Plans;
using CeAdmin.Tests.Attachments;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Plans;

/// <summary>1.7.2 and 1.7.3 show only the caller's region and series; a plan's 附件材料 are refused outside it; the demo's plans in every state.</summary>
[Trait("Category", "Integration")]
public sealed class PlanScopeTests() : IntegrationTest(demo: true)
{
    private const string CityInstitution = "广州市专业技术人员继续教育培训中心";

    private async Task<PlanQueryService> QueriesAsync(string login) => App.As<PlanQueryService>(await App.DemoActorAsync(login));

    private static readonly PageRequest All = new(PageSize: 100);

    /// <summary>The records demo adds past 研修班 plans whose classes await their roster; these tests look at the plans demo.</summary>
    private static bool NotRosterDemo(string planName) => !planName.EndsWith("研修班", StringComparison.Ordinal);

    [Fact]
    public async Task Plan_query_shows_the_plans_this_authority_approved_or_filed()
    {
        var city = await (await QueriesAsync("gz_edu")).PlansAsync(new PlanFilter(), All);
        Assert.Equal(["2026年广州地区高校辅导员职业能力提升培训", "2026年广州市高校教师人工智能应用能力培训", "2026年高校教师师德师风建设专题培训"],
            city.Items.Select(p => p.Name).Where(NotRosterDemo).Order(StringComparer.Ordinal));
        Assert.All(city.Items, p => Assert.True(p.OwnerName == "广州市教育局" || (p.ReviewingUnitName == "广州市教育局" && p.Status == ReviewStatus.Approved)));

        var filtered = await (await QueriesAsync("gz_edu")).PlansAsync(new PlanFilter(CourseName: "辅导员", Year: 2026), All);
        Assert.Equal("高校辅导员职业能力提升", Assert.Single(filtered.Items).CourseName);
        Assert.Empty((await (await QueriesAsync("gz_edu")).PlansAsync(new PlanFilter(Year: 2018), All)).Items);
        Assert.Empty((await (await QueriesAsync("fs_edu")).PlansAsync(new PlanFilter(), All)).Items);
        Assert.Equal(["2026年全省高校课程思政示范培训", "2026年职业本科一流课程建设专题研修"],
            (await (await QueriesAsync("gd_edu")).PlansAsync(new PlanFilter(), All)).Items.Select(p => p.Name).Where(NotRosterDemo).Order(StringComparer.Ordinal));
        await Assert.ThrowsAsync<ScopeException>(async () => await App.As<PlanQueryService>(await App.DemoActorAsync("gz_train")).PlansAsync(new PlanFilter(), All));
    }

    [Fact]
    public async Task Class_query_shows_approved_institution_classes_of_the_callers_region_and_series_only()
    {
        var city = (await (await QueriesAsync("gz_edu")).ClassesAsync(new ClassFilter(), All)).Items.Where(c => NotRosterDemo(c.PlanName)).ToList();
        Assert.Equal(2, city.Count);
        Assert.All(city, c => Assert.Equal(CityInstitution, c.OwnerName));

        var province = (await (await QueriesAsync("gd_edu")).ClassesAsync(new ClassFilter(), All)).Items;
        Assert.Equal(["广东技术师范大学继续教育学院", CityInstitution], province.Select(c => c.OwnerName).Distinct().Order(StringComparer.Ordinal));
        Assert.Single((await (await QueriesAsync("gd_edu")).ClassesAsync(new ClassFilter(InstitutionName: "技术师范"), All)).Items, c => NotRosterDemo(c.PlanName));
        Assert.Equal("2026年高校教师师德师风建设专题培训第二期",
            Assert.Single((await (await QueriesAsync("gd_edu")).ClassesAsync(new ClassFilter(ClassName: "专题培训第二期"), All)).Items).Name);

        // A county sees no city-level institution's classes, another city none of Guangzhou's; by id neither.
        Assert.Empty((await (await QueriesAsync("th_edu")).ClassesAsync(new ClassFilter(), All)).Items);
        Assert.Empty((await (await QueriesAsync("fs_edu")).ClassesAsync(new ClassFilter(), All)).Items);
        var one = city[0];
        foreach (var login in new[] { "th_edu", "fs_edu", "gpnu_ce" })
            await Assert.ThrowsAsync<ScopeException>(async () => await App.As<ClassService>(await App.DemoActorAsync(login)).GetAsync(one.PlanId, one.Id));
        var detail = await App.As<ClassService>(await App.DemoActorAsync("gz_edu")).GetAsync(one.PlanId, one.Id);
        Assert.Equal((false, 2), (detail.Editable, detail.Instructors.Count));
        Assert.Contains("**********", detail.HeadTeacherIdNumber);
    }

    [Fact]
    public async Task A_plans_attachments_are_refused_outside_its_scope()
    {
        var owner = await App.DemoActorAsync("gz_train");
        var (planId, _) = await PlanTestData.SubmittedPlanAsync(App, owner, await PlanTestData.CourseAsync(App, 2026));
        var attachmentId = Assert.Single(await App.As<AttachmentService>(owner).ListAsync(PlanService.OwnerType, planId)).Id;

        var reviewer = App.As<AttachmentService>(await App.DemoActorAsync("gz_edu"));
        Assert.Equal("培训方案.pdf", (await reviewer.DownloadAsync(attachmentId)).FileName);
        await Assert.ThrowsAsync<ScopeException>(() => reviewer.DeleteAsync(attachmentId));
        foreach (var login in new[] { "fs_edu", "th_edu", "gpnu_ce" })
        {
            var other = App.As<AttachmentService>(await App.DemoActorAsync(login));
            await Assert.ThrowsAsync<ScopeException>(() => other.ListAsync(PlanService.OwnerType, planId));
            await Assert.ThrowsAsync<ScopeException>(() => other.DownloadAsync(attachmentId));
            await Assert.ThrowsAsync<ScopeException>(() => other.UploadAsync(PlanService.OwnerType, planId, "", "x.pdf", SampleFiles.Pdf()));
        }
        var afterSubmit = await Assert.ThrowsAsync<DomainException>(() =>
            App.As<AttachmentService>(owner).UploadAsync(PlanService.OwnerType, planId, "", "补充.pdf", SampleFiles.Pdf()));
        Assert.Contains("送审后不能再修改", afterSubmit.Message);
        await Assert.ThrowsAsync<ScopeException>(() => App.As<AttachmentService>(owner).ListAsync(PlanService.OwnerType, 999_999));
    }

    [Theory]
    [InlineData("gz_edu", new[] { ReviewStatus.Submitted, ReviewStatus.Approved, ReviewStatus.Closed, ReviewStatus.Returned })]
    [InlineData("gd_edu", new[] { ReviewStatus.Submitted, ReviewStatus.Approved })]
    [InlineData("th_edu", new[] { ReviewStatus.Submitted })]
    [InlineData("hrss_reviewer", new[] { ReviewStatus.Submitted, ReviewStatus.Approved, ReviewStatus.Returned })]
    public async Task Demo_reviewers_find_plans_in_several_states(string reviewer, ReviewStatus[] states)
    {
        var queue = await App.As<ReviewService>(await App.DemoActorAsync(reviewer)).QueueAsync(new PlanReviewQueue(new PlanFilter()), new ReviewQueueFilter(), All);
        Assert.Equal(states.Order(), queue.Items.Select(r => r.Status).Distinct().Order());
    }

    [Fact]
    public async Task Demo_plans_have_classes_teachers_subjects_and_attachments_and_the_filer_sees_every_state()
    {
        var mine = await App.As<PlanService>(await App.DemoActorAsync("gz_train")).MyPlansAsync(new PlanFilter(), All);
        Assert.Equal(Enum.GetValues<ReviewStatus>().Order(), mine.Items.Select(p => p.Status).Distinct().Order());
        await using var db = App.Db();
        Assert.False(await db.TrainingPlans.AnyAsync(p => !p.Classes.Any() || p.Classes.Any(c => !c.Instructors.Any() || !c.Subjects.Any() || c.HeadTeacherId == null)));
        var submitted = await db.ReviewCases.Where(c => c.Kind == ReviewKind.TrainingPlan && c.Status != ReviewStatus.Draft).Select(c => c.SubjectId).ToListAsync();
        Assert.All(submitted, id => Assert.True(db.Attachments.Any(a => a.OwnerType == PlanService.OwnerType && a.OwnerId == id)));
        // The 2018 catalog shows the manual's 6 学时 rule in the picker.
        var picker = App.As<PublishedCourses>(await App.DemoActorAsync("gz_train"));
        Assert.Equal(3, (await picker.SearchAsync(new PublishedCourseFilter(Year: 2018), All)).Total);
    }
}
