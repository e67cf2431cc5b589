using CeAdmin.Domain.Approvals;
using CeAdmin.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CeAdmin.Tests.Inbox;

/// <summary>Open pages read their 待办 again every two seconds.</summary>
public sealed class RefreshingInboxFixture : BrowserFixture
{
    protected override Dictionary<string, string?> Settings => new() { ["Inbox:RefreshSeconds"] = "2" };
}

/// <summary>
/// A decision made on another instance (here: the domain services on the same database with their own notifier,
/// as a second app process has) reaches an open 首页 at its next timed refresh.
/// </summary>
public sealed class InboxRefreshBrowserTests(RefreshingInboxFixture browser) : BrowserTest<RefreshingInboxFixture>
{
    [Fact]
    public async Task A_decision_made_on_another_instance_reaches_the_open_page_at_the_next_refresh()
    {
        await using var data = new InboxData(browser.Server);
        var (_, caseId) = await data.PendingPlanAsync("2026年多实例刷新测试培训");

        var page = await browser.SignedInPageAsync("gz_edu", "广州市教育局");
        var count = page.Locator("#review-tasks a.inbox-tile[data-kind=plan] .inbox-tile-count");
        await Assertions.Expect(count).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[1-9][0-9]*$"));
        var before = int.Parse(await count.InnerTextAsync());
        await page.EvaluateAsync("() => { window.__inboxNoReload = true; }");

        await data.App.As<ReviewService>(await data.App.DemoActorAsync("gz_edu")).DecideAsync(caseId, ReviewDecision.Approve, null);

        await Assertions.Expect(count).ToHaveTextAsync((before - 1).ToString(), new() { Timeout = 15_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.__inboxNoReload === true"), "The page was reloaded.");
    }
}
