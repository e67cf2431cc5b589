using CeAdmin.App.Features.Administration;
using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Administration;
using CeAdmin.Domain.Audit;
using CeAdmin.Domain.Common;
using CeAdmin.Demo;
using CeAdmin.Domain.Organizations;
using CeAdmin.Tests.Accounts;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Administration;

/// <summary>
/// The HRSS department is opened by the system administrator only (today the command line of
/// docs/deploy.md), and the administrator disables accounts; both through SystemAdministrationService.
/// </summary>
public sealed class SystemAdministrationTests : IntegrationTest
{
    private static readonly Actor Administrator = Actor.Console("测试管理员");
    private SelfRegistration _registration = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _registration = new SelfRegistration(App);
    }

    private static HrssDepartmentForm Form(string operatorLogin, string login = "gdhrss_unit") => new()
    {
        Code = DemoIds.Uscc("11440000006954321"), LoginName = login, Password = "Hrss2468abc", OperatorLoginName = operatorLogin,
    };

    [Fact]
    public async Task Only_the_administrator_opens_the_HRSS_department_and_only_once()
    {
        var person = await _registration.VerifiedPersonAsync();
        var unit = await _registration.RegisterAsync(UnitKind.Authority, "广东省人力资源和社会保障厅（自称）", "440000");
        foreach (var caller in new Actor?[] { null, person, unit.Operator, unit.UnitLogin })
            await Assert.ThrowsAnyAsync<DomainException>(() => App.As<SystemAdministrationService>(caller).CreateHrssDepartmentAsync(Form(person.UserName)));

        var unitId = await App.As<SystemAdministrationService>(Administrator).CreateHrssDepartmentAsync(Form(person.UserName));
        await using (var db = App.Db())
        {
            var hrss = await db.UnitAccounts.Include(u => u.Operators).SingleAsync(u => u.Id == unitId);
            Assert.Equal((UnitKind.Hrss, "广东省人力资源和社会保障厅", "440000", person.UserId), (hrss.Kind, hrss.Name, hrss.RegionCode, hrss.OwnerUserId));
            Assert.True(await db.Users.AnyAsync(u => u.Id == hrss.LoginUserId && u.UserName == "gdhrss_unit" && u.Kind == AccountKind.Unit && u.UnitAccountId == unitId));
            var audit = await db.AuditEntries.Where(a => a.Entity == "UnitAccount" && a.EntityKey == unitId.ToString())
                .Select(a => new { a.UserName, a.Event, a.Role }).ToListAsync();
            // The change itself and the administrator's event, both in the administrator's name.
            Assert.Equal([AuditEvent.DataWrite, AuditEvent.UnitCreated], audit.Select(a => a.Event).Order());
            Assert.All(audit, a => Assert.Equal(("测试管理员", "系统管理员"), (a.UserName, a.Role)));
        }

        // The person named enters the department's role at once, with its powers.
        var role = Assert.Single(await App.Get<SignInDirectory>().RolesForAsync(person.UserId));
        Assert.Equal((unitId, UnitKind.Hrss), (role.UnitId, role.Kind));
        await using (var db = App.Db())
            Assert.Equal(Power.Supervise | Power.HrssBusiness, await UnitPowers.OfAsync(db, person with { UnitId = unitId, UnitName = role.UnitName, UnitKind = UnitKind.Hrss }));

        var second = await Assert.ThrowsAsync<DomainException>(() => App.As<SystemAdministrationService>(Administrator).CreateHrssDepartmentAsync(Form(person.UserName, "another_unit")));
        Assert.Contains("已开设", second.Message);
    }

    [Fact]
    public async Task The_department_needs_a_verified_operator_and_a_valid_form()
    {
        var admin = App.As<SystemAdministrationService>(Administrator);
        var unknown = await Assert.ThrowsAsync<ValidationFailedException>(() => admin.CreateHrssDepartmentAsync(Form("nobody_here")));
        Assert.Contains("OperatorLoginName", unknown.Errors.Keys);

        var userId = await App.As<PersonalAccountService>(null).RegisterAsync(new PersonalRegistration { LoginName = "not_verified", Password = "Hrss2468abc", ConfirmPassword = "Hrss2468abc", Mobile = "13912340000" });
        var unverified = await Assert.ThrowsAsync<ValidationFailedException>(() => admin.CreateHrssDepartmentAsync(Form("not_verified")));
        Assert.Contains("实名认证", unverified.Errors["OperatorLoginName"][0]);

        var bad = await Assert.ThrowsAsync<ValidationFailedException>(() => admin.CreateHrssDepartmentAsync(new HrssDepartmentForm { Code = "123", LoginName = "x", Password = "1", OperatorLoginName = "not_verified" }));
        Assert.Equal(["Code", "LoginName", "Password"], bad.Errors.Keys.Order().ToArray());
        await using var db = App.Db();
        Assert.False(await db.UnitAccounts.AnyAsync(u => u.Kind == UnitKind.Hrss));
        Assert.NotNull(userId);
    }

    [Fact]
    public async Task The_command_line_opens_the_department_with_the_password_from_standard_input()
    {
        var person = await _registration.VerifiedPersonAsync();
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await AdminCommand.RunAsync(
            [AdminCommand.Verb, "create-hrss", "--code", DemoIds.Uscc("11440000006954321"), "--login", "gdhrss_unit", "--operator", person.UserName,
             $"--Database:Provider={App.Database.Provider}", $"--Database:ConnectionString={App.Database.ConnectionString}", "--Logging:LogLevel:Default=Warning"],
            new StringReader("Hrss2468abc\n"), output, error);
        Assert.True(code == 0, error.ToString());
        Assert.Contains("已开设人社业务主管部门", output.ToString());
        await using var db = App.Db();
        var hrss = await db.UnitAccounts.SingleAsync(u => u.Kind == UnitKind.Hrss);
        Assert.Equal(person.UserId, hrss.OwnerUserId);

        // Wrong usage and refusals answer with their own exit codes.
        Assert.Equal(2, await AdminCommand.RunAsync([AdminCommand.Verb, "make-me-hrss"], TextReader.Null, output, error));
        Assert.Equal(1, await AdminCommand.RunAsync(
            [AdminCommand.Verb, "create-hrss", "--code", DemoIds.Uscc("11440000006954322"), "--login", "second_unit", "--operator", person.UserName,
             $"--Database:Provider={App.Database.Provider}", $"--Database:ConnectionString={App.Database.ConnectionString}", "--Logging:LogLevel:Default=Warning"],
            new StringReader("Hrss2468abc\n"), output, error));
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_sessions_and_enabling_lets_it_back()
    {
        var person = await _registration.VerifiedPersonAsync();
        var sessions = App.Get<SessionService>();
        var first = await sessions.StartAsync(person.UserId, TimeSpan.FromHours(8));
        var second = await sessions.StartAsync(person.UserId, TimeSpan.FromHours(8));
        string stamp;
        await using (var db = App.Db()) stamp = (await db.Users.SingleAsync(u => u.Id == person.UserId)).SecurityStamp!;

        await Assert.ThrowsAsync<ScopeException>(() => App.As<SystemAdministrationService>(person).DisableAccountAsync(person.UserName));
        await App.As<SystemAdministrationService>(Administrator).DisableAccountAsync(person.UserName);
        Assert.False(await sessions.IsActiveAsync(first, person.UserId));
        Assert.False(await sessions.IsActiveAsync(second, person.UserId));
        await using (var db = App.Db())
        {
            var user = await db.Users.SingleAsync(u => u.Id == person.UserId);
            Assert.True(user.IsDisabled);
            Assert.NotEqual(stamp, user.SecurityStamp);
            Assert.All(await db.SignInSessions.Where(s => s.UserId == person.UserId).ToListAsync(), s => Assert.Equal(SessionEndReason.AccountDisabled, s.EndReason));
        }

        await App.As<SystemAdministrationService>(Administrator).EnableAccountAsync(person.UserName);
        await using (var db = App.Db()) Assert.False((await db.Users.SingleAsync(u => u.Id == person.UserId)).IsDisabled);
        await Assert.ThrowsAsync<DomainException>(() => App.As<SystemAdministrationService>(Administrator).DisableAccountAsync("no_such_login"));
    }
}
