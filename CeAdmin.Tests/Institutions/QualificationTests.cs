using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Attachments;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Institutions;
using CeAdmin.Domain.Organizations;
using CeAdmin.Tests.Attachments;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Institutions;

/// <summary>
/// Institutions apply for 专业培训资格: routing by level, region and series; province-level approved automatically.
/// py_train is the demo institution that has entered its 基本信息 but not applied yet; each test gives it the level and region it needs.
/// </summary>
public sealed class QualificationTests() : IntegrationTest(demo: true)
{
    private int _series;
    private int _otherSeries;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = App.Db();
        _series = await db.Series.Where(s => s.Name == "高等学校教师").Select(s => s.Id).SingleAsync();
        _otherSeries = await db.Series.Where(s => s.Name == "会计专业人员").Select(s => s.Id).SingleAsync();
    }

    private static InstitutionForm Form(AffiliationLevel level, string region) => new()
    {
        Name = "广州市某职业培训学院", Code = "91110000600037341L", Level = level, Nature = "事业单位", RegionCode = region,
        ParentAuthorityName = "广州市教育局", LegalName = "周明", LegalPhone = "020-83331234", LegalEmail = "legal@example.cn",
        ContactName = "林芳", ContactPhone = "13800138000", ContactEmail = "contact@example.cn", Address = "广州市天河区中山大道西55号",
        Profile = "面向高校教师开展继续教育培训。",
    };

    private static QualificationForm Apply(int series) => new() { SeriesId = series, Overview = "高校教师教学能力培训", Industry = "教育" };

    private async Task<(InstitutionService Service, Actor Actor)> InstitutionAsync(string login, AffiliationLevel level, string region)
    {
        var actor = await App.DemoActorAsync(login);
        var service = App.As<InstitutionService>(actor);
        await service.SaveMineAsync(Form(level, region));
        return (service, actor);
    }

    private async Task AttachAsync(Actor actor, int qualificationId)
    {
        await using var db = App.Db();
        db.Attachments.Add(Attachment.Create(InstitutionService.OwnerType, qualificationId, "办学许可证", "办学许可证.pdf", SampleFiles.Pdf(), actor.UserName, actor.UnitId, DateTime.UtcNow));
        await db.SaveChangesAsync();
    }

    [Theory]
    [InlineData(AffiliationLevel.County, "440106", "广州市天河区教育局")]
    [InlineData(AffiliationLevel.City, "440100", "广州市教育局")]
    public async Task Application_goes_to_the_authority_of_its_level_region_and_series(AffiliationLevel level, string region, string reviewer)
    {
        var (service, actor) = await InstitutionAsync("py_train", level, region);
        var id = await service.ApplyAsync(Apply(_series));
        await Assert.ThrowsAsync<DomainException>(() => service.SubmitAsync(id));
        await AttachAsync(actor, id);
        await service.SubmitAsync(id);

        var row = Assert.Single(await service.MyQualificationsAsync());
        Assert.Equal((reviewer, ReviewStatus.Submitted, false), (row.ReviewingUnitName, row.Status, row.Approved));
        await Assert.ThrowsAsync<DomainException>(() => service.SubmitAsync(id));

        // The institution reads the 审批流程 of its own application ([审批流程] in its list).
        var history = await App.As<CeAdmin.Domain.Approvals.ReviewService>(actor).HistoryAsync(row.CaseId);
        Assert.Equal(("提交送审", actor.UnitName, "何志强"), (Assert.Single(history).Result, history[0].OperatorUnit, history[0].Operator));
    }

    [Fact]
    public async Task Province_level_institution_is_approved_automatically_with_a_history_row()
    {
        var (service, actor) = await InstitutionAsync("py_train", AffiliationLevel.Province, "440000");
        var id = await service.ApplyAsync(Apply(_series));
        await AttachAsync(actor, id);
        await service.SubmitAsync(id);

        await using var db = App.Db();
        var reviewCase = await db.ReviewCases.Include(c => c.History).SingleAsync(c => c.Kind == ReviewKind.Qualification && c.SubjectId == id);
        Assert.Equal(ReviewStatus.Approved, reviewCase.Status);
        Assert.Equal("广东省教育厅", reviewCase.ReviewingUnitName);
        Assert.Equal(new[] { "提交送审", "省级施教机构默认通过" }, reviewCase.History.Select(h => h.Opinion ?? "").ToArray());
        Assert.NotNull((await db.TrainingQualifications.SingleAsync(q => q.Id == id)).ApprovedAt);
        Assert.Equal([_series], await InstitutionService.ApprovedSeriesAsync(db, actor.UnitId, default));
    }

    [Fact]
    public async Task No_authority_of_the_series_and_duplicate_applications_are_refused()
    {
        var (service, _) = await InstitutionAsync("py_train", AffiliationLevel.City, "440100");
        // The choice offers only series with a reviewer here; the service still refuses the others.
        var offered = await service.ApplicableSeriesAsync();
        Assert.Contains(_series, offered);
        Assert.DoesNotContain(_otherSeries, offered);
        var none = await Assert.ThrowsAsync<DomainException>(() => service.ApplyAsync(Apply(_otherSeries)));
        Assert.Contains("会计专业人员", none.Message);
        await service.ApplyAsync(Apply(_series));
        var dup = await Assert.ThrowsAsync<ValidationFailedException>(() => service.ApplyAsync(Apply(_series)));
        Assert.Contains("不能重复申请", dup.Errors["SeriesId"][0]);
    }

    [Fact]
    public async Task Only_institutions_may_apply_and_bad_input_writes_nothing()
    {
        var authority = App.As<InstitutionService>(await App.DemoActorAsync("gz_edu"));
        await Assert.ThrowsAsync<ScopeException>(() => authority.ApplyAsync(Apply(_series)));
        var institution = App.As<InstitutionService>(await App.DemoActorAsync("py_train"));
        var bad = await Assert.ThrowsAsync<ValidationFailedException>(() => institution.SaveMineAsync(Form(AffiliationLevel.County, "440100")));
        Assert.Contains("级别一致", bad.Errors["RegionCode"][0]);
        await using var db = App.Db();
        Assert.False(await db.Institutions.AnyAsync(i => i.Name == "广州市某职业培训学院"));
    }

    [Fact]
    public async Task The_city_authority_approves_through_the_workflow_and_others_are_refused_by_id()
    {
        var (service, actor) = await InstitutionAsync("py_train", AffiliationLevel.City, "440100");
        var id = await service.ApplyAsync(Apply(_series));
        await AttachAsync(actor, id);
        await service.SubmitAsync(id);
        int caseId;
        await using (var db = App.Db())
            caseId = await db.ReviewCases.Of(ReviewKind.Qualification, id).Select(c => c.Id).SingleAsync();

        var county = await App.DemoActorAsync("th_edu");
        await Assert.ThrowsAsync<ScopeException>(() => App.As<ReviewService>(county).OpenAsync<QualificationDetail>(ReviewKind.Qualification, caseId));
        await Assert.ThrowsAnyAsync<DomainException>(() => App.As<ReviewService>(county).DecideAsync(caseId, ReviewDecision.Approve, null));
        var otherInstitution = await App.DemoActorAsync("gpnu_ce");
        await Assert.ThrowsAsync<ScopeException>(() => App.As<ReviewService>(otherInstitution).OpenAsync<QualificationDetail>(ReviewKind.Qualification, caseId));

        var city = await App.DemoActorAsync("gz_edu");
        var queue = await App.As<ReviewService>(city).QueueAsync(new QualificationReviewQueue(_series), new ReviewQueueFilter(Applicant: "某职业"), new PageRequest());
        Assert.Contains(queue.Items, r => r.CaseId == caseId && r.Status == ReviewStatus.Submitted);
        var opened = await App.As<ReviewService>(city).OpenAsync<QualificationDetail>(ReviewKind.Qualification, caseId);
        Assert.Equal(("高等学校教师", "广州市某职业培训学院", "办学许可证.pdf", true),
            (opened.Subject.AppliedSeries.Single().SeriesName, opened.Subject.Institution.Name, Assert.Single(opened.Attachments).FileName, opened.Case.CanDecide));
        await App.As<ReviewService>(city).DecideAsync(caseId, ReviewDecision.Approve, "同意");

        var row = Assert.Single(await service.MyQualificationsAsync());
        Assert.True(row.Approved);
        await using var check = App.Db();
        Assert.Equal([_series], await InstitutionService.ApprovedSeriesAsync(check, actor.UnitId, default));
    }
}
