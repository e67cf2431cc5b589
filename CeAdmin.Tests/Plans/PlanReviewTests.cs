using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Plans;
using CeAdmin.Tests.Attachments;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Plans;

/// <summary>1.4.1 through the one review workflow: the city authority and the HRSS department decide, 退案 and resubmission, scope by case id.</summary>
public sealed class PlanReviewTests() : IntegrationTest(demo: true)
{
    private Actor _institution = null!;
    private Actor _city = null!;
    private int _courseId;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _courseId = await PlanTestData.CourseAsync(App, 2026);
        _institution = await App.DemoActorAsync("gz_train");
        _city = await App.DemoActorAsync("gz_edu");
    }

    private ReviewService Reviews(Actor actor) => App.As<ReviewService>(actor);

    private static PlanReviewQueue Queue(string? planName = null) => new(new PlanFilter(PlanName: planName));

    [Fact]
    public async Task Institution_submits_and_its_city_authority_approves()
    {
        var (planId, caseId) = await PlanTestData.SubmittedPlanAsync(App, _institution, _courseId);
        var reviews = Reviews(_city);
        var view = await reviews.OpenAsync<PlanDetail>(ReviewKind.TrainingPlan, caseId);
        Assert.Equal((ReviewKind.TrainingPlan, planId, true), (view.Case.Kind, view.Case.SubjectId, view.Case.CanDecide));
        Assert.Equal(("2026年高校教师教学能力提升培训", false, "2026年高校教师教学能力提升培训班"), (view.Subject.Form.Name, view.Subject.Editable, Assert.Single(view.Subject.Classes).Name));
        Assert.Equal("培训方案.pdf", Assert.Single(view.Attachments).FileName);
        Assert.Equal("提交送审", Assert.Single(view.History).Result);
        // The plan's page opens plan cases only: another kind's page asking for it finds nothing.
        var wrongKind = await Assert.ThrowsAsync<DomainException>(() => reviews.OpenAsync<CeAdmin.Domain.Organizations.AuthorityDetail>(ReviewKind.AuthorityApplication, caseId));
        Assert.Equal("该申请不存在", wrongKind.Message);
        var row = Assert.Single((await reviews.QueueAsync(Queue("教学能力提升"), new ReviewQueueFilter(Status: ReviewStatus.Submitted), new PageRequest())).Items);
        Assert.Equal((caseId, "广州市专业技术人员继续教育培训中心", "高校教师师德师风建设", "专业课计划审核,行业主管部门", 1),
            (row.CaseId, row.ApplicantName, row.CourseName, row.Step, row.PlannedSessions));

        App.Clock.Advance(TimeSpan.FromHours(3));
        await reviews.DecideAsync(caseId, ReviewDecision.Approve, null);

        await using (var db = App.Db())
            Assert.Equal(App.Clock.GetUtcNow().UtcDateTime, (await db.TrainingPlans.SingleAsync(p => p.Id == planId)).ApprovedAt);
        var history = await reviews.HistoryAsync(caseId);
        Assert.Equal([("专业课计划申报信息申报", "广州市专业技术人员继续教育培训中心", "提交送审"), ("专业课计划审核,行业主管部门", "广州市教育局", "同意")],
            history.Select(h => (h.BusinessStep, h.OperatorUnit, h.Result)));
        var detail = await App.As<PlanService>(_institution).GetAsync(planId);
        Assert.Equal((ReviewStatus.Approved, false), (detail.Status, detail.Editable));
        Assert.Contains((await App.As<PlanQueryService>(_city).PlansAsync(new PlanFilter(), new PageRequest(PageSize: 50))).Items, p => p.Id == planId);
        await Assert.ThrowsAsync<DomainException>(() => reviews.DecideAsync(caseId, ReviewDecision.RejectAndClose, "重复审核"));
    }

    [Fact]
    public async Task An_authoritys_own_plan_is_approved_by_the_hrss_department()
    {
        var (planId, caseId) = await PlanTestData.SubmittedPlanAsync(App, _city, _courseId, "2026年广州市高校教师教学能力提升培训");
        // The filer cannot review its own plan, though the plan lies in its scope.
        await Assert.ThrowsAsync<ScopeException>(() => Reviews(_city).DecideAsync(caseId, ReviewDecision.Approve, null));
        Assert.DoesNotContain((await Reviews(_city).QueueAsync(Queue(), new ReviewQueueFilter(), new PageRequest(PageSize: 50))).Items, r => r.CaseId == caseId);

        var hrss = Reviews(await App.DemoActorAsync("hrss_reviewer"));
        var row = Assert.Single((await hrss.QueueAsync(Queue("广州市高校教师教学能力"), new ReviewQueueFilter(), new PageRequest())).Items);
        Assert.Equal(("广州市教育局", "广东省人力资源和社会保障厅", "专业课计划审核,人社业务主管部门"), (row.ApplicantName, row.ReviewingUnitName, row.Step));
        await hrss.DecideAsync(caseId, ReviewDecision.Approve, "同意备案");

        var stored = await PlanTestData.CaseAsync(App, caseId);
        Assert.Equal(ReviewStatus.Approved, stored.Status);
        Assert.Equal([(ReviewStatus.Submitted, "广州市教育局"), (ReviewStatus.Approved, "广东省人力资源和社会保障厅")],
            stored.History.Select(h => (h.ToStatus, h.OperatorUnit)));
        await using var db = App.Db();
        Assert.NotNull((await db.TrainingPlans.SingleAsync(p => p.Id == planId)).ApprovedAt);
    }

    [Fact]
    public async Task A_returned_plan_is_edited_and_submitted_again()
    {
        var (planId, caseId) = await PlanTestData.SubmittedPlanAsync(App, _institution, _courseId);
        await Reviews(_city).DecideAsync(caseId, ReviewDecision.RejectAndReturn, "请补充培训方案中的每日课程安排");

        var plans = App.As<PlanService>(_institution);
        var detail = await plans.GetAsync(planId);
        Assert.Equal((ReviewStatus.Returned, true, "请补充培训方案中的每日课程安排"), (detail.Status, detail.Editable, detail.LastOpinion));
        var form = detail.Form;
        (form.Days, form.Hours, form.Name) = (3, 24, "2026年高校教师教学能力提升培训（修订）");
        await plans.SaveAsync(planId, form);
        var classes = App.As<ClassService>(_institution);
        var classRow = Assert.Single(detail.Classes);
        var classForm = (await classes.GetAsync(planId, classRow.Id)).Form;
        classForm.Schedule = "9月1日 师德师风专题；9月2日 课程思政工作坊";
        await classes.SaveAsync(planId, classRow.Id, classForm);
        await App.As<CeAdmin.Domain.Attachments.AttachmentService>(_institution).UploadAsync(PlanService.OwnerType, planId, "", "每日课程安排.pdf", SampleFiles.Pdf());
        await plans.SubmitAsync(planId);

        var stored = await PlanTestData.CaseAsync(App, caseId);
        Assert.Equal(["提交送审", "不同意并退案", "提交送审"], stored.History.Select(h => h.Result));
        var row = Assert.Single((await Reviews(_city).QueueAsync(Queue("（修订）"), new ReviewQueueFilter(), new PageRequest())).Items);
        Assert.Equal(ReviewStatus.Submitted, row.Status);
        await Reviews(_city).DecideAsync(caseId, ReviewDecision.Approve, null);
        Assert.Equal(3m, (await plans.GetAsync(planId)).Form.Days);
    }

    [Fact]
    public async Task Batch_review_names_a_plan_by_its_name_and_the_history_its_operators_by_theirs()
    {
        var (_, caseId) = await PlanTestData.SubmittedPlanAsync(App, _institution, _courseId);

        var item = Assert.Single((await Reviews(_city).BatchReviewAsync([caseId], ReviewDecision.Approve, null)).Items);

        Assert.Equal((true, "2026年高校教师教学能力提升培训（广州市专业技术人员继续教育培训中心）"), (item.Succeeded, item.Subject));
        // gz_edu is 王建国 of 广州市教育局 in the demo data.
        var decided = (await Reviews(_city).HistoryAsync(caseId))[^1];
        Assert.Equal(("广州市教育局", "王建国"), (decided.OperatorUnit, decided.Operator));
    }

    [Fact]
    public async Task Another_citys_authority_can_neither_see_nor_decide_the_plan_by_case_id()
    {
        var (planId, caseId) = await PlanTestData.SubmittedPlanAsync(App, _institution, _courseId);
        foreach (var login in new[] { "fs_edu", "th_edu" })
        {
            var actor = await App.DemoActorAsync(login);
            var other = Reviews(actor);
            await Assert.ThrowsAsync<ScopeException>(() => other.OpenAsync<PlanDetail>(ReviewKind.TrainingPlan, caseId));
            await Assert.ThrowsAsync<ScopeException>(() => other.HistoryAsync(caseId));
            await Assert.ThrowsAsync<ScopeException>(() => other.DecideAsync(caseId, ReviewDecision.Approve, null));
            var batch = Assert.Single((await other.BatchReviewAsync([caseId], ReviewDecision.RejectAndClose, "越权")).Items);
            Assert.Equal((false, ""), (batch.Succeeded, batch.Subject));
            Assert.DoesNotContain((await other.QueueAsync(Queue(), new ReviewQueueFilter(), new PageRequest(PageSize: 50))).Items, r => r.CaseId == caseId);
            await Assert.ThrowsAsync<ScopeException>(() => App.As<PlanService>(actor).GetAsync(planId));
        }
        Assert.Equal(ReviewStatus.Submitted, (await PlanTestData.CaseAsync(App, caseId)).Status);
    }
}
