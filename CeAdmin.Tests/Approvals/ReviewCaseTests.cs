using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Common;

namespace CeAdmin.Tests.Approvals;

public class ReviewCaseTests
{
    private const string ReviewStep = "专业课计划审核,人社业务主管部门";
    private const string SubmitStep = "专业课计划申报信息申报";
    private const int ApplicantUnitId = 100;
    private const int ReviewingUnitId = 200;

    private static readonly DateTime T0 = new(2025, 3, 1, 8, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime T1 = T0.AddHours(1);
    private static readonly DateTime T2 = T0.AddHours(2);
    private static readonly DateTime T3 = T0.AddHours(3);
    private static readonly DateTime T4 = T0.AddHours(4);

    private static readonly Actor Applicant = new("u-applicant", "张三", ApplicantUnitId, "广州市某施教机构");
    private static readonly Actor Reviewer = new("u-reviewer", "李四", ReviewingUnitId, "广州市人力资源和社会保障局");
    private static readonly Actor OtherReviewer = new("u-other", "王五", 300, "深圳市人力资源和社会保障局");

    private static ReviewCase NewCase() => ReviewCase.Open(
        ReviewKind.TrainingPlan,
        subjectId: 7,
        year: 2025,
        applicantUnitId: ApplicantUnitId,
        applicantName: "广州市某施教机构",
        reviewingUnitId: ReviewingUnitId,
        reviewingUnitName: "广州市人力资源和社会保障局",
        step: ReviewStep,
        nowUtc: T0);

    private static ReviewCase SubmittedCase()
    {
        var c = NewCase();
        c.Submit(Applicant, T1, SubmitStep);
        return c;
    }

    private static ReviewCase CaseIn(ReviewStatus status)
    {
        var c = NewCase();
        if (status == ReviewStatus.Draft)
        {
            return c;
        }

        c.Submit(Applicant, T1, SubmitStep);
        switch (status)
        {
            case ReviewStatus.Approved:
                c.Approve(Reviewer, "同意", T2);
                break;
            case ReviewStatus.Closed:
                c.RejectAndClose(Reviewer, "材料不全，结案", T2);
                break;
            case ReviewStatus.Returned:
                c.RejectAndReturn(Reviewer, "请补充师资信息", T2);
                break;
        }

        Assert.Equal(status, c.Status);
        return c;
    }

    /// <summary>Asserts that <paramref name="act"/> throws a DomainException with <paramref name="message"/> and changes nothing.</summary>
    private static void AssertRejected(ReviewCase c, Action act, string message)
    {
        var status = c.Status;
        var version = c.Version;
        var count = c.History.Count;
        var decidedAt = c.DecidedAt;
        var lastOpinion = c.LastOpinion;
        var unit = c.ReviewingUnitId;

        var ex = Assert.Throws<DomainException>(act);

        Assert.Equal(message, ex.Message);
        Assert.Equal(status, c.Status);
        Assert.Equal(version, c.Version);
        Assert.Equal(count, c.History.Count);
        Assert.Equal(decidedAt, c.DecidedAt);
        Assert.Equal(lastOpinion, c.LastOpinion);
        Assert.Equal(unit, c.ReviewingUnitId);
    }

    // ---------- Open ----------

    [Fact]
    public void Open_creates_an_editable_draft_without_history()
    {
        var c = NewCase();

        Assert.Equal(ReviewKind.TrainingPlan, c.Kind);
        Assert.Equal(7, c.SubjectId);
        Assert.Equal(2025, c.Year);
        Assert.Equal(ApplicantUnitId, c.ApplicantUnitId);
        Assert.Equal("广州市某施教机构", c.ApplicantName);
        Assert.Equal(ReviewingUnitId, c.ReviewingUnitId);
        Assert.Equal("广州市人力资源和社会保障局", c.ReviewingUnitName);
        Assert.Equal(ReviewStep, c.Step);
        Assert.Equal(ReviewStatus.Draft, c.Status);
        Assert.NotEqual(Guid.Empty, c.Version);
        Assert.Equal(T0, c.CreatedAt);
        Assert.Null(c.SubmittedAt);
        Assert.Null(c.DecidedAt);
        Assert.Null(c.LastOpinion);
        Assert.Empty(c.History);
        Assert.True(c.IsEditable);
        Assert.False(c.IsPending);
    }

    [Fact]
    public void Open_rejects_empty_applicant_name()
    {
        var ex = Assert.Throws<DomainException>(() => ReviewCase.Open(
            ReviewKind.Qualification, 1, 2025, ApplicantUnitId, "  ", ReviewingUnitId, "某局", ReviewStep, T0));
        Assert.Equal("申请单位名称不能为空", ex.Message);
    }

    [Fact]
    public void Open_rejects_local_time()
    {
        Assert.Throws<ArgumentException>(() => ReviewCase.Open(
            ReviewKind.Qualification, 1, 2025, ApplicantUnitId, "某机构", ReviewingUnitId, "某局", ReviewStep,
            new DateTime(2025, 3, 1, 8, 0, 0, DateTimeKind.Local)));
    }

    // ---------- legal transitions ----------

    [Fact]
    public void Submit_moves_draft_to_submitted_and_writes_one_history_row()
    {
        var c = NewCase();
        var v0 = c.Version;

        c.Submit(Applicant, T1, SubmitStep);

        Assert.Equal(ReviewStatus.Submitted, c.Status);
        Assert.True(c.IsPending);
        Assert.False(c.IsEditable);
        Assert.Equal(T1, c.SubmittedAt);
        Assert.Null(c.DecidedAt);
        Assert.NotEqual(v0, c.Version);

        var h = Assert.Single(c.History);
        Assert.Equal(1, h.Seq);
        Assert.Equal(SubmitStep, h.BusinessStep);
        Assert.Equal(Applicant.UnitName, h.OperatorUnit);
        Assert.Equal(Applicant.UserName, h.Operator);
        Assert.Equal(T1, h.At);
        Assert.Equal("提交送审", h.Result);
        Assert.Equal("提交送审", h.Opinion);
        Assert.Equal(ReviewStatus.Submitted, h.ToStatus);
    }

    [Fact]
    public void Approve_moves_submitted_to_approved()
    {
        var c = SubmittedCase();
        var v1 = c.Version;

        c.Approve(Reviewer, "  材料齐全，同意。 ", T2);

        Assert.Equal(ReviewStatus.Approved, c.Status);
        Assert.Equal(T2, c.DecidedAt);
        Assert.Equal("材料齐全，同意。", c.LastOpinion);
        Assert.NotEqual(v1, c.Version);
        Assert.False(c.IsEditable);
        Assert.False(c.IsPending);

        Assert.Equal(2, c.History.Count);
        var h = c.History[1];
        Assert.Equal(2, h.Seq);
        Assert.Equal(ReviewStep, h.BusinessStep);
        Assert.Equal(Reviewer.UnitName, h.OperatorUnit);
        Assert.Equal(Reviewer.UserName, h.Operator);
        Assert.Equal(T2, h.At);
        Assert.Equal("同意", h.Result);
        Assert.Equal("材料齐全，同意。", h.Opinion);
        Assert.Equal(ReviewStatus.Approved, h.ToStatus);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Approve_without_opinion_records_tongyi(string? opinion)
    {
        var c = SubmittedCase();

        c.Approve(Reviewer, opinion, T2);

        Assert.Equal("同意", c.History[^1].Opinion);
        Assert.Equal("同意", c.LastOpinion);
    }

    [Fact]
    public void RejectAndClose_moves_submitted_to_closed()
    {
        var c = SubmittedCase();
        var v1 = c.Version;

        c.RejectAndClose(Reviewer, "不符合申报条件", T2);

        Assert.Equal(ReviewStatus.Closed, c.Status);
        Assert.Equal(T2, c.DecidedAt);
        Assert.Equal("不符合申报条件", c.LastOpinion);
        Assert.NotEqual(v1, c.Version);
        Assert.False(c.IsEditable);

        var h = c.History[^1];
        Assert.Equal(2, h.Seq);
        Assert.Equal(ReviewStep, h.BusinessStep);
        Assert.Equal("不同意并结案", h.Result);
        Assert.Equal("不符合申报条件", h.Opinion);
        Assert.Equal(ReviewStatus.Closed, h.ToStatus);
    }

    [Fact]
    public void RejectAndReturn_moves_submitted_to_returned_and_makes_it_editable()
    {
        var c = SubmittedCase();
        var v1 = c.Version;

        c.RejectAndReturn(Reviewer, "请补充师资信息", T2);

        Assert.Equal(ReviewStatus.Returned, c.Status);
        Assert.Equal(T2, c.DecidedAt);
        Assert.Equal("请补充师资信息", c.LastOpinion);
        Assert.NotEqual(v1, c.Version);
        Assert.True(c.IsEditable);
        Assert.False(c.IsPending);
        c.EnsureEditable();

        var h = c.History[^1];
        Assert.Equal(2, h.Seq);
        Assert.Equal("不同意并退案", h.Result);
        Assert.Equal("请补充师资信息", h.Opinion);
        Assert.Equal(ReviewStatus.Returned, h.ToStatus);
    }

    [Fact]
    public void Returned_case_can_be_resubmitted()
    {
        var c = CaseIn(ReviewStatus.Returned);
        var v2 = c.Version;

        c.Submit(Applicant, T3, SubmitStep);

        Assert.Equal(ReviewStatus.Submitted, c.Status);
        Assert.Equal(T3, c.SubmittedAt);
        Assert.Null(c.DecidedAt);
        Assert.Equal("请补充师资信息", c.LastOpinion);
        Assert.NotEqual(v2, c.Version);
        var h = c.History[^1];
        Assert.Equal(3, h.Seq);
        Assert.Equal(SubmitStep, h.BusinessStep);
        Assert.Equal(ReviewStatus.Submitted, h.ToStatus);
    }

    [Fact]
    public void Full_cycle_numbers_history_and_changes_version_every_time()
    {
        var c = NewCase();
        var versions = new List<Guid> { c.Version };

        c.Submit(Applicant, T1, SubmitStep);
        versions.Add(c.Version);
        c.RejectAndReturn(Reviewer, "请补充", T2);
        versions.Add(c.Version);
        c.Submit(Applicant, T3, SubmitStep);
        versions.Add(c.Version);
        c.Approve(Reviewer, null, T4);
        versions.Add(c.Version);

        Assert.Equal(versions.Count, versions.Distinct().Count());
        Assert.Equal([1, 2, 3, 4], c.History.Select(h => h.Seq));
        Assert.Equal(
            [ReviewStatus.Submitted, ReviewStatus.Returned, ReviewStatus.Submitted, ReviewStatus.Approved],
            c.History.Select(h => h.ToStatus));
        Assert.Equal(["提交送审", "不同意并退案", "提交送审", "同意"], c.History.Select(h => h.Result));
        Assert.Equal([T1, T2, T3, T4], c.History.Select(h => h.At));
    }

    [Theory]
    [InlineData(ReviewDecision.Approve, ReviewStatus.Approved, "同意")]
    [InlineData(ReviewDecision.RejectAndClose, ReviewStatus.Closed, "不同意并结案")]
    [InlineData(ReviewDecision.RejectAndReturn, ReviewStatus.Returned, "不同意并退案")]
    public void Decide_dispatches_to_the_decision(ReviewDecision decision, ReviewStatus expected, string result)
    {
        var c = SubmittedCase();

        c.Decide(Reviewer, decision, "意见", T2);

        Assert.Equal(expected, c.Status);
        Assert.Equal(result, c.History[^1].Result);
        Assert.Equal("意见", c.History[^1].Opinion);
        Assert.Equal(2, c.History.Count);
    }

    [Fact]
    public void Decide_rejects_an_undefined_decision()
    {
        var c = SubmittedCase();
        Assert.Throws<ArgumentOutOfRangeException>(() => c.Decide(Reviewer, (ReviewDecision)99, "x", T2));
        Assert.Equal(ReviewStatus.Submitted, c.Status);
    }

    [Fact]
    public void ApproveAutomatically_approves_as_system()
    {
        var c = SubmittedCase();
        var v1 = c.Version;

        c.ApproveAutomatically("省级施教机构默认通过", T2);

        Assert.Equal(ReviewStatus.Approved, c.Status);
        Assert.Equal(T2, c.DecidedAt);
        Assert.Equal("省级施教机构默认通过", c.LastOpinion);
        Assert.NotEqual(v1, c.Version);
        var h = c.History[^1];
        Assert.Equal(2, h.Seq);
        Assert.Equal(ReviewStep, h.BusinessStep);
        Assert.Equal("系统", h.Operator);
        Assert.Equal("广州市人力资源和社会保障局", h.OperatorUnit);
        Assert.Equal("同意", h.Result);
        Assert.Equal("省级施教机构默认通过", h.Opinion);
        Assert.Equal(ReviewStatus.Approved, h.ToStatus);
    }

    [Fact]
    public void Reroute_changes_reviewer_while_draft()
    {
        var c = NewCase();
        var v0 = c.Version;

        c.Reroute(201, "佛山市人力资源和社会保障局", "市(县、区)行业主管单位信息审核");

        Assert.Equal(201, c.ReviewingUnitId);
        Assert.Equal("佛山市人力资源和社会保障局", c.ReviewingUnitName);
        Assert.Equal("市(县、区)行业主管单位信息审核", c.Step);
        Assert.NotEqual(v0, c.Version);
        Assert.Empty(c.History);
    }

    [Fact]
    public void Reroute_while_returned_sends_the_resubmission_to_the_new_reviewer()
    {
        var c = CaseIn(ReviewStatus.Returned);
        var newReviewer = new Actor("u-fs", "赵六", 201, "佛山市人力资源和社会保障局");

        c.Reroute(201, "佛山市人力资源和社会保障局", "市(县、区)行业主管单位信息审核");
        c.Submit(Applicant, T3, SubmitStep);

        AssertRejected(c, () => c.Approve(Reviewer, null, T4), "该申请不在您的审核范围内");
        c.Approve(newReviewer, null, T4);
        Assert.Equal(ReviewStatus.Approved, c.Status);
        Assert.Equal("市(县、区)行业主管单位信息审核", c.History[^1].BusinessStep);
        Assert.Equal("佛山市人力资源和社会保障局", c.History[^1].OperatorUnit);
    }

    [Fact]
    public void RenameApplicant_while_editable()
    {
        var c = NewCase();
        var v0 = c.Version;

        c.RenameApplicant("  广州市新名称培训中心 ");

        Assert.Equal("广州市新名称培训中心", c.ApplicantName);
        Assert.NotEqual(v0, c.Version);

        c.Submit(Applicant, T1, SubmitStep);
        c.RejectAndReturn(Reviewer, "请更正名称", T2);
        c.RenameApplicant("广州市更正名称培训中心");
        Assert.Equal("广州市更正名称培训中心", c.ApplicantName);
    }

    // ---------- illegal transitions ----------

    [Theory]
    [InlineData(ReviewDecision.Approve)]
    [InlineData(ReviewDecision.RejectAndClose)]
    [InlineData(ReviewDecision.RejectAndReturn)]
    public void Deciding_a_draft_is_refused(ReviewDecision decision)
    {
        var c = NewCase();
        AssertRejected(c, () => c.Decide(Reviewer, decision, "意见", T1), "该申请尚未送审，不能审核");
    }

    [Fact]
    public void Approving_a_draft_is_refused()
    {
        var c = NewCase();
        AssertRejected(c, () => c.Approve(Reviewer, null, T1), "该申请尚未送审，不能审核");
    }

    [Fact]
    public void Auto_approving_a_draft_is_refused()
    {
        var c = NewCase();
        AssertRejected(c, () => c.ApproveAutomatically("省级施教机构默认通过", T1), "该申请尚未送审，不能审核");
    }

    [Theory]
    [InlineData(ReviewStatus.Approved, ReviewDecision.Approve, "该申请已审核（同意），不能重复审核")]
    [InlineData(ReviewStatus.Approved, ReviewDecision.RejectAndClose, "该申请已审核（同意），不能重复审核")]
    [InlineData(ReviewStatus.Closed, ReviewDecision.Approve, "该申请已审核（不同意并结案），不能重复审核")]
    [InlineData(ReviewStatus.Closed, ReviewDecision.RejectAndReturn, "该申请已审核（不同意并结案），不能重复审核")]
    [InlineData(ReviewStatus.Returned, ReviewDecision.Approve, "该申请已审核（不同意并退案），不能重复审核")]
    [InlineData(ReviewStatus.Returned, ReviewDecision.RejectAndReturn, "该申请已审核（不同意并退案），不能重复审核")]
    public void Deciding_twice_is_refused_and_names_the_current_state(ReviewStatus state, ReviewDecision decision, string message)
    {
        var c = CaseIn(state);
        AssertRejected(c, () => c.Decide(Reviewer, decision, "再次审核", T3), message);
    }

    [Theory]
    [InlineData(ReviewStatus.Approved, "该申请已审核（同意），不能重复审核")]
    [InlineData(ReviewStatus.Closed, "该申请已审核（不同意并结案），不能重复审核")]
    public void Auto_approving_a_decided_case_is_refused(ReviewStatus state, string message)
    {
        var c = CaseIn(state);
        AssertRejected(c, () => c.ApproveAutomatically("省级施教机构默认通过", T3), message);
    }

    [Theory]
    [InlineData(ReviewStatus.Submitted, "已送审，请勿重复送审")]
    [InlineData(ReviewStatus.Approved, "已审核通过，不能再送审")]
    [InlineData(ReviewStatus.Closed, "已结案，不能再送审")]
    public void Submitting_outside_draft_or_returned_is_refused(ReviewStatus state, string message)
    {
        var c = CaseIn(state);
        AssertRejected(c, () => c.Submit(Applicant, T3, SubmitStep), message);
    }

    [Fact]
    public void Submitting_by_another_unit_is_refused()
    {
        var c = NewCase();
        AssertRejected(c, () => c.Submit(Reviewer, T1, SubmitStep), "只有申请单位本身才能送审该申请");
    }

    [Theory]
    [InlineData(ReviewDecision.Approve)]
    [InlineData(ReviewDecision.RejectAndClose)]
    [InlineData(ReviewDecision.RejectAndReturn)]
    public void Deciding_by_a_unit_that_is_not_the_reviewer_is_refused(ReviewDecision decision)
    {
        var c = SubmittedCase();
        AssertRejected(c, () => c.Decide(OtherReviewer, decision, "意见", T2), "该申请不在您的审核范围内");
        AssertRejected(c, () => c.Decide(Applicant, decision, "意见", T2), "该申请不在您的审核范围内");
    }

    [Theory]
    [InlineData(ReviewDecision.RejectAndClose, null)]
    [InlineData(ReviewDecision.RejectAndClose, "")]
    [InlineData(ReviewDecision.RejectAndClose, "   ")]
    [InlineData(ReviewDecision.RejectAndReturn, null)]
    [InlineData(ReviewDecision.RejectAndReturn, "")]
    [InlineData(ReviewDecision.RejectAndReturn, " \t ")]
    public void Rejecting_without_opinion_is_refused(ReviewDecision decision, string? opinion)
    {
        var c = SubmittedCase();
        AssertRejected(c, () => c.Decide(Reviewer, decision, opinion, T2), "请填写审核意见");
    }

    [Fact]
    public void Opinion_longer_than_500_characters_is_refused()
    {
        var c = SubmittedCase();
        AssertRejected(c, () => c.Approve(Reviewer, new string('意', 501), T2), "审核意见不能超过500个字");

        c.RejectAndReturn(Reviewer, new string('意', 500), T2);
        Assert.Equal(500, c.LastOpinion!.Length);
    }

    [Theory]
    [InlineData(ReviewStatus.Submitted, "已送审，送审后不能再修改")]
    [InlineData(ReviewStatus.Approved, "已审核通过，不能再修改")]
    [InlineData(ReviewStatus.Closed, "已结案，不能再修改")]
    public void Rerouting_after_submit_is_refused(ReviewStatus state, string message)
    {
        var c = CaseIn(state);
        AssertRejected(c, () => c.Reroute(201, "佛山市人力资源和社会保障局", ReviewStep), message);
        Assert.Equal("广州市人力资源和社会保障局", c.ReviewingUnitName);
    }

    [Theory]
    [InlineData(ReviewStatus.Submitted, "已送审，送审后不能再修改")]
    [InlineData(ReviewStatus.Approved, "已审核通过，不能再修改")]
    [InlineData(ReviewStatus.Closed, "已结案，不能再修改")]
    public void Renaming_after_submit_is_refused(ReviewStatus state, string message)
    {
        var c = CaseIn(state);
        AssertRejected(c, () => c.RenameApplicant("新名称"), message);
        Assert.Equal("广州市某施教机构", c.ApplicantName);
    }

    [Fact]
    public void Renaming_to_empty_is_refused()
    {
        var c = NewCase();
        var ex = Assert.Throws<DomainException>(() => c.RenameApplicant(" "));
        Assert.Equal("申请单位名称不能为空", ex.Message);
        Assert.Equal("广州市某施教机构", c.ApplicantName);
    }

    [Theory]
    [InlineData(ReviewStatus.Draft, null)]
    [InlineData(ReviewStatus.Returned, null)]
    [InlineData(ReviewStatus.Submitted, "已送审，送审后不能再修改")]
    [InlineData(ReviewStatus.Approved, "已审核通过，不能再修改")]
    [InlineData(ReviewStatus.Closed, "已结案，不能再修改")]
    public void EnsureEditable_in_each_state(ReviewStatus state, string? message)
    {
        var c = CaseIn(state);

        if (message is null)
        {
            c.EnsureEditable();
            Assert.True(c.IsEditable);
        }
        else
        {
            var ex = Assert.Throws<DomainException>(c.EnsureEditable);
            Assert.Equal(message, ex.Message);
            Assert.False(c.IsEditable);
        }

        Assert.Equal(state == ReviewStatus.Submitted, c.IsPending);
    }

    [Fact]
    public void Transitions_require_utc_time()
    {
        var c = NewCase();
        var local = new DateTime(2025, 3, 1, 9, 0, 0, DateTimeKind.Unspecified);
        Assert.Throws<ArgumentException>(() => c.Submit(Applicant, local, SubmitStep));
        Assert.Equal(ReviewStatus.Draft, c.Status);
    }

    // ---------- labels and batch result ----------

    [Fact]
    public void Labels_are_the_chinese_ui_texts()
    {
        Assert.Equal(
            ["未送审", "待审核", "同意", "不同意并结案", "不同意并退案"],
            Enum.GetValues<ReviewStatus>().Select(s => s.ToLabel()));
        Assert.Equal(
            ["同意", "不同意并结案", "不同意并退案"],
            Enum.GetValues<ReviewDecision>().Select(d => d.ToLabel()));
        Assert.Equal(
            ["行业主管角色申请", "施教机构专业培训资格申请", "专业课计划申报"],
            Enum.GetValues<ReviewKind>().Select(k => k.ToLabel()));
        Assert.All(Enum.GetValues<ReviewDecision>(), d => Assert.Equal(d.ToLabel(), d.ToStatus().ToLabel()));
    }

    [Fact]
    public void BatchReviewResult_counts_successes_and_failures()
    {
        var result = new BatchReviewResult(
        [
            new BatchReviewItem(1, "甲机构", true, "同意"),
            new BatchReviewItem(2, "乙机构", false, "该申请已审核（同意），不能重复审核"),
            new BatchReviewItem(3, "丙机构", true, "同意"),
        ]);

        Assert.Equal(2, result.Succeeded);
        Assert.Equal(1, result.Failed);
    }
}
