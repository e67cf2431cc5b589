using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Attachments;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Organizations;
using CeAdmin.Tests.Infrastructure;

namespace CeAdmin.Tests.Organizations;

/// <summary>
/// The scope rule opened BY ID: 广州市教育局 tries 深圳市's county application (detail, history,
/// decision, attachments, the authority itself) and another series' one in its own city.
/// </summary>
public sealed class AuthorityScopeTests : ApprovedChainTest
{
    private Actor _shenzhen = null!;
    private int _futianAuthorityId;
    private int _futianCaseId;
    private int _futianAttachmentId;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _shenzhen = await Scenario.UnitAsync("深圳市教育局", UnitKind.Authority, "440300");
        var shenzhenId = await Scenario.ApprovedAuthorityAsync(_shenzhen, Chain.Province, AffiliationLevel.City, "440300", Chain.ProvinceId);

        var futian = await Scenario.UnitAsync("深圳市福田区教育局", UnitKind.Authority, "440304");
        _futianAuthorityId = await App.As<AuthorityApplicationService>(futian)
            .SaveAsync(AuthorityScenario.Form(futian, AffiliationLevel.County, "440304", shenzhenId));
        _futianAttachmentId = await Scenario.AttachMaterialAsync(futian, _futianAuthorityId);
        await App.As<AuthorityApplicationService>(futian).SubmitAsync();
        _futianCaseId = await Scenario.CaseIdAsync(_futianAuthorityId);
    }

    [Fact]
    public async Task Another_citys_case_is_refused_by_id_everywhere()
    {
        var reviews = App.As<ReviewService>(Chain.City);
        await Assert.ThrowsAsync<ScopeException>(() => reviews.OpenAsync<AuthorityDetail>(ReviewKind.AuthorityApplication, _futianCaseId));
        await Assert.ThrowsAsync<ScopeException>(() => reviews.HistoryAsync(_futianCaseId));
        await Assert.ThrowsAsync<ScopeException>(() => reviews.DecideAsync(_futianCaseId, ReviewDecision.Approve, "同意"));
        var batch = await reviews.BatchReviewAsync([_futianCaseId], ReviewDecision.RejectAndClose, "不同意");
        Assert.False(Assert.Single(batch.Items).Succeeded);

        var files = App.As<AttachmentService>(Chain.City);
        await Assert.ThrowsAsync<ScopeException>(() => files.DownloadAsync(_futianAttachmentId));
        await Assert.ThrowsAsync<ScopeException>(() => files.ListAsync(AuthorityApplication.AttachmentOwnerType, _futianAuthorityId));
        await Assert.ThrowsAsync<ScopeException>(() => App.As<AuthorityService>(Chain.City).GetAsync(_futianAuthorityId));

        var queue = await reviews.QueueAsync(AuthorityReviewQueue.Instance, new ReviewQueueFilter(), new PageRequest());
        Assert.DoesNotContain(queue.Items, r => r.CaseId == _futianCaseId);

        // Nothing changed, and the right reviewer can still decide.
        var stored = await Scenario.CaseAsync(_futianCaseId);
        Assert.Equal((ReviewStatus.Submitted, 1), (stored.Status, stored.History.Count));
        var own = await App.As<ReviewService>(_shenzhen).OpenAsync<AuthorityDetail>(ReviewKind.AuthorityApplication, _futianCaseId);
        Assert.True(own.Case.CanDecide);
        Assert.Equal("深圳市福田区教育局", own.Subject.Name);
        Assert.Equal("统一社会信用代码证.png", Assert.Single(own.Attachments).FileName);
        Assert.Equal("提交送审", Assert.Single(own.History).Result);
        Assert.Single(await App.As<AttachmentService>(_shenzhen).ListAsync(AuthorityApplication.AttachmentOwnerType, _futianAuthorityId));
    }

    [Fact]
    public async Task The_province_sees_the_county_case_but_only_its_reviewer_decides()
    {
        await using var db = App.Db();
        var provinceUnitId = db.Authorities.Where(a => a.Level == AffiliationLevel.Province).Select(a => a.UnitAccountId).Single();
        var province = new Actor("p", "gd_edu", provinceUnitId, "广东省教育厅", UnitKind.Authority);

        var seen = (await App.As<ReviewService>(province).OpenAsync<AuthorityDetail>(ReviewKind.AuthorityApplication, _futianCaseId)).Case;
        Assert.Equal(("深圳市福田区教育局", "深圳市教育局", false), (seen.ApplicantName, seen.ReviewingUnitName, seen.CanDecide));
        var refused = await Assert.ThrowsAsync<ScopeException>(() => App.As<ReviewService>(province).DecideAsync(_futianCaseId, ReviewDecision.Approve, null));
        Assert.Equal("该申请不在您的审核范围内", refused.Message);
    }

    [Fact]
    public async Task Another_series_in_the_same_city_is_out_of_scope()
    {
        var provinceEngineering = await Scenario.UnitAsync("广东省工业和信息化厅", UnitKind.Authority, "440000");
        var parentId = await Scenario.ApprovedAuthorityAsync(provinceEngineering, Chain.Hrss, AffiliationLevel.Province, "440000", null, AuthorityScenario.Engineering);
        var engineering = await Scenario.UnitAsync("广州市工业和信息化局", UnitKind.Authority, "440100");
        var engineeringId = await Scenario.ApplyAsync(engineering, AffiliationLevel.City, "440100", parentId, AuthorityScenario.Engineering);

        await Assert.ThrowsAsync<ScopeException>(() => App.As<AuthorityService>(Chain.City).GetAsync(engineeringId));
        var caseId = await Scenario.CaseIdAsync(engineeringId);
        await Assert.ThrowsAsync<ScopeException>(() => App.As<ReviewService>(Chain.City).OpenAsync<AuthorityDetail>(ReviewKind.AuthorityApplication, caseId));
    }
}
