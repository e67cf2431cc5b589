using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Common;
using CeAdmin.Demo;
using CeAdmin.Domain.Organizations;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Accounts;

/// <summary>1.1 end to end on a real database: register → verify → register unit → bind → authorise → sign-in roles.</summary>
public sealed class AccountFlowTests : IntegrationTest
{
    private const string Password = "Gdce2468a";
    private static readonly string OwnerId = DemoIds.IdNumber("440106", new DateOnly(1985, 6, 1), 123);
    private static readonly string OperatorIdNumber = DemoIds.IdNumber("440104", new DateOnly(1990, 2, 3), 456);

    [Fact]
    public async Task Whole_registration_binding_and_authorisation_chain()
    {
        // 1.1.1 two personal accounts: the unit's owner and its operator.
        var ownerUserId = await RegisterAndVerifyAsync("owner_li", "李文华", OwnerId);
        var operatorUserId = await RegisterAndVerifyAsync("operator_wang", "王小明", OperatorIdNumber);

        // 1.1.3 unit registration in three steps, the SMS code read from the sender.
        var units = App.As<UnitAccountService>(null);
        var owner = await units.CheckOwnerAsync(new UnitOwnerForm { OwnerLoginName = "owner_li", OwnerIdNumber = OwnerId });
        Assert.Equal(ownerUserId, owner.UserId);
        var form = new UnitRegistration
        {
            LoginName = "gz_health_unit", Password = Password, ConfirmPassword = Password,
            UnitName = "广州市卫生健康委员会", Kind = UnitKind.Authority, CodeType = UnitCodeType.Uscc,
            Code = "91110000600037341L", RegionCode = "440100",
        };
        var masked = await units.SendRegistrationCodeAsync(owner, form);
        Assert.Matches(@"^\d{3}\*{4}\d{4}$", masked);
        await Assert.ThrowsAsync<ValidationFailedException>(() => units.CompleteRegistrationAsync(owner, form, "000000"));
        var unitId = await units.CompleteRegistrationAsync(owner, form, App.Sms.LastCode());

        await using (var db = App.Db())
        {
            var unit = await db.UnitAccounts.SingleAsync(u => u.Id == unitId);
            Assert.Equal("440100", unit.RegionCode);
            Assert.Equal(UnitAccountStatus.Active, unit.Status);
            Assert.True(await db.Users.AnyAsync(u => u.Id == unit.LoginUserId && u.Kind == AccountKind.Unit && u.UnitAccountId == unitId));
        }

        // 1.1.4 binding: the unit adds the operator, the operator accepts, the unit authorises.
        var unitLogin = await UnitLoginActorAsync(unitId);
        await App.As<UnitAccountService>(unitLogin).InviteOperatorAsync(new OperatorInvitation { LoginName = "operator_wang", RealName = "王小明", IdNumber = OperatorIdNumber });
        var directory = App.Get<SignInDirectory>();
        Assert.Empty(await directory.RolesForAsync(operatorUserId));
        Assert.Contains("通过申请", await directory.WhyNoRoleAsync(operatorUserId));

        var operatorActor = new Actor(operatorUserId, "operator_wang", 0, "");
        var mine = await App.As<PersonalAccountService>(operatorActor).MyUnitsAsync();
        var invitation = Assert.Single(mine);
        Assert.Equal(OperatorStatus.Invited, invitation.Status);
        await App.As<PersonalAccountService>(operatorActor).AcceptAsync(invitation.OperatorId);
        Assert.Contains("授权", await directory.WhyNoRoleAsync(operatorUserId));

        await App.As<UnitAccountService>(unitLogin).SetAuthorisedAsync(invitation.OperatorId, true);
        var role = Assert.Single(await directory.RolesForAsync(operatorUserId));
        Assert.Equal(("广州市卫生健康委员会", UnitKind.Authority), (role.UnitName, role.Kind));

        // De-authorising takes the role away again.
        await App.As<UnitAccountService>(unitLogin).SetAuthorisedAsync(invitation.OperatorId, false);
        Assert.Empty(await directory.RolesForAsync(operatorUserId));
    }

    [Fact]
    public async Task Duplicates_are_refused_with_a_message_naming_the_conflict()
    {
        await RegisterAndVerifyAsync("owner_li", "李文华", OwnerId);
        var accounts = App.As<PersonalAccountService>(null);
        var dup = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            accounts.RegisterAsync(new PersonalRegistration { LoginName = "owner_li", Password = Password, ConfirmPassword = Password, Mobile = "13912345678" }));
        Assert.Contains("owner_li", dup.Errors["LoginName"][0]);

        var otherId = await accounts.RegisterAsync(new PersonalRegistration { LoginName = "someone_else", Password = Password, ConfirmPassword = Password, Mobile = "13912345679" });
        var sameId = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            App.As<PersonalAccountService>(new Actor(otherId, "someone_else", 0, "")).VerifyRealNameAsync(new RealNameForm { RealName = "李文华", IdNumber = OwnerId }));
        Assert.Contains("已被其他个人账号实名认证", sameId.Errors["IdNumber"][0]);

        var units = App.As<UnitAccountService>(null);
        var owner = await units.CheckOwnerAsync(new UnitOwnerForm { OwnerLoginName = "owner_li", OwnerIdNumber = OwnerId });
        var form = new UnitRegistration { LoginName = "unit_a", Password = Password, ConfirmPassword = Password, UnitName = "单位甲", Code = "91110000600037341L" };
        await units.SendRegistrationCodeAsync(owner, form);
        await units.CompleteRegistrationAsync(owner, form, App.Sms.LastCode());
        var second = new UnitRegistration { LoginName = "unit_b", Password = Password, ConfirmPassword = Password, UnitName = "单位乙", Code = "91110000600037341L" };
        var codeDup = await Assert.ThrowsAsync<ValidationFailedException>(() => units.SendRegistrationCodeAsync(owner, second));
        Assert.Contains("已被“单位甲”注册", codeDup.Errors["Code"][0]);
    }

    [Fact]
    public async Task Bad_input_is_refused_and_nothing_is_written()
    {
        var accounts = App.As<PersonalAccountService>(null);
        var bad = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            accounts.RegisterAsync(new PersonalRegistration { LoginName = "bad name!", Password = "abcd1234", ConfirmPassword = "x", Mobile = "123" }));
        Assert.Equal(["ConfirmPassword", "LoginName", "Mobile", "Password"], bad.Errors.Keys.Order().ToArray());
        Assert.Equal(PasswordRule.Message, bad.Errors["Password"][0]);
        await using var db = App.Db();
        Assert.False(await db.Users.AnyAsync());
        Assert.False(await db.AuditEntries.AnyAsync());
    }

    [Fact]
    public async Task Unverified_person_cannot_register_a_unit()
    {
        await App.As<PersonalAccountService>(null).RegisterAsync(new PersonalRegistration { LoginName = "not_verified", Password = Password, ConfirmPassword = Password, Mobile = "13912345670" });
        var units = App.As<UnitAccountService>(null);
        await Assert.ThrowsAsync<ValidationFailedException>(() => units.CheckOwnerAsync(new UnitOwnerForm { OwnerLoginName = "not_verified", OwnerIdNumber = OwnerId }));
    }

    [Fact]
    public async Task Every_write_is_audited_with_who_and_what()
    {
        var userId = await RegisterAndVerifyAsync("owner_li", "李文华", OwnerId);
        await using var db = App.Db();
        var entries = await db.AuditEntries.Where(a => a.Entity == "AppUser" && a.EntityKey == userId).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["Added", "Modified"], entries.Select(e => e.Action).ToArray());
        Assert.Equal("owner_li", entries[1].UserName);
        Assert.Contains("VerificationLevel", entries[1].Changes);
        Assert.DoesNotContain("PasswordHash", entries[0].Changes);
    }

    private async Task<string> RegisterAndVerifyAsync(string login, string name, string idNumber)
    {
        var userId = await App.As<PersonalAccountService>(null).RegisterAsync(new PersonalRegistration
        {
            LoginName = login, Password = Password, ConfirmPassword = Password, Mobile = "13912345678",
        });
        var result = await App.As<PersonalAccountService>(new Actor(userId, login, 0, "")).VerifyRealNameAsync(new RealNameForm { RealName = name, IdNumber = idNumber });
        Assert.Equal(VerificationLevel.Level2, result.Level);
        return userId;
    }

    private async Task<Actor> UnitLoginActorAsync(int unitId)
    {
        await using var db = App.Db();
        var unit = await db.UnitAccounts.SingleAsync(u => u.Id == unitId);
        var login = await db.Users.SingleAsync(u => u.Id == unit.LoginUserId);
        return new Actor(login.Id, login.UserName!, unit.Id, unit.Name, null, IsUnitLogin: true);
    }
}
