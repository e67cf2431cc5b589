using Bunit;
using CeAdmin.App.Features.Accounts;
using CeAdmin.Domain;
using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Common;
using CeAdmin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CeAdmin.Tests.Accounts;

/// <summary>The registration form shows a Chinese message at each wrong field, and the server's refusals too.</summary>
public sealed class RegistrationFormTests : MudTestContext
{
    private TestApp _app = null!;

    public override async Task InitializeAsync()
    {
        _app = await TestApp.CreateAsync();
        Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        Services.AddCeAdminDomain(_app.Database);
        Services.AddSingleton<ICurrentUser>(new FixedCurrentUser(null));
    }

    [Fact]
    public async Task Each_wrong_field_gets_its_message_and_nothing_is_saved()
    {
        var cut = Render<PersonalRegistrationForm>();
        cut.Find("#reg-login").Change("li si");
        cut.Find("#reg-password").Change("abcd1234");
        cut.Find("#reg-confirm").Change("abcd12345");
        cut.Find("#reg-mobile").Change("12345");
        cut.Find("#reg-submit").Click();

        cut.WaitForAssertion(() =>
        {
            Assert.Contains("登录账号只能包含字母、数字、下划线", cut.Markup);
            Assert.Contains(PasswordRule.Message, cut.Markup);
            Assert.Contains("两次输入的密码不一致", cut.Markup);
            Assert.Contains("手机号码", cut.Markup);
        });
        await using var db = _app.Db();
        Assert.Empty(db.Users);
    }

    [Fact]
    public void Required_fields_say_what_is_missing()
    {
        var cut = Render<PersonalRegistrationForm>();
        cut.Find("#reg-submit").Click();
        cut.WaitForAssertion(() =>
        {
            Assert.Contains("请输入登录账号", cut.Markup);
            Assert.Contains("请输入密码", cut.Markup);
            Assert.Contains("请输入手机号码", cut.Markup);
        });
    }

    [Fact]
    public async Task A_taken_login_name_is_shown_at_the_field()
    {
        await _app.As<PersonalAccountService>(null).RegisterAsync(new PersonalRegistration
        {
            LoginName = "taken_name", Password = "Gdce2468a", ConfirmPassword = "Gdce2468a", Mobile = "13800001111",
        });
        var registered = false;
        var cut = Render<PersonalRegistrationForm>(p => p.Add(x => x.OnRegistered, () => registered = true));
        cut.Find("#reg-login").Change("taken_name");
        cut.Find("#reg-password").Change("Gdce2468a");
        cut.Find("#reg-confirm").Change("Gdce2468a");
        cut.Find("#reg-mobile").Change("13800002222");
        cut.Find("#reg-submit").Click();

        cut.WaitForAssertion(() => Assert.Contains("登录账号“taken_name”已被注册", cut.Markup));
        Assert.False(registered);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await _app.DisposeAsync();
        await base.DisposeAsyncCore();
    }
}
