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
[Trait("Category", "Integration")]
public sealed class AuthorityScopeTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private AuthorityScenario _scenario = null!;
    private Actor _hrss = null!;
    private Actor _guangzhou = null!;
    private Actor _shenzhen = null!;
    private int _futianAuthorityId;
    private int _futianCaseId;
    private int _futianAttachmentId;

    public async Task InitializeAsync()
    {
        _app = await TestApp.CreateAsync();
        _scenario = new AuthorityScenario(_app);
        (_hrss, var province, var provinceId, _guangzhou, _) = await _scenario.ProvinceAndCityAsync();
        _shenzhen = await _scenario.UnitAsync("深圳市教育局", UnitKind.Authority, "440300");
        var shenzhenId = await _scenario.ApprovedAuthorityAsync(_shenzhen, province, AffiliationLevel.City, "440300", provinceId);

        var futian = await _scenario.UnitAsync("深圳市福田区教育局", UnitKind.Authority, "440304");
        _futianAuthorityId = await _app.As<AuthorityApplicationService>(futian)
            .SaveAsync(AuthorityScenario.Form(futian, AffiliationLevel.County, "440304", shenzhenId));
        _futianAttachmentId = await _scenario.AttachMaterialAsync(futian, _futianAuthorityId);
        await _app.As<AuthorityApplicationService>(futian).SubmitAsync();
        _futianCaseId = await _scenario.CaseIdAsync(_futianAuthorityId);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Another_citys_case_is_refused_by_id_everywhere()
    {
        var reviews = _app.As<ReviewService>(_guangzhou);
        await Assert.ThrowsAsync<ScopeException>(() => reviews.GetAsync(_futianCaseId));
        await Assert.ThrowsAsync<ScopeException>(() => reviews.HistoryAsync(_futianCaseId));
        await Assert.ThrowsAsync<ScopeException>(() => reviews.DecideAsync(_futianCaseId, ReviewDecision.Approve, "同意"));
        var batch = await reviews.BatchReviewAsync([_futianCaseId], ReviewDecision.RejectAndClose, "不同意");
        Assert.False(Assert.Single(batch.Items).Succeeded);

        var files = _app.As<AttachmentService>(_guangzhou);
        await Assert.ThrowsAsync<ScopeException>(() => files.DownloadAsync(_futianAttachmentId));
        await Assert.ThrowsAsync<ScopeException>(() => files.ListAsync(AuthorityApplication.AttachmentOwnerType, _futianAuthorityId));
        await Assert.ThrowsAsync<ScopeException>(() => _app.As<AuthorityService>(_guangzhou).GetAsync(_futianAuthorityId));

        var queue = await reviews.QueueAsync(AuthorityReviewQueue.Instance, new ReviewQueueFilter(), new PageRequest());
        Assert.DoesNotContain(queue.Items, r => r.CaseId == _futianCaseId);

        // Nothing changed, and the right reviewer can still decide.
        var stored = await _scenario.CaseAsync(_futianCaseId);
        Assert.Equal((ReviewStatus.Submitted, 1), (stored.Status, stored.History.Count));
        var own = await _app.As<ReviewService>(_shenzhen).GetAsync(_futianCaseId);
        Assert.True(own.CanDecide);
        Assert.Single(await _app.As<AttachmentService>(_shenzhen).ListAsync(AuthorityApplication.AttachmentOwnerType, _futianAuthorityId));
    }

    [Fact]
    public async Task The_province_sees_the_county_case_but_only_its_reviewer_decides()
    {
        await using var db = _app.Db();
        var provinceUnitId = db.Authorities.Where(a => a.Level == AffiliationLevel.Province).Select(a => a.UnitAccountId).Single();
        var province = new Actor("p", "gd_edu", provinceUnitId, "广东省教育厅", UnitKind.Authority);

        var seen = await _app.As<ReviewService>(province).GetAsync(_futianCaseId);
        Assert.Equal(("深圳市福田区教育局", "深圳市教育局", false), (seen.ApplicantName, seen.ReviewingUnitName, seen.CanDecide));
        var refused = await Assert.ThrowsAsync<ScopeException>(() => _app.As<ReviewService>(province).DecideAsync(_futianCaseId, ReviewDecision.Approve, null));
        Assert.Equal(ReviewService.NotReviewerMessage, refused.Message);
    }

    [Fact]
    public async Task Another_series_in_the_same_city_is_out_of_scope()
    {
        var provinceEngineering = await _scenario.UnitAsync("广东省工业和信息化厅", UnitKind.Authority, "440000");
        var parentId = await _scenario.ApprovedAuthorityAsync(provinceEngineering, _hrss, AffiliationLevel.Province, "440000", null, AuthorityScenario.Engineering);
        var engineering = await _scenario.UnitAsync("广州市工业和信息化局", UnitKind.Authority, "440100");
        var engineeringId = await _scenario.ApplyAsync(engineering, AffiliationLevel.City, "440100", parentId, AuthorityScenario.Engineering);

        await Assert.ThrowsAsync<ScopeException>(() => _app.As<AuthorityService>(_guangzhou).GetAsync(engineeringId));
        var caseId = await _scenario.CaseIdAsync(engineeringId);
        await Assert.ThrowsAsync<ScopeException>(() => _app.As<ReviewService>(_guangzhou).GetAsync(caseId));
    }
}
