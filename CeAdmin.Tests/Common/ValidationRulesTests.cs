using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Common;
using FluentValidation;

namespace CeAdmin.Tests.Common;

public class ValidationRulesTests
{
    private sealed class SampleForm
    {
        public string? IdNumber { get; set; } = "11010519491231002X";
        public string? Uscc { get; set; } = "91110000600037341L";
        public string? OrganizationCode { get; set; } = "600037341";
        public string LoginName { get; set; } = "zhang_san";
        public string? Password { get; set; } = "Gd2024cE!x";
        public string? Mobile { get; set; } = "13812345678";
        public string? Phone { get; set; } = "0668-8946548";
        public string? PostalCode { get; set; } = "525000";
        public string? Remark { get; set; } = "备注";
    }

    private sealed class SampleFormValidator : FormValidator<SampleForm>
    {
        public SampleFormValidator()
        {
            RuleFor(x => x.IdNumber).IdNumber().WithName("公民身份号码");
            RuleFor(x => x.Uscc).Uscc().WithName("统一社会信用代码");
            RuleFor(x => x.OrganizationCode).OrganizationCode().WithName("组织机构代码");
            RuleFor(x => x.LoginName).NotEmpty().LoginName().WithName("登录账号");
            RuleFor(x => x.Password).StrongPassword().WithName("密码");
            RuleFor(x => x.Mobile).ChinaMobile().WithName("手机号码");
            RuleFor(x => x.Phone).Phone().WithName("联系电话");
            RuleFor(x => x.PostalCode).PostalCode().WithName("邮政编码");
            RuleFor(x => x.Remark).MaxChars(5, "备注").WithName("备注");
        }
    }

    private readonly SampleFormValidator _validator = new();

    private static SampleForm Valid() => new();

    private IEnumerable<string> ErrorsFor(SampleForm model, string property) =>
        _validator.Validate(model).Errors.Where(e => e.PropertyName == property).Select(e => e.ErrorMessage);

    [Fact]
    public void Valid_model_has_no_errors() => Assert.True(_validator.Validate(Valid()).IsValid);

    [Fact]
    public void Empty_optional_fields_pass_format_rules()
    {
        var model = new SampleForm
        {
            IdNumber = null, Uscc = "", OrganizationCode = null, Password = null,
            Mobile = "", Phone = null, PostalCode = "", Remark = null,
        };
        Assert.True(_validator.Validate(model).IsValid);
    }

    [Theory]
    [InlineData(nameof(SampleForm.IdNumber), "110105194912310021", "公民身份号码格式或校验位不正确")]
    [InlineData(nameof(SampleForm.Uscc), "91110000600037341A", "统一社会信用代码格式或校验位不正确")]
    [InlineData(nameof(SampleForm.OrganizationCode), "600037342", "组织机构代码格式或校验位不正确")]
    [InlineData(nameof(SampleForm.LoginName), "zhang-san", "登录账号只能包含字母、数字、下划线")]
    [InlineData(nameof(SampleForm.LoginName), "abc", "登录账号长度必须为4-30位")]
    [InlineData(nameof(SampleForm.Password), "abcd1234", PasswordRule.Message)]
    [InlineData(nameof(SampleForm.Mobile), "12812345678", "手机号码格式不正确")]
    [InlineData(nameof(SampleForm.Phone), "668-8946548", "联系电话格式不正确，应为手机号码或固定电话（如 0668-8946548）")]
    [InlineData(nameof(SampleForm.PostalCode), "52500", "邮政编码必须为6位数字")]
    [InlineData(nameof(SampleForm.Remark), "一二三四五六", "备注不能超过5个字")]
    public void Invalid_value_gets_chinese_message(string property, string value, string expected)
    {
        var model = Valid();
        typeof(SampleForm).GetProperty(property)!.SetValue(model, value);

        Assert.Equal([expected], ErrorsFor(model, property));
    }

    [Theory]
    [InlineData("13800138000")]
    [InlineData("19912345678")]
    public void ChinaMobile_accepts_valid_numbers(string value) =>
        Assert.Empty(ErrorsFor(new SampleForm { Mobile = value }, nameof(SampleForm.Mobile)));

    [Theory]
    [InlineData("1381234567")] // 10 digits
    [InlineData("138123456789")] // 12 digits
    [InlineData("23812345678")]
    [InlineData("138-1234-5678")]
    public void ChinaMobile_rejects_invalid_numbers(string value) =>
        Assert.NotEmpty(ErrorsFor(new SampleForm { Mobile = value }, nameof(SampleForm.Mobile)));

    [Theory]
    [InlineData("0668-8946548")]
    [InlineData("020-87654321")]
    [InlineData("020-87654321-801")] // extension
    [InlineData("8946548")] // local number without area code
    [InlineData("13812345678")]
    public void Phone_accepts_landline_or_mobile(string value) =>
        Assert.Empty(ErrorsFor(new SampleForm { Phone = value }, nameof(SampleForm.Phone)));

    [Theory]
    [InlineData("0668-894654")] // 6-digit local number
    [InlineData("0668-089465481")]
    [InlineData("0668 8946548")]
    [InlineData("phone")]
    public void Phone_rejects_invalid_numbers(string value) =>
        Assert.NotEmpty(ErrorsFor(new SampleForm { Phone = value }, nameof(SampleForm.Phone)));

    [Theory]
    [InlineData("5250000")]
    [InlineData("52500a")]
    [InlineData("５２５０００")] // full-width digits
    public void PostalCode_rejects_invalid_values(string value) =>
        Assert.NotEmpty(ErrorsFor(new SampleForm { PostalCode = value }, nameof(SampleForm.PostalCode)));

    [Fact]
    public async Task ValidateValue_returns_messages_for_named_property_only()
    {
        var model = new SampleForm { LoginName = "bad name", Mobile = "123", PostalCode = "x" };

        var loginErrors = await _validator.ValidateValue(model, nameof(SampleForm.LoginName));
        var remarkErrors = await _validator.ValidateValue(model, nameof(SampleForm.Remark));

        Assert.Equal(["登录账号只能包含字母、数字、下划线"], loginErrors);
        Assert.Empty(remarkErrors);
    }

    [Fact]
    public void ValidateValue_is_a_stable_delegate() => Assert.Same(_validator.ValidateValue, _validator.ValidateValue);

    [Fact]
    public async Task EnsureValidAsync_passes_valid_model() => await _validator.EnsureValidAsync(Valid());

    [Fact]
    public async Task EnsureValidAsync_throws_with_errors_by_property()
    {
        var model = new SampleForm { LoginName = "bad name", Mobile = "123" };

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => _validator.EnsureValidAsync(model));

        Assert.Equal(["LoginName", "Mobile"], ex.Errors.Keys.Order());
        Assert.Equal("登录账号只能包含字母、数字、下划线；手机号码格式不正确", ex.Message);
    }

    [Fact]
    public void UseChinese_translates_built_in_messages()
    {
        ValidationSetup.UseChinese();

        var errors = ErrorsFor(new SampleForm { LoginName = "" }, nameof(SampleForm.LoginName)).ToList();

        Assert.Single(errors);
        Assert.Contains("登录账号", errors[0]);
        Assert.Contains("不能为空", errors[0]);
    }
}
