using CeAdmin.Domain.Common;
using CeAdmin.Domain.Organizations;

namespace CeAdmin.Tests.Organizations;

/// <summary>The application form's per-field validation, as MudForm calls it, covers the included contact rules.</summary>
public sealed class AuthorityFormValidatorTests
{
    private readonly AuthorityApplicationFormValidator _validator = new();

    public AuthorityFormValidatorTests() => ValidationSetup.UseChinese();

    [Theory]
    [InlineData(nameof(AuthorityApplicationForm.Mobile), "手机号码格式不正确")]
    [InlineData(nameof(AuthorityApplicationForm.Email), "请输入Email")]
    [InlineData(nameof(AuthorityApplicationForm.Nature), "请选择单位性质")]
    [InlineData(nameof(AuthorityApplicationForm.ParentAuthorityId), "请选择上一级行业主管部门")]
    [InlineData(nameof(AuthorityApplicationForm.CountyCode), "请选择行政区划（区县）")]
    public async Task One_field_is_validated_alone(string property, string message)
    {
        var form = new AuthorityApplicationForm { Level = AffiliationLevel.County, CityCode = "440100", Mobile = "123" };
        Assert.Equal([message], await _validator.ValidateValue(form, property));
    }

    [Fact]
    public async Task A_province_level_application_needs_no_region_below_the_province_nor_a_parent()
    {
        var form = new AuthorityApplicationForm { Level = AffiliationLevel.Province };
        Assert.Empty(await _validator.ValidateValue(form, nameof(form.ParentAuthorityId)));
        Assert.Empty(await _validator.ValidateValue(form, nameof(form.CityCode)));
        Assert.Equal("440000", form.RegionCode);
    }
}
