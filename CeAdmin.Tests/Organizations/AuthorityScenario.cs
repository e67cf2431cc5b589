using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Administration;
using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Attachments;
using CeAdmin.Domain.Common;
using CeAdmin.Demo;
using CeAdmin.Domain.Organizations;
using CeAdmin.Tests.Attachments;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Organizations;

/// <summary>
/// Units with an authorised operator, and role applications made through the real services, for
/// the integration tests of the hierarchy (province → city → county) and the review workflow.
/// </summary>
public sealed class AuthorityScenario(TestApp app)
{
    public const int HigherEducation = 1;   // 高等学校教师
    public const int Engineering = 5;       // 工程技术人员

    private static int _sequence;

    /// <summary>A unit account of <paramref name="kind"/> in <paramref name="regionCode"/> and the actor of its operator.</summary>
    public async Task<Actor> UnitAsync(string name, UnitKind kind, string regionCode)
    {
        var n = Interlocked.Increment(ref _sequence);
        var person = PersonalAccountService.NewUser($"operator_{n}", AccountKind.Personal, app.Clock);
        person.RealName = "经办人" + n;
        person.PhoneNumber = $"1390000{n:D4}";
        var now = app.Clock.GetUtcNow().UtcDateTime;
        if (kind == UnitKind.Hrss) return await HrssDepartmentAsync(name, person, n);
        var unit = new UnitAccount
        {
            Name = name, Kind = kind, CodeType = UnitCodeType.Uscc, Code = DemoIds.Uscc($"1144{n:D13}"),
            RegionCode = regionCode, OwnerUserId = person.Id, LoginUserId = Guid.NewGuid().ToString("N"),
            Status = UnitAccountStatus.Active, CreatedAt = now,
        };
        unit.Operators.Add(new UnitOperator { UserId = person.Id, Status = OperatorStatus.Accepted, Authorised = true, InvitedAt = now });
        await using var db = app.Db();
        db.Users.Add(person);
        db.UnitAccounts.Add(unit);
        await db.SaveChangesAsync();
        return new Actor(person.Id, person.UserName!, unit.Id, unit.Name, kind);
    }

    /// <summary>The HRSS department is never self-registered: the system administrator opens it, with <paramref name="person"/> as its operator.</summary>
    private async Task<Actor> HrssDepartmentAsync(string name, AppUser person, int n)
    {
        person.IdNumber = DemoIds.IdNumber("440104", new DateOnly(1980, 1, 1).AddDays(n), n % 1000);
        person.VerificationLevel = VerificationLevel.Level2;
        await using (var db = app.Db())
        {
            db.Users.Add(person);
            await db.SaveChangesAsync();
        }
        var unitId = await app.As<SystemAdministrationService>(Actor.Console("测试管理员")).CreateHrssDepartmentAsync(new HrssDepartmentForm
        {
            UnitName = name, Code = DemoIds.Uscc($"1144{n:D13}"), LoginName = $"hrss_{n}_unit", Password = "Gdce2468a", OperatorLoginName = person.UserName!,
        });
        return new Actor(person.Id, person.UserName!, unitId, name, UnitKind.Hrss);
    }

    /// <summary>A complete, valid application form of <paramref name="unit"/>.</summary>
    public static AuthorityApplicationForm Form(Actor unit, AffiliationLevel level, string regionCode, int? parentId, int seriesId = HigherEducation) => new()
    {
        Name = unit.UnitName,
        Code = DemoIds.Uscc($"1244{unit.UnitId:D13}"),
        Nature = "机关",
        Level = level,
        SeriesId = seriesId,
        CityCode = level == AffiliationLevel.Province ? null : regionCode[..4] + "00",
        CountyCode = level == AffiliationLevel.County ? regionCode : null,
        ParentAuthorityId = parentId,
        ContactName = "李文华",
        OfficePhone = "020-83333333",
        Mobile = "13800138000",
        Email = "contact@example.gov.cn",
        PostalCode = "510000",
        Address = "广州市越秀区府前路1号",
        Functions = "负责本行业专业技术人员继续教育的组织实施与监督管理。",
    };

    /// <summary>保存, upload the 统一社会信用代码证, 送审; returns the authority's id.</summary>
    public async Task<int> ApplyAsync(Actor applicant, AffiliationLevel level, string regionCode, int? parentId, int seriesId = HigherEducation)
    {
        var authorityId = await app.As<AuthorityApplicationService>(applicant).SaveAsync(Form(applicant, level, regionCode, parentId, seriesId));
        await AttachMaterialAsync(applicant, authorityId);
        await app.As<AuthorityApplicationService>(applicant).SubmitAsync();
        return authorityId;
    }

    public Task<int> AttachMaterialAsync(Actor applicant, int authorityId) =>
        app.As<AttachmentService>(applicant).UploadAsync(
            AuthorityApplication.AttachmentOwnerType, authorityId, AuthorityApplication.RequiredMaterial, "统一社会信用代码证.png", SampleFiles.Png());

    public async Task<int> CaseIdAsync(int authorityId)
    {
        await using var db = app.Db();
        return await db.ReviewCases
            .Where(c => c.Kind == ReviewKind.AuthorityApplication && c.SubjectId == authorityId)
            .Select(c => c.Id)
            .SingleAsync();
    }

    public async Task<ReviewCase> CaseAsync(int caseId)
    {
        await using var db = app.Db();
        return await db.ReviewCases.AsNoTracking().Include(c => c.History).SingleAsync(c => c.Id == caseId);
    }

    public async Task<int> ApprovedAuthorityAsync(Actor applicant, Actor reviewer, AffiliationLevel level, string regionCode, int? parentId, int seriesId = HigherEducation)
    {
        var authorityId = await ApplyAsync(applicant, level, regionCode, parentId, seriesId);
        await app.As<ReviewService>(reviewer).DecideAsync(await CaseIdAsync(authorityId), ReviewDecision.Approve, "同意");
        return authorityId;
    }

    /// <summary>HRSS → 广东省教育厅 → 广州市教育局, approved, in 高等学校教师.</summary>
    public async Task<ApprovedChain> ProvinceAndCityAsync()
    {
        var hrss = await UnitAsync("广东省人力资源和社会保障厅", UnitKind.Hrss, "440000");
        var province = await UnitAsync("广东省教育厅", UnitKind.Authority, "440000");
        var provinceId = await ApprovedAuthorityAsync(province, hrss, AffiliationLevel.Province, "440000", null);
        var city = await UnitAsync("广州市教育局", UnitKind.Authority, "440100");
        var cityId = await ApprovedAuthorityAsync(city, province, AffiliationLevel.City, "440100", provinceId);
        return new ApprovedChain(hrss, province, provinceId, city, cityId);
    }
}

/// <summary>The reviewers and authorities <see cref="AuthorityScenario.ProvinceAndCityAsync"/> made.</summary>
public sealed record ApprovedChain(Actor Hrss, Actor Province, int ProvinceId, Actor City, int CityId);

/// <summary>A fresh database per test that starts from the approved 广东省教育厅 → 广州市教育局 chain.</summary>
public abstract class ApprovedChainTest : IntegrationTest
{
    protected AuthorityScenario Scenario { get; private set; } = null!;
    protected ApprovedChain Chain { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Scenario = new AuthorityScenario(App);
        Chain = await Scenario.ProvinceAndCityAsync();
    }
}
