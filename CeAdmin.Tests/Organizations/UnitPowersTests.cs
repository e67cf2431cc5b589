using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Attachments;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Institutions;
using CeAdmin.Domain.Organizations;
using CeAdmin.Domain.Plans;
using CeAdmin.Domain.Records;
using CeAdmin.Domain.ReferenceData;
using CeAdmin.Domain.Statistics;
using CeAdmin.Domain.Teachers;
using CeAdmin.Tests.Accounts;
using CeAdmin.Tests.Attachments;
using CeAdmin.Tests.Infrastructure;
using CeAdmin.Tests.Plans;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Organizations;

/// <summary>
/// docs/powers.md, unit kind by unit kind, each with a unit freshly self-registered through 1.1's
/// services: what it may do before its application is approved, and that the HRSS department's
/// powers cannot be self-registered at all.
/// </summary>
public sealed class UnitPowersTests() : IntegrationTest(demo: true)
{
    private SelfRegistration _registration = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _registration = new SelfRegistration(App);
    }

    private async Task<Power> PowersAsync(Actor actor)
    {
        await using var db = App.Db();
        return await UnitPowers.OfAsync(db, actor);
    }

    private async Task<long> AnyRecordIdAsync()
    {
        await using var db = App.Db();
        return await db.CeRecords.Select(r => r.Id).FirstAsync();
    }

    private async Task<int> PendingCaseIdAsync()
    {
        await using var db = App.Db();
        return await db.ReviewCases.Where(c => c.Status == ReviewStatus.Submitted).Select(c => c.Id).FirstAsync();
    }

    /// <summary>What nobody but an approved authority or the HRSS department may do: see records, statistics, decide a review.</summary>
    private async Task AssertOverseesNothingAsync(Actor actor)
    {
        await Assert.ThrowsAsync<ScopeException>(async () => await App.As<CeRecordService>(actor).GetAsync(await AnyRecordIdAsync()));
        await Assert.ThrowsAsync<ScopeException>(() => App.As<StatisticsService>(actor).StartAsync());
        await Assert.ThrowsAsync<ScopeException>(async () => await App.As<ReviewService>(actor).DecideAsync(await PendingCaseIdAsync(), ReviewDecision.Approve, "同意"));
        await Assert.ThrowsAsync<ScopeException>(() => App.As<HoursRuleService>(actor).SaveAsync(new HoursRuleForm()));
    }

    [Fact]
    public async Task The_HRSS_kind_is_refused_by_self_registration_even_when_sent_to_the_service()
    {
        var person = await _registration.VerifiedPersonAsync();
        await using (var db = App.Db())
            Assert.Equal(1, await db.UnitAccounts.CountAsync(u => u.Kind == UnitKind.Hrss));
        string idNumber;
        await using (var db = App.Db()) idNumber = await db.Users.Where(u => u.Id == person.UserId).Select(u => u.IdNumber!).SingleAsync();
        var units = App.As<UnitAccountService>(null);
        var owner = await units.CheckOwnerAsync(new UnitOwnerForm { OwnerLoginName = person.UserName, OwnerIdNumber = idNumber });

        // Step 2 with 人社业务主管部门: refused at the field, no code sent.
        var hrss = SelfRegistration.Form("fake_hrss_unit", UnitKind.Hrss, "广东省人力资源和社会保障厅（冒充）", "440000", CeAdmin.Demo.DemoIds.Uscc("91440101000000123"));
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => units.SendRegistrationCodeAsync(owner, hrss));
        Assert.Equal("该单位类别不能自行注册：人社业务主管部门由系统管理员开设", Assert.Single(refused.Errors["Kind"]));
        Assert.DoesNotContain(App.Sms.Sent, s => s.Message.Contains("注册单位账号"));

        // A code obtained for an allowed kind does not carry the HRSS kind through step 3 either.
        var authority = SelfRegistration.Form(hrss.LoginName, UnitKind.Authority, hrss.UnitName, "440000", hrss.Code);
        await units.SendRegistrationCodeAsync(owner, authority);
        refused = await Assert.ThrowsAsync<ValidationFailedException>(() => units.CompleteRegistrationAsync(owner, hrss, App.Sms.LastCode()));
        Assert.Contains("Kind", refused.Errors.Keys);

        await using (var db = App.Db())
        {
            Assert.Equal(1, await db.UnitAccounts.CountAsync(u => u.Kind == UnitKind.Hrss));
            Assert.False(await db.UnitAccounts.AnyAsync(u => u.Name == hrss.UnitName));
        }
        // The kinds the form offers are exactly the ones the server accepts.
        Assert.Equal([UnitKind.Authority, UnitKind.Institution, UnitKind.Employer], UnitKinds.SelfRegistrable);
    }

    [Fact]
    public async Task A_fresh_authority_sees_only_its_application_until_it_is_approved()
    {
        var unit = await _registration.RegisterAsync(UnitKind.Authority, "广东省农业农村厅", "440000");
        var authority = unit.Operator;
        Assert.Equal(Power.ApplyForAuthorityRole, await PowersAsync(authority));
        await AssertOverseesNothingAsync(authority);
        await Assert.ThrowsAsync<ScopeException>(() => App.As<TeacherService>(authority).ListAsync(new TeacherFilter(), new PageRequest()));
        await Assert.ThrowsAsync<ScopeException>(() => App.As<AuthorityService>(authority).GetMineAsync());
        var course = await PlanTestData.CourseAsync(App, 2026);
        await Assert.ThrowsAnyAsync<DomainException>(() => App.As<PlanService>(authority).SaveAsync(null, PlanTestData.Form(course)));

        // Its 角色申请 is what it may do; submitted is not yet approved.
        var agriculture = ReferenceCatalog.Series.Single(s => s.Name == "农业技术人员").Id;
        var scenario = new AuthorityScenario(App);
        var authorityId = await scenario.ApplyAsync(authority, AffiliationLevel.Province, "440000", null, agriculture);
        Assert.Equal(Power.ApplyForAuthorityRole, await PowersAsync(authority));
        await Assert.ThrowsAsync<ScopeException>(() => App.As<StatisticsService>(authority).StartAsync());

        // Approved by the HRSS department: the powers of a province-level authority, at once.
        await App.As<ReviewService>(await App.DemoActorAsync("hrss_reviewer")).DecideAsync(await scenario.CaseIdAsync(authorityId), ReviewDecision.Approve, "同意");
        var powers = await PowersAsync(authority);
        foreach (var power in new[] { Power.AuthorityBusiness, Power.Supervise, Power.PublishCatalogs, Power.FilePlans, Power.ManageTeachers })
            Assert.True(powers.HasFlag(power), power.ToString());
        Assert.False(powers.HasFlag(Power.HrssBusiness));
        var start = await App.As<StatisticsService>(authority).StartAsync();
        Assert.Equal(agriculture, start.SeriesId);
    }

    [Fact]
    public async Task A_fresh_institution_files_no_plan_until_a_qualification_is_approved()
    {
        var unit = await _registration.RegisterAsync(UnitKind.Institution, "广东省专业技术人员继续教育研究院", "440000");
        var institution = unit.Operator;
        Assert.Equal(Power.InstitutionBusiness | Power.ManageTeachers, await PowersAsync(institution));
        await AssertOverseesNothingAsync(institution);
        await Assert.ThrowsAsync<ScopeException>(() => App.As<AuthorityApplicationService>(institution).GetMineAsync());

        var service = App.As<InstitutionService>(institution);
        await service.SaveMineAsync(new InstitutionForm
        {
            Name = "广东省专业技术人员继续教育研究院", Code = "91110000600037341L", Level = AffiliationLevel.Province, Nature = "事业单位", RegionCode = "440000",
            ParentAuthorityName = "广东省教育厅", LegalName = "周明", LegalPhone = "020-83331234", LegalEmail = "legal@example.cn",
            ContactName = "林芳", ContactPhone = "13800138000", ContactEmail = "contact@example.cn", Address = "广州市天河区中山大道西55号", Profile = "继续教育培训。",
        });
        var course = await PlanTestData.CourseAsync(App, 2026);
        var refused = await Assert.ThrowsAnyAsync<DomainException>(() => App.As<PlanService>(institution).SaveAsync(null, PlanTestData.Form(course)));
        Assert.Contains("专业培训资格", refused.Message);

        // A province-level institution's qualification is approved on submission: from then on it files plans.
        var qualificationId = await service.ApplyAsync(new QualificationForm { SeriesId = ReferenceCatalog.Series.Single(s => s.Name == "高等学校教师").Id, Overview = "高校教师培训", Industry = "教育" });
        await App.As<AttachmentService>(institution).UploadAsync(InstitutionService.OwnerType, qualificationId, "办学许可证", "办学许可证.png", SampleFiles.Png());
        await service.SubmitAsync(qualificationId);
        Assert.True((await PowersAsync(institution)).HasFlag(Power.FilePlans));
        Assert.True(await App.As<PlanService>(institution).SaveAsync(null, PlanTestData.Form(course)) > 0);
    }

    [Fact]
    public async Task A_fresh_employer_files_plans_for_review_and_oversees_nothing()
    {
        var unit = await _registration.RegisterAsync(UnitKind.Employer, "广州天河智能制造有限公司", "440106");
        var employer = unit.Operator;
        Assert.Equal(Power.FilePlans | Power.ManageTeachers, await PowersAsync(employer));
        await AssertOverseesNothingAsync(employer);
        await Assert.ThrowsAsync<ScopeException>(() => App.As<InstitutionService>(employer).GetMineAsync());

        // Its plan is filed, and waits for the authority of its region and series.
        var planId = await App.As<PlanService>(employer).SaveAsync(null, PlanTestData.Form(await PlanTestData.CourseAsync(App, 2026)));
        var plan = await App.As<PlanService>(employer).GetAsync(planId);
        Assert.Equal(("广州市天河区教育局", ReviewStatus.Draft), (plan.ReviewingUnitName, plan.Status));
    }

    [Fact]
    public async Task A_unit_login_manages_its_operators_and_a_person_without_a_unit_only_their_account()
    {
        var unit = await _registration.RegisterAsync(UnitKind.Authority, "广州市白云区教育局", "440111");
        Assert.Equal(Power.ManageOperators, await PowersAsync(unit.UnitLogin));
        await AssertOverseesNothingAsync(unit.UnitLogin);
        await Assert.ThrowsAsync<ScopeException>(() => App.As<AuthorityApplicationService>(unit.UnitLogin).GetMineAsync());
        Assert.Single(await App.As<UnitAccountService>(unit.UnitLogin).OperatorsAsync());

        var person = await _registration.VerifiedPersonAsync();
        Assert.Equal(Power.PersonalAccount, await PowersAsync(person));
        await AssertOverseesNothingAsync(person);
        await Assert.ThrowsAsync<ScopeException>(() => App.As<UnitAccountService>(person).OperatorsAsync());
        await Assert.ThrowsAsync<ScopeException>(() => App.As<PlanService>(person).MyPlansAsync(new PlanFilter(), new PageRequest()));
    }
}
