using System.Net;
using CeAdmin.Tests.Infrastructure;

namespace CeAdmin.Tests.Accounts;

/// <summary>修改密码 and 用户密码重置 through the static pages: both end the account's other sessions.</summary>
public sealed class PasswordHttpTests : IAsyncLifetime
{
    private const string Password = "Gdce2468a";
    private const string NewPassword = "Wenhua2580x";
    private AppServer _server = null!;

    public Task InitializeAsync()
    {
        _server = new AppServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Changing_the_password_ends_the_other_sessions_and_keeps_this_one()
    {
        using var office = new HttpSession(_server);
        using var home = new HttpSession(_server);
        Assert.Equal(HttpStatusCode.Redirect, (await office.TrySignInAsync("gz_edu", Password)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await home.TrySignInAsync("gz_edu", Password)).Status);

        var wrong = await home.PostAsync("/account/password", "change-password",
            ("Input.CurrentPassword", "Wrong2468a"), ("Input.NewPassword", NewPassword), ("Input.ConfirmPassword", NewPassword));
        Assert.Contains("原密码不正确", wrong.Html);
        Assert.True(await office.IsSignedInAsync());

        var changed = await home.PostAsync("/account/password", "change-password",
            ("Input.CurrentPassword", Password), ("Input.NewPassword", NewPassword), ("Input.ConfirmPassword", NewPassword));
        Assert.NotNull(changed.Text("password-changed"));

        Assert.False(await office.IsSignedInAsync());
        Assert.True(await home.IsSignedInAsync());
        Assert.Equal(HttpStatusCode.OK, (await office.TrySignInAsync("gz_edu", Password)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await office.TrySignInAsync("gz_edu", NewPassword)).Status);
    }

    [Fact]
    public async Task Resetting_a_forgotten_password_by_sms_ends_every_session()
    {
        using var office = new HttpSession(_server);
        Assert.Equal(HttpStatusCode.Redirect, (await office.TrySignInAsync("th_edu", Password)).Status);

        using var phone = new HttpSession(_server);
        var sent = await phone.PostAsync("/account/forgot-password", "send-code", ("Send.LoginName", "th_edu"));
        Assert.StartsWith("如果该登录账号存在并已绑定手机号码", sent.Text("reset-notice"));
        Assert.Contains("data-countdown=\"60\"", sent.Html);
        var (number, _) = Assert.Single(_server.Sms.Sent);
        // The page never shows the number, masked or not.
        Assert.DoesNotContain(number[7..], sent.Html);

        var unknown = await phone.PostAsync("/account/forgot-password", "send-code", ("Send.LoginName", "nobody_here"));
        Assert.Equal(sent.Text("reset-notice"), unknown.Text("reset-notice"));
        Assert.Single(_server.Sms.Sent);

        var reset = await phone.PostAsync("/account/forgot-password", "reset-password",
            ("Reset.LoginName", "th_edu"), ("Reset.SmsCode", _server.Sms.LastCode()), ("Reset.NewPassword", NewPassword), ("Reset.ConfirmPassword", NewPassword));
        Assert.Equal(HttpStatusCode.Redirect, reset.Status);
        Assert.EndsWith("/account/login?reason=password", reset.Location);

        Assert.False(await office.IsSignedInAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await office.TrySignInAsync("th_edu", NewPassword)).Status);
    }
}
