using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Attachments;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Organizations;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Organizations;

/// <summary>1.2.1 on a real database: the province → city → county chain, 退案 → edit → resubmit, 结案, the rules of 送审.</summary>
public sealed class AuthorityApplicationTests : IntegrationTest
{
    private AuthorityScenario _scenario = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _scenario = new AuthorityScenario(App);
    }

    [Fact]
    public async Task Province_city_county_chain_each_level_reviewed_by_the_one_above()
    {
        var hrss = await _scenario.UnitAsync("广东省人力资源和社会保障厅", UnitKind.Hrss, "440000");
        var province = await _scenario.UnitAsync("广东省教育厅", UnitKind.Authority, "440000");
        var city = await _scenario.UnitAsync("广州市教育局", UnitKind.Authority, "440100");
        var county = await _scenario.UnitAsync("广州市天河区教育局", UnitKind.Authority, "440106");

        // A city cannot apply before its province-level parent has the role.
        var cityService = App.As<AuthorityApplicationService>(city);
        Assert.Empty(await cityService.ParentOptionsAsync(AffiliationLevel.City, "440100", AuthorityScenario.HigherEducation));
        var early = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            cityService.SaveAsync(AuthorityScenario.Form(city, AffiliationLevel.City, "440100", parentId: 999)));
        Assert.Equal("上一级行业主管部门尚未在本系统注册申请角色，请联系上一级行业主管部门先完成角色申请（省级→市级→区县）", early.Errors[nameof(AuthorityApplicationForm.ParentAuthorityId)][0]);

        // Province level goes to the HRSS department; only it may decide.
        var provinceId = await _scenario.ApplyAsync(province, AffiliationLevel.Province, "440000", null);
        var provinceCase = await _scenario.CaseAsync(await _scenario.CaseIdAsync(provinceId));
        Assert.Equal((hrss.UnitId, "省级行业主管单位信息审核,人社业务主管部门", ReviewStatus.Submitted),
            (provinceCase.ReviewingUnitId, provinceCase.Step, provinceCase.Status));
        await App.As<ReviewService>(hrss).DecideAsync(provinceCase.Id, ReviewDecision.Approve, null);
        Assert.NotNull((await App.As<AuthorityService>(province).GetMineAsync()).Detail);

        // Now the city sees the province as its parent and applies to it.
        var parent = Assert.Single(await cityService.ParentOptionsAsync(AffiliationLevel.City, "440100", AuthorityScenario.HigherEducation));
        Assert.Equal((provinceId, "广东省教育厅"), (parent.Id, parent.Name));
        Assert.Empty(await cityService.ParentOptionsAsync(AffiliationLevel.City, "440100", AuthorityScenario.Engineering));
        var cityId = await _scenario.ApplyAsync(city, AffiliationLevel.City, "440100", provinceId);
        var cityCaseId = await _scenario.CaseIdAsync(cityId);
        await Assert.ThrowsAsync<ScopeException>(() => App.As<ReviewService>(hrss).DecideAsync(cityCaseId, ReviewDecision.Approve, null));
        await App.As<ReviewService>(province).DecideAsync(cityCaseId, ReviewDecision.Approve, "同意");

        // The county picks the city, which alone reviews it; approval grants the county its scope.
        var countyService = App.As<AuthorityApplicationService>(county);
        Assert.Equal([cityId], (await countyService.ParentOptionsAsync(AffiliationLevel.County, "440106", AuthorityScenario.HigherEducation)).Select(p => p.Id));
        var countyId = await _scenario.ApplyAsync(county, AffiliationLevel.County, "440106", cityId);
        var countyCaseId = await _scenario.CaseIdAsync(countyId);
        await Assert.ThrowsAsync<ScopeException>(() => App.As<ReviewService>(province).DecideAsync(countyCaseId, ReviewDecision.Approve, null));
        await Assert.ThrowsAsync<ScopeException>(() => App.As<AuthorityService>(county).GetMineAsync());
        await App.As<ReviewService>(city).DecideAsync(countyCaseId, ReviewDecision.Approve, "材料齐全，同意");

        var mine = await App.As<AuthorityService>(county).GetMineAsync();
        Assert.Equal(("广州市天河区教育局", "广州市天河区", "广州市教育局", true),
            (mine.Detail.Name, mine.Detail.RegionName, mine.Detail.ReviewingOrgName, mine.Detail.IsApproved));
        var history = await App.As<ReviewService>(county).HistoryAsync(countyCaseId);
        Assert.Equal(["提交送审", "同意"], history.Select(h => h.Result));
        Assert.Equal(["行业主管角色申请", "市(县、区)行业主管单位信息审核"], history.Select(h => h.BusinessStep));
        Assert.Equal("材料齐全，同意", history[1].Opinion);
        Assert.Equal("广州市教育局", history[1].OperatorUnit);
    }

    [Fact]
    public async Task Returned_application_is_edited_and_submitted_again()
    {
        var (_, _, _, city, cityId) = await _scenario.ProvinceAndCityAsync();
        var county = await _scenario.UnitAsync("广州市越秀区教育局", UnitKind.Authority, "440104");
        var caseId = await _scenario.CaseIdAsync(await _scenario.ApplyAsync(county, AffiliationLevel.County, "440104", cityId));

        await App.As<ReviewService>(city).DecideAsync(caseId, ReviewDecision.RejectAndReturn, "请补充单位职能简介");

        var service = App.As<AuthorityApplicationService>(county);
        var returned = await service.GetMineAsync();
        Assert.Equal((ReviewStatus.Returned, true, "请补充单位职能简介"), (returned.Status, returned.IsEditable, returned.LastOpinion));
        returned.Form.Functions = "负责越秀区高等学校教师继续教育的组织实施、监督检查与学时登记。";
        await service.SaveAsync(returned.Form);
        await service.SubmitAsync();

        var resubmitted = await _scenario.CaseAsync(caseId);
        Assert.Equal(ReviewStatus.Submitted, resubmitted.Status);
        Assert.Equal(["提交送审", "不同意并退案", "提交送审"], resubmitted.History.Select(h => h.Result));
        await using var db = App.Db();
        Assert.StartsWith("负责越秀区", (await db.Authorities.SingleAsync(a => a.UnitAccountId == county.UnitId)).Functions);

        // Once submitted again it is locked until the reviewer decides.
        var locked = await Assert.ThrowsAsync<DomainException>(() => service.SaveAsync(returned.Form));
        Assert.Equal("已送审，送审后不能再修改", locked.Message);
    }

    [Fact]
    public async Task Closed_application_is_read_only()
    {
        var (_, _, _, city, cityId) = await _scenario.ProvinceAndCityAsync();
        var county = await _scenario.UnitAsync("广州市番禺区职业教育协会", UnitKind.Authority, "440113");
        var authorityId = await _scenario.ApplyAsync(county, AffiliationLevel.County, "440113", cityId);
        await App.As<ReviewService>(city).DecideAsync(await _scenario.CaseIdAsync(authorityId), ReviewDecision.RejectAndClose, "不属于行业主管部门");

        var service = App.As<AuthorityApplicationService>(county);
        var view = await service.GetMineAsync();
        Assert.Equal((ReviewStatus.Closed, false), (view.Status, view.IsEditable));
        Assert.Equal("已结案，不能再修改", (await Assert.ThrowsAsync<DomainException>(() => service.SaveAsync(view.Form))).Message);
        Assert.Equal("已结案，不能再修改", (await Assert.ThrowsAsync<DomainException>(() => service.SubmitAsync())).Message);
        await Assert.ThrowsAsync<DomainException>(() => _scenario.AttachMaterialAsync(county, authorityId));
    }

    [Fact]
    public async Task Submitting_needs_the_credit_code_certificate()
    {
        var (_, _, _, _, cityId) = await _scenario.ProvinceAndCityAsync();
        var county = await _scenario.UnitAsync("广州市海珠区教育局", UnitKind.Authority, "440105");
        var service = App.As<AuthorityApplicationService>(county);
        var authorityId = await service.SaveAsync(AuthorityScenario.Form(county, AffiliationLevel.County, "440105", cityId));

        Assert.Equal("请先上传本单位的统一社会信用代码证（组织机构代码）再送审", (await Assert.ThrowsAsync<DomainException>(() => service.SubmitAsync())).Message);

        // Another material does not count.
        await App.As<AttachmentService>(county).UploadAsync(AuthorityApplication.AttachmentOwnerType, authorityId, "其他材料", "说明.pdf", Attachments.SampleFiles.Pdf());
        await Assert.ThrowsAsync<DomainException>(() => service.SubmitAsync());

        await _scenario.AttachMaterialAsync(county, authorityId);
        await service.SubmitAsync();
        Assert.Equal(ReviewStatus.Submitted, (await service.GetMineAsync()).Status);
    }

    [Fact]
    public async Task New_application_is_prefilled_from_the_unit_and_bad_input_writes_nothing()
    {
        var county = await _scenario.UnitAsync("广州市荔湾区教育局", UnitKind.Authority, "440103");
        var service = App.As<AuthorityApplicationService>(county);

        var fresh = await service.GetMineAsync();
        Assert.Equal((null, ReviewStatus.Draft, true), (fresh.CaseId, fresh.Status, fresh.IsEditable));
        Assert.Equal(("广州市荔湾区教育局", AffiliationLevel.County, "440100", "440103"),
            (fresh.Form.Name, fresh.Form.Level, fresh.Form.CityCode, fresh.Form.CountyCode));

        var form = AuthorityScenario.Form(county, AffiliationLevel.County, "440103", parentId: null);
        form.Mobile = "12345";
        form.Address = new string('路', 101);
        form.CountyCode = "440303";  // 罗湖区 is not in 广州市
        var bad = await Assert.ThrowsAsync<ValidationFailedException>(() => service.SaveAsync(form));
        Assert.Equal(
            [nameof(form.Address), nameof(form.CountyCode), nameof(form.Mobile), nameof(form.ParentAuthorityId)],
            bad.Errors.Keys.Order().ToArray());
        Assert.Equal("单位通讯地址不能超过100个字", bad.Errors[nameof(form.Address)][0]);

        await using var db = App.Db();
        Assert.False(await db.Authorities.AnyAsync());
        Assert.False(await db.ReviewCases.AnyAsync());
    }

    [Fact]
    public async Task A_unit_that_is_not_an_authority_cannot_apply()
    {
        var institution = await _scenario.UnitAsync("广州市继续教育培训中心", UnitKind.Institution, "440104");
        await Assert.ThrowsAsync<ScopeException>(() => App.As<AuthorityApplicationService>(institution).GetMineAsync());
        await Assert.ThrowsAsync<ScopeException>(() =>
            App.As<AuthorityApplicationService>(institution).SaveAsync(AuthorityScenario.Form(institution, AffiliationLevel.Province, "440000", null)));
    }
}
