using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Common;
using CeAdmin.Demo;
using CeAdmin.Domain.Organizations;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Accounts;

/// <summary>SMS codes of 单位账号注册 and 用户密码重置: one set of rules in SmsChallengeService.</summary>
public sealed class SmsChallengeTests : IntegrationTest
{
    private const string Password = "Gdce2468a";
    private const string Mobile = "13912345678";
    private static readonly string OwnerId = DemoIds.IdNumber("440106", new DateOnly(1985, 6, 1), 123);

    [Fact]
    public async Task A_resend_waits_sixty_seconds()
    {
        var (units, owner, form) = await UnitRegistrationAsync();
        await units.SendRegistrationCodeAsync(owner, form);

        App.Clock.Advance(TimeSpan.FromSeconds(20));
        var wait = await Assert.ThrowsAsync<SmsResendWaitException>(() => units.SendRegistrationCodeAsync(owner, form));
        Assert.Equal(40, wait.SecondsLeft);
        Assert.Equal("验证码已发送，请40秒后再重新获取", wait.Message);
        Assert.Single(App.Sms.Sent);

        App.Clock.Advance(TimeSpan.FromSeconds(40));
        await units.SendRegistrationCodeAsync(owner, form);
        Assert.Equal(2, App.Sms.Sent.Count);
    }

    [Fact]
    public async Task A_phone_gets_at_most_the_daily_number_of_codes()
    {
        var (units, owner, form) = await UnitRegistrationAsync();
        for (var i = 0; i < 10; i++)
        {
            await units.SendRegistrationCodeAsync(owner, form);
            App.Clock.Advance(TimeSpan.FromSeconds(61));
        }
        var capped = await Assert.ThrowsAsync<DomainException>(() => units.SendRegistrationCodeAsync(owner, form));
        Assert.Equal("该手机号码今天获取验证码已达10次，请明天再试", capped.Message);
        // The cap is the phone's: a password reset to the same phone is refused too.
        await Assert.ThrowsAsync<DomainException>(() => App.As<PasswordService>(null).SendResetCodeAsync(new PasswordResetRequest { LoginName = "owner_li" }));
        Assert.Equal(10, App.Sms.Sent.Count);

        // The test clock starts at 10:00 China time; the next China day allows codes again.
        App.Clock.Advance(TimeSpan.FromHours(14));
        await units.SendRegistrationCodeAsync(owner, form);
        Assert.Equal(11, App.Sms.Sent.Count);
    }

    [Fact]
    public async Task Wrong_guesses_are_capped_across_resends()
    {
        var (units, owner, form) = await UnitRegistrationAsync();
        await units.SendRegistrationCodeAsync(owner, form);
        for (var i = 0; i < 3; i++) await WrongAsync(units, owner, form);

        // A new code does not give five new guesses.
        App.Clock.Advance(TimeSpan.FromSeconds(61));
        await units.SendRegistrationCodeAsync(owner, form);
        var fourth = await WrongAsync(units, owner, form);
        Assert.Equal("短信验证码不正确，还可输入1次", fourth);
        Assert.Equal("短信验证码错误次数过多，请明天再试", await WrongAsync(units, owner, form));

        // Now even the right code is refused, and no new code is sent today.
        var right = await Assert.ThrowsAsync<ValidationFailedException>(() => units.CompleteRegistrationAsync(owner, form, App.Sms.LastCode()));
        Assert.Equal("短信验证码错误次数过多，请明天再试", right.Errors["SmsCode"][0]);
        App.Clock.Advance(TimeSpan.FromSeconds(61));
        var resend = await Assert.ThrowsAsync<DomainException>(() => units.SendRegistrationCodeAsync(owner, form));
        Assert.Equal("短信验证码错误次数过多，请明天再试", resend.Message);
        await using var db = App.Db();
        Assert.False(await db.UnitAccounts.AnyAsync());
    }

    [Fact]
    public async Task A_code_expires_and_is_used_once()
    {
        var (units, owner, form) = await UnitRegistrationAsync();
        await units.SendRegistrationCodeAsync(owner, form);
        App.Clock.Advance(TimeSpan.FromMinutes(6));
        var expired = await Assert.ThrowsAsync<ValidationFailedException>(() => units.CompleteRegistrationAsync(owner, form, App.Sms.LastCode()));
        Assert.Equal("短信验证码已过期，请重新获取", expired.Errors["SmsCode"][0]);

        await units.SendRegistrationCodeAsync(owner, form);
        await units.CompleteRegistrationAsync(owner, form, App.Sms.LastCode());
        await using var db = App.Db();
        var used = await db.SmsChallenges.OrderBy(c => c.Id).LastAsync();
        Assert.NotNull(used.UsedAt);
        Assert.Equal(Mobile, used.PhoneNumber);
        // Only the hash is stored.
        Assert.DoesNotContain(App.Sms.LastCode(), used.CodeHash);
    }

    private async Task<string> WrongAsync(UnitAccountService units, UnitOwner owner, UnitRegistration form)
    {
        var wrong = App.Sms.LastCode() == "000000" ? "111111" : "000000";
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => units.CompleteRegistrationAsync(owner, form, wrong));
        return ex.Errors["SmsCode"][0];
    }

    private async Task<(UnitAccountService, UnitOwner, UnitRegistration)> UnitRegistrationAsync()
    {
        var userId = await App.As<PersonalAccountService>(null).RegisterAsync(new PersonalRegistration
        {
            LoginName = "owner_li", Password = Password, ConfirmPassword = Password, Mobile = Mobile,
        });
        await App.As<PersonalAccountService>(new Actor(userId, "owner_li", 0, "")).VerifyRealNameAsync(new RealNameForm { RealName = "李文华", IdNumber = OwnerId });
        var units = App.As<UnitAccountService>(null);
        var owner = await units.CheckOwnerAsync(new UnitOwnerForm { OwnerLoginName = "owner_li", OwnerIdNumber = OwnerId });
        var form = new UnitRegistration
        {
            LoginName = "unit_a", Password = Password, ConfirmPassword = Password, UnitName = "单位甲",
            Kind = UnitKind.Employer, Code = "91110000600037341L", RegionCode = "440100",
        };
        return (units, owner, form);
    }
}
