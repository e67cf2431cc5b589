using System.Net;
using CeAdmin.Tests.Infrastructure;

namespace CeAdmin.Tests.Inbox;

/// <summary>
/// The new pages refuse a role that may not use them before anything is rendered (the page policies): 常用审核意见 is
/// for reviewing units, 站内消息 for people and operators (a unit account's own login receives none).
/// </summary>
public sealed class InboxPageAccessTests : IAsyncLifetime
{
    private AppServer _server = null!;

    public Task InitializeAsync()
    {
        _server = new AppServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("gz_train", "广州市专业技术人员继续教育培训中心")]
    [InlineData("gz_corp", "广州智造科技有限公司")]
    [InlineData("lw_edu", "广州市荔湾区教育局")]
    [InlineData("new_user", null)]
    public async Task The_common_opinions_page_refuses_units_that_do_not_review(string login, string? unit)
    {
        using var session = new HttpSession(_server);
        await session.SignInAsync(login, unit);
        await AssertRefusedAsync(session, "/review-opinions");
    }

    [Theory]
    [InlineData("gz_edu", "广州市教育局")]
    [InlineData("hrss_reviewer", "广东省人力资源和社会保障厅")]
    public async Task Reviewing_units_open_the_common_opinions_page(string login, string unit)
    {
        using var session = new HttpSession(_server);
        await session.SignInAsync(login, unit);
        var response = await session.Client.GetAsync("/review-opinions");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("常用审核意见", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_messages_page_refuses_a_unit_login_and_serves_people_and_operators()
    {
        using var unitLogin = new HttpSession(_server);
        var response = await unitLogin.PostFormAsync("/account/login?mode=unit", "/account/login", "login",
            ("Input.Mode", "unit"), ("Input.ReturnUrl", ""), ("Input.UserName", "gz_train_unit"), ("Input.Password", HttpSession.DemoPassword));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await AssertRefusedAsync(unitLogin, "/messages");

        foreach (var (login, unit) in new[] { ("new_user", (string?)null), ("gz_train", "广州市专业技术人员继续教育培训中心"), ("lw_edu", "广州市荔湾区教育局") })
        {
            using var session = new HttpSession(_server);
            await session.SignInAsync(login, unit);
            var page = await session.Client.GetAsync("/messages");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("站内消息", await page.Content.ReadAsStringAsync());
        }
    }

    /// <summary>
    /// 首页 is each role's 待办 (the page as served, before the circuit starts): a reviewer's pending counts per
    /// review kind it reviews, an applicant's returned items and drafts, an institution's classes without 结业名单,
    /// a person's invitations; never another role's card.
    /// </summary>
    [Theory]
    [InlineData("gz_edu", "广州市教育局", "review-tasks,open-applications,unread-messages", "missing-rosters,pending-invitations", "authority,qualification,plan")]
    [InlineData("hp_edu", "广州市黄埔区教育局", "review-tasks,open-applications,unread-messages", "missing-rosters,pending-invitations", "qualification,plan")]
    [InlineData("hrss_reviewer", "广东省人力资源和社会保障厅", "review-tasks,unread-messages", "missing-rosters,pending-invitations", "authority,plan")]
    [InlineData("lw_edu", "广州市荔湾区教育局", "open-applications,unread-messages", "review-tasks,missing-rosters,pending-invitations", "")]
    [InlineData("gz_train", "广州市专业技术人员继续教育培训中心", "open-applications,missing-rosters,unread-messages", "review-tasks,pending-invitations", "")]
    [InlineData("new_user", null, "pending-invitations,unread-messages", "review-tasks,open-applications,missing-rosters", "")]
    public async Task Home_is_the_roles_inbox(string login, string? unit, string cards, string absent, string kinds)
    {
        using var session = new HttpSession(_server);
        await session.SignInAsync(login, unit);
        var html = await session.Client.GetStringAsync("/");
        foreach (var card in cards.Split(',')) Assert.Contains($"id=\"{card}\"", html);
        foreach (var card in absent.Split(',')) Assert.DoesNotContain($"id=\"{card}\"", html);
        var shown = System.Text.RegularExpressions.Regex.Matches(html, "data-kind=\"([a-z]+)\"").Select(m => m.Groups[1].Value);
        Assert.Equal(kinds.Split(',', StringSplitOptions.RemoveEmptyEntries), shown);
    }

    private static async Task AssertRefusedAsync(HttpSession session, string path)
    {
        var response = await session.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/denied", response.Headers.Location!.ToString());
    }
}
