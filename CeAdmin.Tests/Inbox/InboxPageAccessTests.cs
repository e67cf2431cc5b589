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

    private static async Task AssertRefusedAsync(HttpSession session, string path)
    {
        var response = await session.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/denied", response.Headers.Location!.ToString());
    }
}
