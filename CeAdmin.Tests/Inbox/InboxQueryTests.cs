using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Inbox;
using CeAdmin.Domain.Institutions;
using CeAdmin.Domain.Organizations;
using CeAdmin.Domain.Plans;
using CeAdmin.Tests.Organizations;
using CeAdmin.Tests.Plans;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Inbox;

/// <summary>
/// The 首页's queries: a reviewer's 待审核 counts are its review grids' counts (the grid's own query and scope
/// filter), so another region's pending cases are never counted; an applicant's 待办 lists its own returned
/// cases with the opinion and its drafts; a decision tells the inbox of both units.
/// </summary>
public sealed class InboxQueryTests : ApprovedChainTest
{
    private static readonly ReviewQueueFilter Pending = new(Status: ReviewStatus.Submitted);

    private sealed record World(Actor Foshan, Actor GuangzhouInstitution, int GuangzhouPlanCase, int FoshanCountyCase, int FoshanPlanCase);

    [Fact]
    public async Task Pending_counts_are_the_grids_counts_and_never_include_another_regions_cases()
    {
        var w = await WorldAsync();

        Assert.Equal((1, 1, 1), await CountsAsync(Chain.City));
        Assert.Equal((1, 1, 1), await CountsAsync(w.Foshan));
        var grid = App.As<ReviewService>(Chain.City);
        Assert.Equal(1, (await grid.QueueAsync(AuthorityReviewQueue.Instance, Pending, new PageRequest())).Total);
        Assert.Equal(1, (await grid.QueueAsync(new PlanReviewQueue(new PlanFilter()), Pending, new PageRequest())).Total);

        // Foshan's cases routed to 广州市教育局 (a misrouted case, a moved region): its unit is the reviewer, but the
        // subjects lie outside its region, so its counts (like its grid) never include them.
        await using (var db = App.Db())
        {
            await db.ReviewCases.Where(c => c.Id == w.FoshanCountyCase || c.Id == w.FoshanPlanCase)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ReviewingUnitId, Chain.City.UnitId));
        }
        Assert.Equal((1, 1, 1), await CountsAsync(Chain.City));
        Assert.Equal((0, 1, 0), await CountsAsync(w.Foshan));

        // Decided cases are not pending any more; the province's own queue never held the city's cases.
        await App.As<ReviewService>(Chain.City).DecideAsync(w.GuangzhouPlanCase, ReviewDecision.Approve, null);
        Assert.Equal((1, 1, 0), await CountsAsync(Chain.City));
        Assert.Equal((0, 0, 0), await CountsAsync(Chain.Province));
    }

    [Fact]
    public async Task Only_reviewing_units_get_counts()
    {
        var w = await WorldAsync();
        await Assert.ThrowsAsync<ScopeException>(() => App.As<ReviewService>(w.GuangzhouInstitution).CountAsync(AuthorityReviewQueue.Instance, Pending));
    }

    [Fact]
    public async Task The_applicants_open_cases_are_its_returned_ones_with_the_opinion_then_its_drafts()
    {
        var w = await WorldAsync();
        var course = await CourseAsync();
        var plans = App.As<PlanService>(w.GuangzhouInstitution);
        var draft = await plans.SaveAsync(null, PlanTestData.Form(course, "2026年尚未送审的培训计划"));
        var (returnedPlan, returnedCase) = await PlanTestData.SubmittedPlanAsync(App, w.GuangzhouInstitution, course, "2026年被退回的培训计划");
        await App.As<ReviewService>(Chain.City).DecideAsync(returnedCase, ReviewDecision.RejectAndReturn, "请补充培训方案");
        await PlanTestData.SubmittedPlanAsync(App, w.GuangzhouInstitution, course, "2026年待审核的培训计划");

        var rows = await App.As<ReviewService>(w.GuangzhouInstitution).MyOpenCasesAsync();

        Assert.Equal(
            [(returnedPlan, ReviewStatus.Returned, "2026年被退回的培训计划（高等学校教师）", "请补充培训方案", "广州市教育局"),
             (draft, ReviewStatus.Draft, "2026年尚未送审的培训计划（高等学校教师）", null, "广州市教育局")],
            rows.Select(r => (r.SubjectId, r.Status, r.SubjectName, r.Opinion, r.ReviewingUnitName)));
        Assert.All(rows, r => Assert.Equal(ReviewKind.TrainingPlan, r.Kind));

        // Another unit's: never; an authority's own role application while it is a draft: yes.
        Assert.DoesNotContain(await App.As<ReviewService>(w.Foshan).MyOpenCasesAsync(), r => r.SubjectName.Contains("培训计划"));
        var county = await Scenario.UnitAsync("广州市白云区教育局", UnitKind.Authority, "440111");
        await App.As<AuthorityApplicationService>(county).SaveAsync(AuthorityScenario.Form(county, AffiliationLevel.County, "440111", Chain.CityId));
        var own = Assert.Single(await App.As<ReviewService>(county).MyOpenCasesAsync());
        Assert.Equal((ReviewKind.AuthorityApplication, ReviewStatus.Draft, "广州市白云区教育局（高等学校教师）"), (own.Kind, own.Status, own.SubjectName));
    }

    [Fact]
    public async Task A_decision_tells_the_inbox_of_the_reviewing_and_the_applying_unit_after_its_save()
    {
        var w = await WorldAsync();
        var changes = new List<InboxChange>();
        using var _ = App.Get<InboxNotifier>().Subscribe(changes.Add);

        await Assert.ThrowsAsync<ScopeException>(() => App.As<ReviewService>(w.Foshan).DecideAsync(w.GuangzhouPlanCase, ReviewDecision.Approve, null));
        Assert.Empty(changes);

        await App.As<ReviewService>(Chain.City).DecideAsync(w.GuangzhouPlanCase, ReviewDecision.Approve, null);
        var change = Assert.Single(changes);
        Assert.True(change.Concerns(Chain.City.UnitId, "someone"));
        Assert.True(change.Concerns(w.GuangzhouInstitution.UnitId, "someone"));
        Assert.False(change.Concerns(w.Foshan.UnitId, w.Foshan.UserId));
    }

    /// <summary>
    /// Guangzhou and Foshan, each with a pending county application, a pending qualification and a pending plan
    /// of its own institution.
    /// </summary>
    private async Task<World> WorldAsync()
    {
        var foshan = await Scenario.UnitAsync("佛山市教育局", UnitKind.Authority, "440600");
        await Scenario.ApprovedAuthorityAsync(foshan, Chain.Province, AffiliationLevel.City, "440600", Chain.ProvinceId);
        await using var db = App.Db();
        var foshanId = await db.Authorities.Where(a => a.UnitAccountId == foshan.UnitId).Select(a => a.Id).SingleAsync();

        await Scenario.ApplyAsync(await Scenario.UnitAsync("广州市天河区教育局", UnitKind.Authority, "440106"), AffiliationLevel.County, "440106", Chain.CityId);
        var nanhai = await Scenario.UnitAsync("佛山市南海区教育局", UnitKind.Authority, "440605");
        var foshanCounty = await Scenario.CaseIdAsync(await Scenario.ApplyAsync(nanhai, AffiliationLevel.County, "440605", foshanId));

        var course = await CourseAsync();
        var (gzInstitution, _, _) = await PlanTestData.QualifiedInstitutionAsync(App, Scenario, "广州市甲职业培训学院", AffiliationLevel.City, "440100", Chain.City);
        var (fsInstitution, _, _) = await PlanTestData.QualifiedInstitutionAsync(App, Scenario, "佛山市乙职业培训学院", AffiliationLevel.City, "440600", foshan);
        await PlanTestData.QualifiedInstitutionAsync(App, Scenario, "广州市丙职业培训学院", AffiliationLevel.City, "440100", null);
        await PlanTestData.QualifiedInstitutionAsync(App, Scenario, "佛山市丁职业培训学院", AffiliationLevel.City, "440600", null);
        var (_, gzPlanCase) = await PlanTestData.SubmittedPlanAsync(App, gzInstitution, course, "2026年广州待审核计划");
        var (_, fsPlanCase) = await PlanTestData.SubmittedPlanAsync(App, fsInstitution, course, "2026年佛山待审核计划");
        return new World(foshan, gzInstitution, gzPlanCase, foshanCounty, fsPlanCase);
    }

    private int? _course;

    private async Task<int> CourseAsync() =>
        _course ??= (await PlanTestData.PublishedCoursesAsync(App, Chain.Province, "高校教师师德师风建设")).Courses["高校教师师德师风建设"];

    /// <summary>(下级信息, 专业培训资格, 专业课计划) as the 首页 counts them.</summary>
    private async Task<(int, int, int)> CountsAsync(Actor reviewer)
    {
        var reviews = App.As<ReviewService>(reviewer);
        return (await reviews.CountAsync(AuthorityReviewQueue.Instance, Pending),
            await reviews.CountAsync(new QualificationReviewQueue(), Pending),
            await reviews.CountAsync(new PlanReviewQueue(new PlanFilter()), Pending));
    }
}
