using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Compliance;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Compliance;

/// <summary>待办提醒 by the deadlines of 学时规定: overdue reviews, the reporting deadline and who is still 未达标.</summary>
public sealed class DeadlineTests() : IntegrationTest(demo: true)
{
    [Theory]
    [InlineData("2026-03-06", 1, "2026-03-09")] // Friday + 1 working day = Monday
    [InlineData("2026-03-02", 10, "2026-03-16")]
    [InlineData("2026-03-07", 1, "2026-03-09")] // from a Saturday
    public void Working_days_skip_weekends(string from, int days, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), WorkingDays.Add(DateOnly.Parse(from), days));

    [Fact]
    public async Task A_review_waiting_longer_than_the_deadline_is_overdue()
    {
        var hrss = await App.DemoActorAsync("hrss_reviewer");
        var gz = await App.DemoActorAsync("gz_edu");
        await using (var db = App.Db())
            Assert.True(await db.ReviewCases.AnyAsync(c => c.ReviewingUnitId == gz.UnitId && c.Status == ReviewStatus.Submitted), "the demo has reviews waiting on the city");

        var fresh = (await App.As<DeadlineService>(gz).DueAsync()).Where(d => d.Key.StartsWith("reviews-")).ToList();
        Assert.NotEmpty(fresh);
        Assert.All(fresh, d => Assert.False(d.Warn));

        App.Clock.Advance(TimeSpan.FromDays(15)); // 11 working days later
        var late = (await App.As<DeadlineService>(gz).DueAsync()).Where(d => d.Key.StartsWith("reviews-")).ToList();
        Assert.Contains(late, d => d.Warn && d.Note.Contains("已超过 10 个工作日审核期限"));
        Assert.Equal(fresh.Sum(d => d.Count), late.Sum(d => d.Count));
        Assert.Equal(10, await App.As<DeadlineService>(hrss).ReviewWorkingDaysAsync());
    }

    [Fact]
    public async Task Review_grid_rows_carry_when_they_were_submitted_so_overdue_ones_are_marked()
    {
        var gz = await App.DemoActorAsync("gz_edu");
        var reviews = App.As<ReviewService>(gz);
        var plans = await reviews.QueueAsync(new CeAdmin.Domain.Plans.PlanReviewQueue(new CeAdmin.Domain.Plans.PlanFilter()), new ReviewQueueFilter(Status: ReviewStatus.Submitted), new PageRequest());
        var qualifications = await reviews.QueueAsync(new CeAdmin.Domain.Institutions.QualificationReviewQueue(), new ReviewQueueFilter(Status: ReviewStatus.Submitted), new PageRequest());
        var rows = plans.Items.Cast<IReviewRow>().Concat(qualifications.Items.Cast<IReviewRow>()).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.NotNull(r.SubmittedAt));
        Assert.All(rows, r => Assert.False(WorkingDays.IsOverdue(r.Status, r.SubmittedAt, 10, App.Clock)));
        App.Clock.Advance(TimeSpan.FromDays(15));
        Assert.All(rows, r => Assert.True(WorkingDays.IsOverdue(r.Status, r.SubmittedAt, 10, App.Clock)));
        Assert.False(WorkingDays.IsOverdue(ReviewStatus.Approved, rows[0].SubmittedAt, 10, App.Clock)); // decided cases are never overdue
    }

    [Fact]
    public async Task Before_the_reporting_deadline_the_home_page_counts_who_is_still_short()
    {
        var gz = await App.DemoActorAsync("gz_edu");
        App.Clock.Advance(TimeSpan.FromDays(-46)); // 2026-01-15: the deadline of 2025 (2026-01-31) is ahead
        var reporting = (await App.As<DeadlineService>(gz).DueAsync()).Single(d => d.Key == "reporting");
        Assert.Equal("2025年度学时申报截止 2026-01-31", reporting.Title);
        var notMet = await App.As<ComplianceService>(gz).QueryAsync(new ComplianceFilter(Year: 2025, Status: ComplianceStatus.NotMet), new PageRequest(), true);
        Assert.Equal(notMet.Total, reporting.Count);
        Assert.True(reporting.Count > 0);
        Assert.True(reporting.Warn);
        Assert.Equal("compliance?year=2025&status=notmet", reporting.Href);

        App.Clock.Advance(TimeSpan.FromDays(30)); // 2026-02-14: next is 2026's, due 2027-01-31
        Assert.Equal("2026年度学时申报截止 2027-01-31", (await App.As<DeadlineService>(gz).DueAsync()).Single(d => d.Key == "reporting").Title);
    }
}
