using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Common;
using CeAdmin.Demo;
using CeAdmin.Domain.Organizations;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Accounts;

/// <summary>A unit as a stranger gets one: through the services of 1.1 only, nothing written directly.</summary>
public sealed record RegisteredUnit(int UnitId, Actor Operator, Actor UnitLogin, Actor Person);

/// <summary>
/// 1.1.1 个人账号申请 → 1.1.2 实名认证 → 1.1.3 单位账号注册 (with the SMS code) → 1.1.4 the unit adds
/// the same person as its operator, the person accepts, the unit authorises.
/// </summary>
public sealed class SelfRegistration(TestApp app)
{
    public const string Password = "Reg2468abc";
    private static int _sequence;
    // Names follow the 姓名 rule: Han characters only.
    private const string Han = "甲乙丙丁戊己庚辛壬癸";

    public static UnitRegistration Form(string loginName, UnitKind kind, string unitName, string regionCode, string code) => new()
    {
        LoginName = loginName, Password = Password, ConfirmPassword = Password, UnitName = unitName,
        Kind = kind, CodeType = UnitCodeType.Uscc, Code = code, RegionCode = regionCode,
    };

    /// <summary>A verified personal account; returns its actor without a unit.</summary>
    public async Task<Actor> VerifiedPersonAsync()
    {
        var n = Interlocked.Increment(ref _sequence);
        var login = $"self_reg_{n}";
        var userId = await app.As<PersonalAccountService>(null).RegisterAsync(new PersonalRegistration
        {
            LoginName = login, Password = Password, ConfirmPassword = Password, Mobile = $"1391234{n:D4}",
        });
        var person = new Actor(userId, login, 0, "");
        await app.As<PersonalAccountService>(person).VerifyRealNameAsync(new RealNameForm
        {
            RealName = "申请" + Han[n % Han.Length] + Han[n / Han.Length % Han.Length], IdNumber = DemoIds.IdNumber("440106", new DateOnly(1975, 1, 1).AddDays(n), 900 + n % 99),
        });
        return person;
    }

    public async Task<RegisteredUnit> RegisterAsync(UnitKind kind, string unitName, string regionCode)
    {
        var person = await VerifiedPersonAsync();
        var n = Interlocked.Increment(ref _sequence);
        var idNumber = await IdNumberOfAsync(person.UserId);
        var units = app.As<UnitAccountService>(null);
        var owner = await units.CheckOwnerAsync(new UnitOwnerForm { OwnerLoginName = person.UserName, OwnerIdNumber = idNumber });
        var form = Form($"self_unit_{n}", kind, unitName, regionCode, DemoIds.Uscc($"914401{n:D11}"));
        await units.SendRegistrationCodeAsync(owner, form);
        var unitId = await units.CompleteRegistrationAsync(owner, form, app.Sms.LastCode());

        await using var db = app.Db();
        var loginId = await db.UnitAccounts.Where(u => u.Id == unitId).Select(u => u.LoginUserId).SingleAsync();
        var unitLogin = new Actor(loginId, form.LoginName, unitId, unitName, null, IsUnitLogin: true);
        var realName = await db.Users.Where(u => u.Id == person.UserId).Select(u => u.RealName!).SingleAsync();
        await app.As<UnitAccountService>(unitLogin).InviteOperatorAsync(new OperatorInvitation { LoginName = person.UserName, RealName = realName, IdNumber = idNumber });
        var invitation = Assert.Single(await app.As<PersonalAccountService>(person).MyUnitsAsync());
        await app.As<PersonalAccountService>(person).AcceptAsync(invitation.OperatorId);
        await app.As<UnitAccountService>(unitLogin).SetAuthorisedAsync(invitation.OperatorId, true);
        return new RegisteredUnit(unitId, person with { UnitId = unitId, UnitName = unitName, UnitKind = kind }, unitLogin, person);
    }

    private async Task<string> IdNumberOfAsync(string userId)
    {
        await using var db = app.Db();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.IdNumber!).SingleAsync();
    }
}
