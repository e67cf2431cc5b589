using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Organizations;
using CeAdmin.Domain.ReferenceData;
using CeAdmin.Tests.Infrastructure;
using CeAdmin.Tests.Organizations;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Approvals;

/// <summary>ReviewService on a real database: the two-reviewer race, batch review, the review grid's query.</summary>
public sealed class ReviewServiceTests : ApprovedChainTest
{

    [Fact]
    public async Task Two_reviewers_deciding_at_once_exactly_one_wins_and_the_other_is_told()
    {
        var authorityId = await CountyApplicationAsync("广州市天河区教育局", "440106");
        var caseId = await Scenario.CaseIdAsync(authorityId);
        var colleague = Chain.City with { UserId = "colleague", UserName = "gz_edu_2" };

        // Hold both reviewers inside SaveChanges until both have decided on the same version.
        var arrived = 0;
        var bothDecided = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task WaitForTheOther()
        {
            if (Interlocked.Increment(ref arrived) == 2) bothDecided.SetResult();
            await bothDecided.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }

        var approve = App.As<ReviewService>(Chain.City, WaitForTheOther).DecideAsync(caseId, ReviewDecision.Approve, "同意");
        var close = App.As<ReviewService>(colleague, WaitForTheOther).DecideAsync(caseId, ReviewDecision.RejectAndClose, "不同意");
        var outcomes = await Task.WhenAll(Outcome(approve), Outcome(close));

        Assert.Single(outcomes, o => o is null);
        var loser = Assert.IsType<ConcurrencyException>(Assert.Single(outcomes, o => o is not null));
        Assert.Equal("该申请已被其他审核人处理，请刷新后查看最新状态", loser.Message);

        var stored = await Scenario.CaseAsync(caseId);
        Assert.Equal(2, stored.History.Count);
        var approvedWon = outcomes[0] is null;
        Assert.Equal(approvedWon ? ReviewStatus.Approved : ReviewStatus.Closed, stored.Status);
        await using var db = App.Db();
        Assert.Equal(approvedWon, (await db.Authorities.SingleAsync(a => a.Id == authorityId)).ApprovedAt is not null);

        // Deciding again later is refused as well, with the case's current state.
        var again = await Assert.ThrowsAsync<DomainException>(() => App.As<ReviewService>(Chain.City).DecideAsync(caseId, ReviewDecision.Approve, null));
        Assert.StartsWith("该申请已审核", again.Message);
    }

    [Fact]
    public async Task History_shows_each_operator_by_real_name_with_the_unit()
    {
        var county = await Scenario.UnitAsync("广州市荔湾区教育局", UnitKind.Authority, "440103");
        var caseId = await Scenario.CaseIdAsync(await Scenario.ApplyAsync(county, AffiliationLevel.County, "440103", Chain.CityId));
        await App.As<ReviewService>(Chain.City).DecideAsync(caseId, ReviewDecision.Approve, "同意");

        var history = await App.As<ReviewService>(Chain.City).HistoryAsync(caseId);

        await using var db = App.Db();
        var names = await db.Users.Where(u => u.Id == county.UserId || u.Id == Chain.City.UserId).ToDictionaryAsync(u => u.Id, u => u.RealName);
        Assert.Equal([(county.UnitName, names[county.UserId]), (Chain.City.UnitName, names[Chain.City.UserId])],
            history.Select(h => (h.OperatorUnit, (string?)h.Operator)));
        Assert.DoesNotContain(history, h => h.Operator == county.UserName || h.Operator == Chain.City.UserName);
    }

    [Fact]
    public async Task Batch_review_decides_the_pending_cases_and_skips_the_others_with_the_reason()
    {
        var pending1 = await Scenario.CaseIdAsync(await CountyApplicationAsync("广州市天河区教育局", "440106"));
        var decided = await Scenario.CaseIdAsync(await CountyApplicationAsync("广州市越秀区教育局", "440104"));
        var pending2 = await Scenario.CaseIdAsync(await CountyApplicationAsync("广州市海珠区教育局", "440105"));
        await App.As<ReviewService>(Chain.City).DecideAsync(decided, ReviewDecision.RejectAndReturn, "请补充材料");
        var shenzhen = await Scenario.UnitAsync("深圳市教育局", UnitKind.Authority, "440300");
        var notMine = await Scenario.CaseIdAsync(await Scenario.ApplyAsync(shenzhen, AffiliationLevel.City, "440300", Chain.ProvinceId));

        var result = await App.As<ReviewService>(Chain.City).BatchReviewAsync([pending1, decided, pending2, notMine, pending1], ReviewDecision.Approve, "同意");

        Assert.Equal([pending1, decided, pending2, notMine], result.Items.Select(i => i.CaseId));
        Assert.Equal([true, false, true, false], result.Items.Select(i => i.Succeeded));
        Assert.Equal((2, 2), (result.Succeeded, result.Failed));
        // Each case by its subject: the applicant and the series applied for.
        var series = ReferenceCatalog.SeriesName(AuthorityScenario.HigherEducation);
        Assert.Equal([$"广州市天河区教育局（{series}）", $"广州市越秀区教育局（{series}）", $"广州市海珠区教育局（{series}）"], result.Items.Take(3).Select(i => i.Subject));
        Assert.Equal("该申请已审核（不同意并退案），不能重复审核", result.Items[1].Message);
        Assert.Equal(("", "该申请不在您的审核范围内"), (result.Items[3].Subject, result.Items[3].Message));

        Assert.Equal(ReviewStatus.Approved, (await Scenario.CaseAsync(pending1)).Status);
        Assert.Equal(2, (await Scenario.CaseAsync(pending1)).History.Count);
        var skipped = await Scenario.CaseAsync(decided);
        Assert.Equal((ReviewStatus.Returned, 2), (skipped.Status, skipped.History.Count));
        Assert.Equal(ReviewStatus.Submitted, (await Scenario.CaseAsync(notMine)).Status);
    }

    [Fact]
    public async Task Review_grid_lists_the_callers_cases_with_filter_sort_and_paging()
    {
        await CountyApplicationAsync("广州市天河区教育局", "440106");
        var returned = await Scenario.CaseIdAsync(await CountyApplicationAsync("广州市越秀区教育局", "440104"));
        await CountyApplicationAsync("广州市海珠区教育局", "440105");
        await App.As<ReviewService>(Chain.City).DecideAsync(returned, ReviewDecision.RejectAndReturn, "请补充材料");
        var draft = await Scenario.UnitAsync("广州市白云区教育局", UnitKind.Authority, "440111");
        await App.As<AuthorityApplicationService>(draft).SaveAsync(AuthorityScenario.Form(draft, AffiliationLevel.County, "440111", Chain.CityId));

        var reviews = App.As<ReviewService>(Chain.City);
        var all = await reviews.QueueAsync(AuthorityReviewQueue.Instance, new ReviewQueueFilter(), new PageRequest(0, 2));
        Assert.Equal(3, all.Total);  // the draft is not submitted yet
        Assert.Equal(2, all.Items.Count);
        Assert.All(all.Items, r => Assert.Equal(("广州市教育局", "市(县、区)行业主管单位信息审核"), (r.ReviewingUnitName, r.Step)));
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
        var provinceQueue = await App.As<ReviewService>(Chain.Province).QueueAsync(AuthorityReviewQueue.Instance, new ReviewQueueFilter(), new PageRequest());
        Assert.Equal(["广州市教育局"], provinceQueue.Items.Select(r => r.ApplicantName));
    }

    private async Task<int> CountyApplicationAsync(string name, string region)
    {
        var unit = await Scenario.UnitAsync(name, UnitKind.Authority, region);
        return await Scenario.ApplyAsync(unit, AffiliationLevel.County, region, Chain.CityId);
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
