using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Common;
using CeAdmin.Demo;
using CeAdmin.Domain.Organizations;
using CeAdmin.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Accounts;

/// <summary>用户密码重置 (1.1): change with the old password, reset with a code to the bound phone.</summary>
public sealed class PasswordServiceTests : IntegrationTest
{
    private const string Password = "Gdce2468a";
    private const string NewPassword = "Wenhua2580x";
    private const string Mobile = "13912345678";

    [Fact]
    public async Task A_signed_in_user_changes_his_password_with_the_old_one_and_the_stamp_changes()
    {
        var (userId, stamp) = await RegisterAsync("owner_li");
        var service = App.As<PasswordService>(new Actor(userId, "owner_li", 0, ""));

        var wrong = await Assert.ThrowsAsync<ValidationFailedException>(() => service.ChangeAsync(Change("Wrong2468a", NewPassword)));
        Assert.Equal("原密码不正确", wrong.Errors["CurrentPassword"][0]);
        var weak = await Assert.ThrowsAsync<ValidationFailedException>(() => service.ChangeAsync(Change(Password, "abcd1234")));
        Assert.Equal(PasswordRule.Message, weak.Errors["NewPassword"][0]);
        var same = await Assert.ThrowsAsync<ValidationFailedException>(() => service.ChangeAsync(Change(Password, Password)));
        Assert.Equal("新密码不能与原密码相同", same.Errors["NewPassword"][0]);
        await AssertPasswordAsync(userId, Password, stamp);

        Assert.Equal(userId, await service.ChangeAsync(Change(Password, NewPassword)));
        var after = await AssertPasswordAsync(userId, NewPassword, null);
        Assert.NotEqual(stamp, after.SecurityStamp);
        await Assert.ThrowsAsync<DomainException>(() => App.As<PasswordService>(null).ChangeAsync(Change(NewPassword, Password)));
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_with_the_code_sent_to_the_bound_phone()
    {
        var (userId, stamp) = await RegisterAsync("owner_li");
        await using (var db = App.Db())
        {
            // Locked out after five wrong passwords: the reset lifts it.
            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, DateTimeOffset.UtcNow.AddMinutes(15)).SetProperty(u => u.AccessFailedCount, 5));
        }
        var service = App.As<PasswordService>(null);
        await service.SendResetCodeAsync(new PasswordResetRequest { LoginName = "OWNER_LI " });
        var (phone, text) = Assert.Single(App.Sms.Sent);
        Assert.Equal(Mobile, phone);
        Assert.Contains("您正在重置登录密码", text);

        var wrong = await Assert.ThrowsAsync<ValidationFailedException>(() => service.ResetAsync(Reset("owner_li", "000001")));
        Assert.StartsWith("短信验证码不正确", wrong.Errors["SmsCode"][0]);
        await service.ResetAsync(Reset("owner_li", App.Sms.LastCode()));

        var user = await AssertPasswordAsync(userId, NewPassword, null);
        Assert.NotEqual(stamp, user.SecurityStamp);
        Assert.Null(user.LockoutEnd);
        Assert.Equal(0, user.AccessFailedCount);
        // The code is used once.
        var again = await Assert.ThrowsAsync<ValidationFailedException>(() => service.ResetAsync(Reset("owner_li", App.Sms.LastCode())));
        Assert.Equal("请先获取短信验证码", again.Errors["SmsCode"][0]);
    }

    [Fact]
    public async Task An_unknown_login_name_gets_the_same_answers_and_no_sms()
    {
        await RegisterAsync("owner_li");
        var service = App.As<PasswordService>(null);

        await service.SendResetCodeAsync(new PasswordResetRequest { LoginName = "no_such_user" });
        await service.SendResetCodeAsync(new PasswordResetRequest { LoginName = "owner_li" });
        Assert.Single(App.Sms.Sent);

        // A second request within the wait, a wrong code: the same for both names.
        App.Clock.Advance(TimeSpan.FromSeconds(10));
        var unknownWait = await Assert.ThrowsAsync<SmsResendWaitException>(() => service.SendResetCodeAsync(new PasswordResetRequest { LoginName = "no_such_user" }));
        var knownWait = await Assert.ThrowsAsync<SmsResendWaitException>(() => service.SendResetCodeAsync(new PasswordResetRequest { LoginName = "owner_li" }));
        Assert.Equal(knownWait.Message, unknownWait.Message);
        var unknownWrong = await Assert.ThrowsAsync<ValidationFailedException>(() => service.ResetAsync(Reset("no_such_user", "123456")));
        var knownWrong = await Assert.ThrowsAsync<ValidationFailedException>(() => service.ResetAsync(Reset("owner_li", App.Sms.LastCode() == "123456" ? "654321" : "123456")));
        Assert.Equal(knownWrong.Errors["SmsCode"], unknownWrong.Errors["SmsCode"]);
        Assert.Single(App.Sms.Sent);
    }

    [Fact]
    public async Task A_unit_accounts_code_goes_to_the_phone_of_the_person_who_registered_it()
    {
        var (ownerId, _) = await RegisterAsync("owner_li");
        var idNumber = DemoIds.IdNumber("440106", new DateOnly(1985, 6, 1), 123);
        await App.As<PersonalAccountService>(new Actor(ownerId, "owner_li", 0, "")).VerifyRealNameAsync(new RealNameForm { RealName = "李文华", IdNumber = idNumber });
        var units = App.As<UnitAccountService>(null);
        var owner = await units.CheckOwnerAsync(new UnitOwnerForm { OwnerLoginName = "owner_li", OwnerIdNumber = idNumber });
        var form = new UnitRegistration { LoginName = "unit_a", Password = Password, ConfirmPassword = Password, UnitName = "单位甲", Kind = UnitKind.Employer, Code = "91110000600037341L", RegionCode = "440100" };
        await units.SendRegistrationCodeAsync(owner, form);
        await units.CompleteRegistrationAsync(owner, form, App.Sms.LastCode());
        App.Clock.Advance(TimeSpan.FromSeconds(61));

        var service = App.As<PasswordService>(null);
        await service.SendResetCodeAsync(new PasswordResetRequest { LoginName = "unit_a" });
        Assert.Equal(Mobile, App.Sms.Sent[^1].Phone);
        await service.ResetAsync(Reset("unit_a", App.Sms.LastCode()));
        await using var db = App.Db();
        var login = await db.Users.SingleAsync(u => u.UserName == "unit_a");
        await AssertPasswordAsync(login.Id, NewPassword, null);
    }

    private static PasswordChange Change(string current, string next) => new() { CurrentPassword = current, NewPassword = next, ConfirmPassword = next };

    private static PasswordReset Reset(string login, string code) => new() { LoginName = login, SmsCode = code, NewPassword = NewPassword, ConfirmPassword = NewPassword };

    private async Task<(string UserId, string Stamp)> RegisterAsync(string login)
    {
        var userId = await App.As<PersonalAccountService>(null).RegisterAsync(new PersonalRegistration { LoginName = login, Password = Password, ConfirmPassword = Password, Mobile = Mobile });
        await using var db = App.Db();
        return (userId, (await db.Users.SingleAsync(u => u.Id == userId)).SecurityStamp!);
    }

    private async Task<AppUser> AssertPasswordAsync(string userId, string password, string? stamp)
    {
        await using var db = App.Db();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId);
        Assert.NotEqual(PasswordVerificationResult.Failed, new PasswordHasher<AppUser>().VerifyHashedPassword(user, user.PasswordHash!, password));
        if (stamp is not null) Assert.Equal(stamp, user.SecurityStamp);
        return user;
    }
}
