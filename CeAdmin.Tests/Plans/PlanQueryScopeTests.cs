using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Organizations;
using CeAdmin.Domain.Plans;
using CeAdmin.Tests.Organizations;

namespace CeAdmin.Tests.Plans;

/// <summary>
/// 1.7.2 专业课计划查询 and 1.7.3 施教机构培训班查询 on rows these tests make: a city-level and a province-level
/// institution in 高等学校教师, plans approved and pending, the city authority's own plan, and authorities
/// of another city and of the county below.
/// </summary>
public sealed class PlanQueryScopeTests : ApprovedChainTest
{
    private const string CityInstitution = "广州市乙职业培训学院";
    private const string ProvinceInstitution = "广东省甲师范大学继续教育学院";
    private static readonly PageRequest All = new(PageSize: 100);

    private Actor _county = null!;
    private Actor _otherCity = null!;
    private Actor _cityInstitution = null!;
    private Actor _provinceInstitution = null!;
    private int _approvedPlanId;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _county = await Scenario.UnitAsync("广州市天河区教育局", UnitKind.Authority, "440106");
        await Scenario.ApprovedAuthorityAsync(_county, Chain.City, AffiliationLevel.County, "440106", Chain.CityId);
        _otherCity = await Scenario.UnitAsync("佛山市教育局", UnitKind.Authority, "440600");
        await Scenario.ApprovedAuthorityAsync(_otherCity, Chain.Province, AffiliationLevel.City, "440600", Chain.ProvinceId);

        var (_, courses) = await PlanTestData.PublishedCoursesAsync(App, Chain.Province, "高校教师师德师风建设", "高校辅导员职业能力提升");
        (_cityInstitution, _, _) = await PlanTestData.QualifiedInstitutionAsync(App, Scenario, CityInstitution, AffiliationLevel.City, "440100", Chain.City);
        (_provinceInstitution, _, _) = await PlanTestData.QualifiedInstitutionAsync(App, Scenario, ProvinceInstitution, AffiliationLevel.Province, "440000", null);

        int caseId;
        (_approvedPlanId, caseId) = await PlanTestData.SubmittedPlanAsync(App, _cityInstitution, courses["高校辅导员职业能力提升"], "2026年广州地区高校辅导员职业能力提升培训");
        await App.As<ReviewService>(Chain.City).DecideAsync(caseId, ReviewDecision.Approve, null);
        await PlanTestData.SubmittedPlanAsync(App, _cityInstitution, courses["高校教师师德师风建设"], "2026年待审核的师德师风培训");
        (_, caseId) = await PlanTestData.SubmittedPlanAsync(App, _provinceInstitution, courses["高校教师师德师风建设"], "2026年全省高校教师师德师风建设专题培训");
        await App.As<ReviewService>(Chain.Province).DecideAsync(caseId, ReviewDecision.Approve, null);
        // The city's own plan goes to the HRSS department and stays pending there.
        await PlanTestData.SubmittedPlanAsync(App, Chain.City, courses["高校教师师德师风建设"], "2026年广州市高校教师师德师风建设培训");
    }

    private PlanQueryService Queries(Actor actor) => App.As<PlanQueryService>(actor);

    [Fact]
    public async Task Plan_query_shows_the_plans_this_authority_approved_or_filed()
    {
        var city = await Queries(Chain.City).PlansAsync(new PlanFilter(), All);
        Assert.Equal(["2026年广州地区高校辅导员职业能力提升培训", "2026年广州市高校教师师德师风建设培训"], city.Items.Select(p => p.Name).Order(StringComparer.Ordinal));

        var filtered = await Queries(Chain.City).PlansAsync(new PlanFilter(CourseName: "辅导员", Year: 2026), All);
        Assert.Equal("高校辅导员职业能力提升", Assert.Single(filtered.Items).CourseName);
        Assert.Empty((await Queries(Chain.City).PlansAsync(new PlanFilter(Year: 2018), All)).Items);
        Assert.Empty((await Queries(_otherCity).PlansAsync(new PlanFilter(), All)).Items);
        Assert.Equal("2026年全省高校教师师德师风建设专题培训", Assert.Single((await Queries(Chain.Province).PlansAsync(new PlanFilter(), All)).Items).Name);
        await Assert.ThrowsAsync<ScopeException>(() => Queries(_cityInstitution).PlansAsync(new PlanFilter(), All));
    }

    [Fact]
    public async Task Class_query_shows_approved_institution_classes_of_the_callers_region_and_series_only()
    {
        var city = (await Queries(Chain.City).ClassesAsync(new ClassFilter(), All)).Items;
        Assert.Equal((CityInstitution, "2026年广州地区高校辅导员职业能力提升培训"), (Assert.Single(city).OwnerName, city[0].PlanName));

        var province = (await Queries(Chain.Province).ClassesAsync(new ClassFilter(), All)).Items;
        Assert.Equal([ProvinceInstitution, CityInstitution], province.Select(c => c.OwnerName).Order(StringComparer.Ordinal));
        Assert.Equal(ProvinceInstitution, Assert.Single((await Queries(Chain.Province).ClassesAsync(new ClassFilter(InstitutionName: "师范大学"), All)).Items).OwnerName);
        Assert.Empty((await Queries(Chain.Province).ClassesAsync(new ClassFilter(ClassName: "没有这个班"), All)).Items);

        // A county sees no city-level institution's classes, another city none of Guangzhou's; by id neither.
        Assert.Empty((await Queries(_county).ClassesAsync(new ClassFilter(), All)).Items);
        Assert.Empty((await Queries(_otherCity).ClassesAsync(new ClassFilter(), All)).Items);
        foreach (var other in new[] { _county, _otherCity, _provinceInstitution })
            await Assert.ThrowsAsync<ScopeException>(() => App.As<ClassService>(other).GetAsync(_approvedPlanId, city[0].Id));
        var detail = await App.As<ClassService>(Chain.City).GetAsync(_approvedPlanId, city[0].Id);
        Assert.Equal((false, 1), (detail.Editable, detail.Instructors.Count));
        Assert.Contains("**********", detail.HeadTeacherIdNumber);
    }
}
