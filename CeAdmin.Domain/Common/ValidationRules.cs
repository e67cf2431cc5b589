using System.Text.RegularExpressions;
using CeAdmin.Domain.Accounts;
using FluentValidation;

namespace CeAdmin.Domain.Common;

/// <summary>
/// Rule-builder extensions for Chinese admin forms. Format rules let null/empty pass
/// so that required-ness stays an explicit NotEmpty() on the caller's side.
/// </summary>
public static partial class ValidationRules
{
    public const string IdNumberMessage = "公民身份号码格式或校验位不正确";
    public const string UsccMessage = "统一社会信用代码格式或校验位不正确";
    public const string OrganizationCodeMessage = "组织机构代码格式或校验位不正确";
    public const string LoginNameMessage = "登录账号只能包含字母、数字、下划线";
    public const string LoginNameLengthMessage = "登录账号长度必须为4-30位";
    public const string ChinaMobileMessage = "手机号码格式不正确";
    public const string PhoneMessage = "联系电话格式不正确，应为手机号码或固定电话（如 0668-8946548）";
    public const string PostalCodeMessage = "邮政编码必须为6位数字";

    public static IRuleBuilderOptions<T, string?> IdNumber<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => string.IsNullOrEmpty(v) || Common.IdNumber.IsValid(v)).WithMessage(IdNumberMessage);

    public static IRuleBuilderOptions<T, string?> Uscc<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => string.IsNullOrEmpty(v) || UnifiedSocialCreditCode.IsValid(v)).WithMessage(UsccMessage);

    public static IRuleBuilderOptions<T, string?> OrganizationCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => string.IsNullOrEmpty(v) || Accounts.OrganizationCode.IsValid(v)).WithMessage(OrganizationCodeMessage);

    /// <summary>Length and charset are separate checks so the user sees the actual problem.</summary>
    public static IRuleBuilderOptions<T, string?> LoginName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => string.IsNullOrEmpty(v) || v.Length is >= LoginNameRule.MinLength and <= LoginNameRule.MaxLength)
            .WithMessage(LoginNameLengthMessage)
            .Must(v => v is null || v.All(LoginNameRule.IsAllowedChar)).WithMessage(LoginNameMessage);

    public static IRuleBuilderOptions<T, string?> StrongPassword<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => string.IsNullOrEmpty(v) || PasswordRule.IsValid(v)).WithMessage(PasswordRule.Message);

    public static IRuleBuilderOptions<T, string?> ChinaMobile<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => string.IsNullOrEmpty(v) || MobileRegex().IsMatch(v)).WithMessage(ChinaMobileMessage);

    /// <summary>Mobile number or landline with optional area code and extension, e.g. 0668-8946548.</summary>
    public static IRuleBuilderOptions<T, string?> Phone<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => string.IsNullOrEmpty(v) || MobileRegex().IsMatch(v) || LandlineRegex().IsMatch(v))
            .WithMessage(PhoneMessage);

    public static IRuleBuilderOptions<T, string?> PostalCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => string.IsNullOrEmpty(v) || PostalCodeRegex().IsMatch(v)).WithMessage(PostalCodeMessage);

    /// <summary>The one 姓名 rule (<see cref="Common.PersonName"/>): its own message for each way a name can be wrong.</summary>
    public static IRuleBuilderOptions<T, string?> PersonName<T>(this IRuleBuilder<T, string?> rule, string label = "姓名") =>
        rule.Must(v => Common.PersonName.Check(v, label) is null).WithMessage((_, v) => Common.PersonName.Check(v, label) ?? "");

    public static IRuleBuilderOptions<T, string?> MaxChars<T>(this IRuleBuilder<T, string?> rule, int n, string label) =>
        rule.MaximumLength(n).WithMessage($"{label}不能超过{n}个字");

    // [0-9] rather than \d: \d also matches non-ASCII digits such as full-width ones.
    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial Regex MobileRegex();

    [GeneratedRegex("^(0[0-9]{2,3}-)?[2-9][0-9]{6,7}(-[0-9]{1,6})?$")]
    private static partial Regex LandlineRegex();

    [GeneratedRegex("^[0-9]{6}$")]
    private static partial Regex PostalCodeRegex();
}
