using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Administration;
using CeAdmin.Domain.Audit;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Organizations;
using CeAdmin.Tests.Accounts;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Audit;

/// <summary>
/// Account events written by the domain's services, each with its result: the unit's operators (invited,
/// bound, authorised, de-authorised, removed), a forgotten password reset, and the 系统管理员's work on
/// accounts — with the refusals that separate his powers from the auditor's and from the command line's.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AccountEventTests : IAsyncLifetime
{
    private static readonly Actor CommandLine = Actor.Console("系统管理员（命令行）");
    private TestApp _app = null!;
    private SelfRegistration _registration = null!;
    private Actor _admin = null!;
    private Actor _auditor = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.CreateAsync();
        _registration = new SelfRegistration(_app);
        _admin = await SystemAccountAsync(SystemRole.Administrator, "sys_admin");
        _auditor = await SystemAccountAsync(SystemRole.Auditor, "sec_auditor");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<Actor> SystemAccountAsync(SystemRole role, string login)
    {
        var id = await _app.As<SystemAdministrationService>(CommandLine).CreateSystemAccountAsync(new SystemAccountForm
        {
            Role = role, LoginName = login, Password = "Admin2468abc", RealName = "测试管理", Mobile = "13800000101",
        });
        return new Actor(id, login, 0, "", IsSystemAdministrator: role == SystemRole.Administrator, IsSecurityAuditor: role == SystemRole.Auditor);
    }

    [Fact]
    public async Task Operators_invited_bound_authorised_deauthorised_and_removed_are_audited()
    {
        var last = await _app.LastIdAsync();
        var unit = await _registration.RegisterAsync(UnitKind.Employer, "广州审计测试有限公司", "440106");
        var units = _app.As<UnitAccountService>(unit.UnitLogin);
        var operatorId = (await units.OperatorsAsync()).Single().Id;
        await units.SetAuthorisedAsync(operatorId, false);
        await units.RemoveOperatorAsync(operatorId);
        // Another unit's login cannot touch this operator (the row is gone, and it was never its own).
        var other = await _registration.RegisterAsync(UnitKind.Employer, "广州另一测试有限公司", "440106");
        await Assert.ThrowsAsync<ScopeException>(() => _app.As<UnitAccountService>(other.UnitLogin).SetAuthorisedAsync(operatorId, true));

        var events = (await _app.EventsAfterAsync(last)).Where(e => e.Entity is nameof(UnitOperator) or nameof(AppUser) && e.Event.ToString().StartsWith("Operator")).ToList();
        var person = unit.Person.UserName;
        Assert.Equal(
        [
            (AuditEvent.OperatorInvited, AuditResult.Succeeded, person, unit.UnitLogin.UserName),
            (AuditEvent.OperatorBound, AuditResult.Succeeded, "广州审计测试有限公司", person),
            (AuditEvent.OperatorAuthorised, AuditResult.Succeeded, person, unit.UnitLogin.UserName),
            (AuditEvent.OperatorDeauthorised, AuditResult.Succeeded, person, unit.UnitLogin.UserName),
            (AuditEvent.OperatorRemoved, AuditResult.Succeeded, person, unit.UnitLogin.UserName),
        ], events.Where(e => e.UnitId == unit.UnitId || e.UserName == person).Take(5).Select(e => (e.Event, e.Result, e.Target, e.UserName)));
        var refused = events.Last();
        Assert.Equal((AuditEvent.OperatorAuthorised, AuditResult.Refused, "该经办人不属于本单位", other.UnitLogin.UserName),
            (refused.Event, refused.Result, refused.Reason, refused.UserName));
        Assert.Equal("单位账号", refused.Role);
        Assert.True((await _app.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task A_forgotten_password_reset_is_audited_in_the_name_given_and_a_wrong_code_is_refused()
    {
        var person = await _registration.VerifiedPersonAsync();
        var last = await _app.LastIdAsync();
        var passwords = _app.As<PasswordService>(null);
        await passwords.SendResetCodeAsync(new PasswordResetRequest { LoginName = person.UserName });
        var code = _app.Sms.LastCode();
        await Assert.ThrowsAsync<ValidationFailedException>(() => passwords.ResetAsync(new PasswordReset
        {
            LoginName = person.UserName, SmsCode = code == "000000" ? "111111" : "000000", NewPassword = "Reset2468abc", ConfirmPassword = "Reset2468abc",
        }));
        await passwords.ResetAsync(new PasswordReset { LoginName = person.UserName, SmsCode = code, NewPassword = "Reset2468abc", ConfirmPassword = "Reset2468abc" });

        var events = await _app.EventsAfterAsync(last);
        Assert.Equal([(AuditEvent.PasswordReset, AuditResult.Refused, person.UserName), (AuditEvent.PasswordReset, AuditResult.Succeeded, person.UserName)],
            events.Select(AuditTrail.Summary));
        Assert.StartsWith("短信验证码不正确", events[0].Reason);
        // Nobody was signed in: the rows name the login name given (and the account, once known).
        Assert.Equal(("", person.UserName), (events[0].UserId, events[0].UserName));
        Assert.Equal((person.UserId, person.UserName), (events[1].UserId, events[1].UserName));
    }

    [Fact]
    public async Task The_administrator_disables_enables_unlocks_and_voids_passwords_and_every_call_is_audited()
    {
        var person = await _registration.VerifiedPersonAsync();
        await using (var db = _app.Db())
            await db.Users.Where(u => u.Id == person.UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, DateTimeOffset.UtcNow.AddHours(1)));
        var sessions = _app.Get<SessionService>();
        var token = await sessions.StartAsync(person.UserId, TimeSpan.FromHours(8));
        var last = await _app.LastIdAsync();
        var admin = _app.As<SystemAdministrationService>(_admin);

        await admin.UnlockAccountAsync(person.UserName);
        await admin.DisableAccountAsync(person.UserName);
        Assert.False(await sessions.IsActiveAsync(token, person.UserId));
        await admin.EnableAccountAsync(person.UserName);
        await admin.ForcePasswordResetAsync(person.UserName);
        // The administrator never acts on himself or on a system role; the auditor and a unit administer nothing.
        await Assert.ThrowsAsync<DomainException>(() => admin.DisableAccountAsync("sys_admin"));
        await Assert.ThrowsAsync<DomainException>(() => admin.DisableAccountAsync("sec_auditor"));
        await Assert.ThrowsAsync<ScopeException>(() => _app.As<SystemAdministrationService>(_auditor).DisableAccountAsync(person.UserName));
        await Assert.ThrowsAsync<ScopeException>(() => _app.As<SystemAdministrationService>(person).EnableAccountAsync(person.UserName));
        // Only the command line opens system accounts.
        await Assert.ThrowsAsync<ScopeException>(() => admin.CreateSystemAccountAsync(new SystemAccountForm
        {
            Role = SystemRole.Auditor, LoginName = "my_auditor", Password = "Admin2468abc", RealName = "自己人", Mobile = "13800000109",
        }));

        var events = await _app.EventsAfterAsync(last);
        Assert.Equal(
        [
            (AuditEvent.AccountUnlocked, AuditResult.Succeeded, person.UserName),
            (AuditEvent.AccountDisabled, AuditResult.Succeeded, person.UserName),
            (AuditEvent.AccountEnabled, AuditResult.Succeeded, person.UserName),
            (AuditEvent.PasswordResetForced, AuditResult.Succeeded, person.UserName),
            (AuditEvent.AccountDisabled, AuditResult.Refused, "sys_admin"),
            (AuditEvent.AccountDisabled, AuditResult.Refused, "sec_auditor"),
            (AuditEvent.AccountDisabled, AuditResult.Refused, person.UserName),
            (AuditEvent.AccountEnabled, AuditResult.Refused, person.UserName),
            (AuditEvent.SystemAccountCreated, AuditResult.Refused, "my_auditor"),
        ], events.Select(AuditTrail.Summary));
        Assert.All(events.Take(6), e => Assert.Equal(("sys_admin", "系统管理员"), (e.UserName, e.Role)));
        Assert.Equal(("sec_auditor", "安全审计员"), (events[6].UserName, events[6].Role));
        Assert.Equal("不能对自己的账号执行该操作", events[4].Reason);
        Assert.Contains("命令行", events[5].Reason);

        await using (var db = _app.Db())
        {
            var user = await db.Users.SingleAsync(u => u.Id == person.UserId);
            Assert.Equal((null, false), (user.PasswordHash, user.PasswordResetRequiredAt is null));
        }
        // 忘记密码 sets a new one and clears the administrator's reset.
        var passwords = _app.As<PasswordService>(null);
        await passwords.SendResetCodeAsync(new PasswordResetRequest { LoginName = person.UserName });
        await passwords.ResetAsync(new PasswordReset { LoginName = person.UserName, SmsCode = _app.Sms.LastCode(), NewPassword = "Again2468abc", ConfirmPassword = "Again2468abc" });
        await using (var db = _app.Db())
            Assert.Null(await db.Users.Where(u => u.Id == person.UserId).Select(u => u.PasswordResetRequiredAt).SingleAsync());
    }

    [Fact]
    public async Task The_command_line_opens_system_accounts_and_each_holds_one_role()
    {
        var last = await _app.LastIdAsync();
        var id = await _app.As<SystemAdministrationService>(CommandLine).CreateSystemAccountAsync(new SystemAccountForm
        {
            Role = SystemRole.Auditor, LoginName = "second_auditor", Password = "Admin2468abc", RealName = "钱审计", Mobile = "13800000110",
        });
        var created = Assert.Single(await _app.EventsAfterAsync(last));
        Assert.Equal((AuditEvent.SystemAccountCreated, AuditResult.Succeeded, "second_auditor", "系统管理员（命令行）"),
            (created.Event, created.Result, created.Target, created.UserName));
        Assert.Equal(SystemRole.Auditor, await _app.Get<SignInDirectory>().SystemRoleAsync(id));
        Assert.Empty(await _app.Get<SignInDirectory>().RolesForAsync(id));
        // A system account holds no unit power, not even a person's.
        await using var db = _app.Db();
        Assert.Equal(Power.None, await UnitPowers.OfAsync(db, new Actor(id, "second_auditor", 0, "")));
    }
}
