using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Administration;
using CeAdmin.Domain.Audit;
using CeAdmin.Domain.Common;
using CeAdmin.Demo;
using CeAdmin.Domain.Organizations;
using CeAdmin.Tests.Accounts;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Audit;

/// <summary>
/// 单位管理 and 运行参数 by the signed-in 系统管理员: opening the HRSS department, correcting a unit kind (only
/// before the unit has business of its kind), disabling a unit (its roles end), changing a setting (applied at
/// once, range-checked) — each audited with its result, and refused to anyone else.
/// </summary>
[Trait("Category", "Integration")]
public sealed class UnitAdministrationTests : IAsyncLifetime
{
    private static readonly Actor Admin = new("admin-user", "sys_admin", 0, "", IsSystemAdministrator: true);
    private static readonly Actor Auditor = new("auditor-user", "sec_auditor", 0, "", IsSecurityAuditor: true);
    private TestApp _app = null!;
    private SelfRegistration _registration = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.CreateAsync();
        _registration = new SelfRegistration(_app);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_HRSS_department_is_opened_once_and_both_attempts_are_audited()
    {
        var person = await _registration.VerifiedPersonAsync();
        var last = await _app.LastIdAsync();
        var form = new HrssDepartmentForm { Code = DemoIds.Uscc("11440000006954321"), LoginName = "gdhrss_unit", Password = "Hrss2468abc", OperatorLoginName = person.UserName };
        var unitId = await _app.As<SystemAdministrationService>(Admin).CreateHrssDepartmentAsync(form);
        await Assert.ThrowsAsync<DomainException>(() => _app.As<SystemAdministrationService>(Admin).CreateHrssDepartmentAsync(form));
        await Assert.ThrowsAsync<ScopeException>(() => _app.As<SystemAdministrationService>(Auditor).CreateHrssDepartmentAsync(form));

        var events = await _app.EventsAfterAsync(last);
        Assert.Equal([AuditResult.Succeeded, AuditResult.Refused, AuditResult.Refused], events.Select(e => e.Result));
        Assert.All(events, e => Assert.Equal((AuditEvent.UnitCreated, "广东省人力资源和社会保障厅"), (e.Event, e.Target)));
        Assert.Equal(unitId.ToString(), events[0].EntityKey);
        Assert.StartsWith("人社业务主管部门已开设", events[1].Reason);
        Assert.Equal(("sec_auditor", "安全审计员"), (events[2].UserName, events[2].Role));
    }

    [Fact]
    public async Task A_unit_kind_is_corrected_only_before_the_unit_has_business_of_its_kind()
    {
        var employer = await _registration.RegisterAsync(UnitKind.Employer, "广州登记有误职业培训学校", "440106");
        var busy = await _registration.RegisterAsync(UnitKind.Employer, "广州已有师资科技有限公司", "440106");
        await _app.As<CeAdmin.Domain.Teachers.TeacherService>(busy.Operator).CreateAsync(new CeAdmin.Domain.Teachers.TeacherForm
        {
            Name = "王老师", Gender = Gender.Male, IdNumber = DemoIds.IdNumber("440106", new DateOnly(1970, 1, 2), 17), Title = "高级工程师", Phone = "13900001111",
            Email = "wang@example.com", Courses = "智能制造", Profile = "从事智能制造教学二十年",
        });
        var sessions = _app.Get<SessionService>();
        var token = await sessions.StartAsync(employer.Person.UserId, TimeSpan.FromHours(8));
        var last = await _app.LastIdAsync();
        var units = _app.As<UnitAdministrationService>(Admin);

        await units.CorrectKindAsync(employer.UnitId, UnitKind.Institution);
        var refused = await Assert.ThrowsAsync<DomainException>(() => units.CorrectKindAsync(busy.UnitId, UnitKind.Institution));
        Assert.Contains("师资信息", refused.Message);
        await Assert.ThrowsAsync<DomainException>(() => units.CorrectKindAsync(employer.UnitId, UnitKind.Hrss));
        await Assert.ThrowsAsync<ScopeException>(() => _app.As<UnitAdministrationService>(employer.Operator).CorrectKindAsync(employer.UnitId, UnitKind.Employer));

        // The operator's cookie named the old kind: his sessions ended, and the role he may enter is the new kind.
        Assert.False(await sessions.IsActiveAsync(token, employer.Person.UserId));
        Assert.Equal(UnitKind.Institution, Assert.Single(await _app.Get<SignInDirectory>().RolesForAsync(employer.Person.UserId)).Kind);
        var events = await _app.EventsAfterAsync(last);
        Assert.Equal([AuditResult.Succeeded, AuditResult.Refused, AuditResult.Refused, AuditResult.Refused], events.Select(e => e.Result));
        Assert.All(events, e => Assert.Equal(AuditEvent.UnitKindCorrected, e.Event));
        Assert.Contains("Institution", events[0].Changes);
        Assert.Equal(UnitKinds.NotSelfRegistrableMessage, events[2].Reason);
    }

    [Fact]
    public async Task A_disabled_unit_cannot_be_entered_and_enabling_it_restores_the_roles()
    {
        var unit = await _registration.RegisterAsync(UnitKind.Institution, "广州停用测试培训中心", "440106");
        var last = await _app.LastIdAsync();
        var units = _app.As<UnitAdministrationService>(Admin);
        var directory = _app.Get<SignInDirectory>();

        await units.DisableAsync(unit.UnitId);
        Assert.Empty(await directory.RolesForAsync(unit.Person.UserId));
        Assert.Null(await directory.UnitLoginAsync(unit.UnitLogin.UserId));
        await Assert.ThrowsAsync<DomainException>(() => units.DisableAsync(unit.UnitId));
        await units.EnableAsync(unit.UnitId);
        Assert.Single(await directory.RolesForAsync(unit.Person.UserId));

        var page = await units.SearchAsync(new UnitFilter("停用测试"), new PageRequest());
        Assert.Equal(UnitAccountStatus.Active, Assert.Single(page.Items).Status);
        Assert.Equal(
        [
            (AuditEvent.UnitDisabled, AuditResult.Succeeded, "广州停用测试培训中心"),
            (AuditEvent.UnitDisabled, AuditResult.Refused, $"UnitAccount#{unit.UnitId}"),
            (AuditEvent.UnitEnabled, AuditResult.Succeeded, "广州停用测试培训中心"),
        ], (await _app.EventsAfterAsync(last)).Select(AuditTrail.Summary));
    }

    [Fact]
    public async Task A_setting_changes_within_its_range_at_once_and_every_attempt_is_audited()
    {
        var settings = _app.Get<RuntimeSettings>();
        var service = _app.As<RuntimeSettingsService>(Admin);
        var last = await _app.LastIdAsync();

        await service.ChangeAsync(RuntimeSettings.AuditRetentionDays, 365);
        Assert.Equal(365, settings[RuntimeSettings.AuditRetentionDays]);
        Assert.True(settings.IsOverridden(RuntimeSettings.AuditRetentionDays));
        // MLPS: never fewer than 180 days.
        var tooShort = await Assert.ThrowsAsync<ValidationFailedException>(() => service.ChangeAsync(RuntimeSettings.AuditRetentionDays, 90));
        Assert.Contains("180", tooShort.Message);
        await Assert.ThrowsAsync<ScopeException>(() => _app.As<RuntimeSettingsService>(Auditor).ChangeAsync(RuntimeSettings.MaxFailedSignIns, 3));
        Assert.Equal(365, settings[RuntimeSettings.AuditRetentionDays]);

        var row = Assert.Single(await service.ListAsync(), r => r.Definition.Key == RuntimeSettings.AuditRetentionDays);
        Assert.Equal((365, 180, "sys_admin"), (row.Value, row.Default, row.UpdatedBy));
        var events = await _app.EventsAfterAsync(last);
        Assert.Equal([AuditResult.Succeeded, AuditResult.Refused, AuditResult.Refused], events.Select(e => e.Result));
        Assert.All(events, e => Assert.Equal(AuditEvent.SettingChanged, e.Event));
        Assert.Contains("\"Old\":180", events[0].Changes);
        Assert.Contains("\"New\":365", events[0].Changes);
    }
}
