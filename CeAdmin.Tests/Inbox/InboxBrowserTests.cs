using CeAdmin.Domain.Approvals;
using CeAdmin.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CeAdmin.Tests.Inbox;

/// <summary>
/// No timed refresh (once in ten minutes): whatever changes on an open page without a reload came through the
/// instance's own notifier.
/// </summary>
public sealed class NotifiedInboxFixture : BrowserFixture
{
    protected override Dictionary<string, string?> Settings => new() { ["Inbox:RefreshSeconds"] = "600" };
}

/// <summary>
/// The 首页 待办 and 站内消息 in the browser, two operators at once: one's page stays open while the other decides, and
/// the count, the badge and the applicant's returned item change on it without a reload. A reviewer picks a 常用审核意见,
/// edits it and decides with it.
/// </summary>
public sealed class InboxBrowserTests(NotifiedInboxFixture browser) : BrowserTest<NotifiedInboxFixture>
{
    private const string Reviewer = "广州市教育局";
    private const string Applicant = "广州市专业技术人员继续教育培训中心";

    [Fact]
    public async Task A_reviewers_pending_count_changes_without_a_reload_when_a_colleague_decides()
    {
        await using var data = new InboxData(browser.Server);
        var (_, caseId) = await data.PendingPlanAsync("2026年首页待办实时更新测试培训");
        await data.AddColleagueAsync("gz_edu", "gz_edu_li", "李晓明", browser.DemoPassword);

        var watcher = await browser.SignedInPageAsync("gz_edu", Reviewer);
        var planCount = PlanTile(watcher).Locator(".inbox-tile-count");
        await Assertions.Expect(planCount).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[1-9][0-9]*$"));
        var before = int.Parse(await planCount.InnerTextAsync());
        await MarkNoReloadAsync(watcher);
        await ShotsAsync(watcher, "inbox-01-reviewer-before");

        // The colleague follows the 首页's link to the filtered grid and approves the new plan there.
        var colleague = await browser.SignedInPageAsync("gz_edu_li", Reviewer);
        await PlanTile(colleague).ClickAsync();
        await colleague.WaitForURLAsync(u => u.Contains("plan-reviews?status=Submitted"));
        var row = colleague.Locator(".mud-table-body tr", new() { HasText = "2026年首页待办实时更新测试培训" });
        await Assertions.Expect(row).ToContainTextAsync("待审核");
        await Assertions.Expect(colleague.Locator(".mud-table-body tr", new() { HasText = "同意" })).ToHaveCountAsync(0);
        await ShotsAsync(colleague, "inbox-02-filtered-grid");
        await row.GetByText("[审核]").ClickAsync();
        await colleague.WaitForURLAsync(u => u.EndsWith($"plan-reviews/{caseId}"));
        await colleague.Locator(".review-panel").GetByText("同意", new() { Exact = true }).ClickAsync();
        await colleague.ClickAsync(".review-submit");
        await colleague.WaitForURLAsync(u => u.EndsWith("/plan-reviews"));

        await Assertions.Expect(planCount).ToHaveTextAsync((before - 1).ToString(), new() { Timeout = 10_000 });
        Assert.True(await watcher.EvaluateAsync<bool>("() => window.__inboxNoReload === true"), "The page was reloaded.");
        await ShotsAsync(watcher, "inbox-03-reviewer-after");
    }

    [Fact]
    public async Task A_decision_reaches_the_applicant_as_a_message_with_the_opinion_a_reviewer_picked()
    {
        await using var data = new InboxData(browser.Server);
        var (_, caseId) = await data.PendingPlanAsync("2026年站内消息测试培训");

        var applicant = await browser.SignedInPageAsync("gz_train", Applicant);
        var badge = applicant.Locator("#unread-badge");
        await Assertions.Expect(badge).ToHaveAttributeAsync("data-unread", new System.Text.RegularExpressions.Regex("^[0-9]+$"));
        var unread = int.Parse((await badge.GetAttributeAsync("data-unread"))!);
        await MarkNoReloadAsync(applicant);

        // The reviewer returns the plan with one of 广州市教育局's common opinions, edited.
        var reviewer = await browser.SignedInPageAsync("gz_edu", Reviewer);
        await browser.GotoAsync(reviewer, $"plan-reviews/{caseId}");
        await reviewer.Locator(".review-panel").GetByText("不同意并退案", new() { Exact = true }).ClickAsync();
        await reviewer.Locator(".opinion-picker button").ClickAsync();
        var choices = reviewer.Locator(".mud-popover-open .opinion-choice");
        await Assertions.Expect(choices.First).ToBeVisibleAsync();
        // Only the return opinions are offered.
        Assert.DoesNotContain(await choices.AllInnerTextsAsync(), t => t.StartsWith("同意"));
        await reviewer.WaitForFunctionAsync("() => getComputedStyle(document.querySelector('.mud-popover-open')).opacity === '1'");
        await ShotsAsync(reviewer, "inbox-04-common-opinions", fullPage: false);
        await choices.Filter(new() { HasText = "附件材料不全" }).ClickAsync();
        var opinion = reviewer.Locator(".review-opinion textarea");
        await Assertions.Expect(opinion).ToHaveValueAsync("附件材料不全，请补充上传后重新送审。");
        await opinion.FillAsync("附件材料不全，请补充上传后重新送审。缺少培训经费预算。");
        await reviewer.ClickAsync(".review-submit");
        await reviewer.WaitForURLAsync(u => u.EndsWith("/plan-reviews"));

        // On the applicant's open page: the badge, and the returned plan with the opinion among its 待办.
        await Assertions.Expect(badge).ToHaveAttributeAsync("data-unread", (unread + 1).ToString(), new() { Timeout = 10_000 });
        var returned = applicant.Locator("#open-applications .inbox-item", new() { HasText = "2026年站内消息测试培训" });
        await Assertions.Expect(returned).ToContainTextAsync("缺少培训经费预算");
        await Assertions.Expect(returned).ToContainTextAsync("不同意并退案");
        Assert.True(await applicant.EvaluateAsync<bool>("() => window.__inboxNoReload === true"), "The page was reloaded.");
        await ShotsAsync(applicant, "inbox-05-applicant-after-decision");

        // The message list: the decision and the opinion; 标为已读 takes it off the badge.
        await applicant.ClickAsync("#messages-link");
        await applicant.WaitForURLAsync(u => u.EndsWith("/messages"));
        var message = applicant.Locator(".messages-grid .mud-table-body tr", new() { HasText = "2026年站内消息测试培训" });
        await Assertions.Expect(message).ToContainTextAsync("审核结果：不同意并退案");
        await Assertions.Expect(message).ToContainTextAsync("审核意见：附件材料不全，请补充上传后重新送审。缺少培训经费预算。请按审核意见修改后重新送审。");
        await Assertions.Expect(message).ToContainTextAsync("未读");
        await ShotsAsync(applicant, "inbox-06-messages");
        await message.Locator(".mark-read").ClickAsync();
        await Assertions.Expect(message).ToContainTextAsync("已读");
        await Assertions.Expect(badge).ToHaveAttributeAsync("data-unread", unread.ToString());
    }

    [Fact]
    public async Task A_reviewer_keeps_its_common_opinions_on_their_page()
    {
        var page = await browser.SignedInPageAsync("gz_edu", Reviewer);
        await page.GetByRole(AriaRole.Link, new() { Name = "常用审核意见" }).ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith("/review-opinions"));
        await Assertions.Expect(page.Locator("#opinions-grid")).ToContainTextAsync("附件材料不全，请补充上传后重新送审。");

        await page.ClickAsync("#add-opinion");
        await Ui.SelectAsync(page, "#opinion-decision", "不同意并结案");
        await page.ClickAsync("#opinion-save");
        await Assertions.Expect(page.Locator(".mud-dialog")).ToContainTextAsync("请填写意见内容");
        await page.Locator(".mud-dialog textarea").FillAsync("申报单位不在本局管辖范围，请向所在地主管部门申报。");
        await ShotsAsync(page, "inbox-07-opinion-dialog", fullPage: false);
        await page.ClickAsync("#opinion-save");
        var row = page.Locator("#opinions-grid tr", new() { HasText = "申报单位不在本局管辖范围" });
        await Assertions.Expect(row).ToContainTextAsync("不同意并结案");
        await ShotsAsync(page, "inbox-08-opinions-page");

        await row.Locator(".delete-opinion").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "删除" }).ClickAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0);
    }

    private static ILocator PlanTile(IPage page) => page.Locator("#review-tasks a.inbox-tile[data-kind=plan]");

    /// <summary>A mark that only lives as long as the page: a reload would lose it.</summary>
    private static Task MarkNoReloadAsync(IPage page) => page.EvaluateAsync("() => { window.__inboxNoReload = true; }");

    /// <summary>The page as it is, and at 1366 × 768, the most common office screen.</summary>
    internal static async Task ShotsAsync(IPage page, string name, bool fullPage = true)
    {
        await BrowserFixture.ScreenshotAsync(page, name, fullPage);
        var size = page.ViewportSize;
        await page.SetViewportSizeAsync(1366, 768);
        await BrowserFixture.ScreenshotAsync(page, name + "-1366", fullPage);
        if (size is not null) await page.SetViewportSizeAsync(size.Width, size.Height);
    }
}
