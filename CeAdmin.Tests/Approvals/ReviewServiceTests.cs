using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Organizations;
using CeAdmin.Tests.Infrastructure;
using CeAdmin.Tests.Organizations;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Approvals;

/// <summary>ReviewService on a real database: the two-reviewer race, batch review, the review grid's query.</summary>
[Trait("Category", "Integration")]
public sealed class ReviewServiceTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private AuthorityScenario _scenario = null!;
    private Actor _province = null!;
    private int _provinceId;
    private Actor _city = null!;
    private int _cityId;

    public async Task InitializeAsync()
    {
        _app = await TestApp.CreateAsync();
        _scenario = new AuthorityScenario(_app);
        (_, _province, _provinceId, _city, _cityId) = await _scenario.ProvinceAndCityAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Two_reviewers_deciding_at_once_exactly_one_wins_and_the_other_is_told()
    {
        var authorityId = await CountyApplicationAsync("广州市天河区教育局", "440106");
        var caseId = await _scenario.CaseIdAsync(authorityId);
        var colleague = _city with { UserId = "colleague", UserName = "gz_edu_2" };

        // Hold both reviewers inside SaveChanges until both have decided on the same version.
        var arrived = 0;
        var bothDecided = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task WaitForTheOther()
        {
            if (Interlocked.Increment(ref arrived) == 2) bothDecided.SetResult();
            await bothDecided.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }

        var approve = _app.As<ReviewService>(_city, WaitForTheOther).DecideAsync(caseId, ReviewDecision.Approve, "同意");
        var close = _app.As<ReviewService>(colleague, WaitForTheOther).DecideAsync(caseId, ReviewDecision.RejectAndClose, "不同意");
        var outcomes = await Task.WhenAll(Outcome(approve), Outcome(close));

        Assert.Single(outcomes, o => o is null);
        var loser = Assert.IsType<ConcurrencyException>(Assert.Single(outcomes, o => o is not null));
        Assert.Equal(ReviewService.ConcurrencyMessage, loser.Message);

        var stored = await _scenario.CaseAsync(caseId);
        Assert.Equal(2, stored.History.Count);
        var approvedWon = outcomes[0] is null;
        Assert.Equal(approvedWon ? ReviewStatus.Approved : ReviewStatus.Closed, stored.Status);
        await using var db = _app.Db();
        Assert.Equal(approvedWon, (await db.Authorities.SingleAsync(a => a.Id == authorityId)).ApprovedAt is not null);

        // Deciding again later is refused as well, with the case's current state.
        var again = await Assert.ThrowsAsync<DomainException>(() => _app.As<ReviewService>(_city).DecideAsync(caseId, ReviewDecision.Approve, null));
        Assert.StartsWith("该申请已审核", again.Message);
    }

    [Fact]
    public async Task Batch_review_decides_the_pending_cases_and_skips_the_others_with_the_reason()
    {
        var pending1 = await _scenario.CaseIdAsync(await CountyApplicationAsync("广州市天河区教育局", "440106"));
        var decided = await _scenario.CaseIdAsync(await CountyApplicationAsync("广州市越秀区教育局", "440104"));
        var pending2 = await _scenario.CaseIdAsync(await CountyApplicationAsync("广州市海珠区教育局", "440105"));
        await _app.As<ReviewService>(_city).DecideAsync(decided, ReviewDecision.RejectAndReturn, "请补充材料");
        var shenzhen = await _scenario.UnitAsync("深圳市教育局", UnitKind.Authority, "440300");
        var notMine = await _scenario.CaseIdAsync(await _scenario.ApplyAsync(shenzhen, AffiliationLevel.City, "440300", _provinceId));

        var result = await _app.As<ReviewService>(_city).BatchReviewAsync([pending1, decided, pending2, notMine, pending1], ReviewDecision.Approve, "同意");

        Assert.Equal([pending1, decided, pending2, notMine], result.Items.Select(i => i.CaseId));
        Assert.Equal([true, false, true, false], result.Items.Select(i => i.Succeeded));
        Assert.Equal((2, 2), (result.Succeeded, result.Failed));
        Assert.Equal("广州市越秀区教育局", result.Items[1].ApplicantName);
        Assert.Equal("该申请已审核（不同意并退案），不能重复审核", result.Items[1].Message);
        Assert.Equal(("", ReviewService.NotReviewerMessage), (result.Items[3].ApplicantName, result.Items[3].Message));

        Assert.Equal(ReviewStatus.Approved, (await _scenario.CaseAsync(pending1)).Status);
        Assert.Equal(2, (await _scenario.CaseAsync(pending1)).History.Count);
        var skipped = await _scenario.CaseAsync(decided);
        Assert.Equal((ReviewStatus.Returned, 2), (skipped.Status, skipped.History.Count));
        Assert.Equal(ReviewStatus.Submitted, (await _scenario.CaseAsync(notMine)).Status);
    }

    [Fact]
    public async Task Review_grid_lists_the_callers_cases_with_filter_sort_and_paging()
    {
        await CountyApplicationAsync("广州市天河区教育局", "440106");
        var returned = await _scenario.CaseIdAsync(await CountyApplicationAsync("广州市越秀区教育局", "440104"));
        await CountyApplicationAsync("广州市海珠区教育局", "440105");
        await _app.As<ReviewService>(_city).DecideAsync(returned, ReviewDecision.RejectAndReturn, "请补充材料");
        var draft = await _scenario.UnitAsync("广州市白云区教育局", UnitKind.Authority, "440111");
        await _app.As<AuthorityApplicationService>(draft).SaveAsync(AuthorityScenario.Form(draft, AffiliationLevel.County, "440111", _cityId));

        var reviews = _app.As<ReviewService>(_city);
        var all = await reviews.QueueAsync(AuthorityReviewQueue.Instance, new ReviewQueueFilter(), new PageRequest(0, 2));
        Assert.Equal(3, all.Total);  // the draft is not submitted yet
        Assert.Equal(2, all.Items.Count);
        Assert.All(all.Items, r => Assert.Equal(("广州市教育局", AuthorityApplication.ReviewStep), (r.ReviewingUnitName, r.Step)));
        Assert.Equal(ReviewStatus.Submitted, all.Items[0].Status);  // pending first

        var pending = await reviews.QueueAsync(AuthorityReviewQueue.Instance, new ReviewQueueFilter(Status: ReviewStatus.Submitted), new PageRequest(SortBy: "ApplicantName"));
        Assert.Equal(["广州市天河区教育局", "广州市海珠区教育局"], pending.Items.Select(r => r.ApplicantName));
        var byName = await reviews.QueueAsync(AuthorityReviewQueue.Instance, new ReviewQueueFilter(Applicant: "越秀"), new PageRequest());
        Assert.Equal(ReviewStatus.Returned, Assert.Single(byName.Items).Status);
        var otherYear = await reviews.QueueAsync(AuthorityReviewQueue.Instance, new ReviewQueueFilter(Year: 2018), new PageRequest());
        Assert.Equal(0, otherYear.Total);
        var byCode = await reviews.QueueAsync(AuthorityReviewQueue.Instance, new ReviewQueueFilter(), new PageRequest(SortBy: "Code", Descending: true));
        Assert.Equal(byCode.Items.Select(r => r.Code).OrderDescending(StringComparer.Ordinal), byCode.Items.Select(r => r.Code));

        // The province reviews only the city's application, not the counties' ones.
        var provinceQueue = await _app.As<ReviewService>(_province).QueueAsync(AuthorityReviewQueue.Instance, new ReviewQueueFilter(), new PageRequest());
        Assert.Equal(["广州市教育局"], provinceQueue.Items.Select(r => r.ApplicantName));
    }

    private async Task<int> CountyApplicationAsync(string name, string region)
    {
        var unit = await _scenario.UnitAsync(name, UnitKind.Authority, region);
        return await _scenario.ApplyAsync(unit, AffiliationLevel.County, region, _cityId);
    }

    private static async Task<Exception?> Outcome(Task task)
    {
        try
        {
            await task;
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }
}
