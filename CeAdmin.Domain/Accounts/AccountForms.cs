using CeAdmin.Domain.Common;
using CeAdmin.Domain.Organizations;
using FluentValidation;

namespace CeAdmin.Domain.Accounts;

/// <summary>个人账号申请 (1.1.1).</summary>
public sealed class PersonalRegistration
{
    public string LoginName { get; set; } = "";
    public string Password { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
    public string Mobile { get; set; } = "";
}

public sealed class PersonalRegistrationValidator : FormValidator<PersonalRegistration>
{
    public PersonalRegistrationValidator()
    {
        RuleFor(x => x.LoginName).NotEmpty().WithMessage("请输入登录账号").LoginName();
        RuleFor(x => x.Password).NotEmpty().WithMessage("请输入密码").StrongPassword();
        RuleFor(x => x.ConfirmPassword).NotEmpty().WithMessage("请再次输入密码")
            .Equal(x => x.Password).WithMessage("两次输入的密码不一致");
        RuleFor(x => x.Mobile).NotEmpty().WithMessage("请输入手机号码").ChinaMobile();
    }
}

/// <summary>个人账号实名认证 (1.1.2).</summary>
public sealed class RealNameForm
{
    public string RealName { get; set; } = "";
    public string IdNumber { get; set; } = "";
}

public sealed class RealNameFormValidator : FormValidator<RealNameForm>
{
    public RealNameFormValidator()
    {
        RuleFor(x => x.RealName).NotEmpty().WithMessage("请输入姓名").PersonName();
        RuleFor(x => x.IdNumber).NotEmpty().WithMessage("请输入公民身份号码").IdNumber();
    }
}

/// <summary>单位账号注册, step 1: the verified person the unit belongs to.</summary>
public sealed class UnitOwnerForm
{
    public string OwnerLoginName { get; set; } = "";
    public string OwnerIdNumber { get; set; } = "";
}

public sealed class UnitOwnerFormValidator : FormValidator<UnitOwnerForm>
{
    public UnitOwnerFormValidator()
    {
        RuleFor(x => x.OwnerLoginName).NotEmpty().WithMessage("请输入实名个人登录账号");
        RuleFor(x => x.OwnerIdNumber).NotEmpty().WithMessage("请输入实名个人证件号码").IdNumber();
    }
}

/// <summary>单位账号注册, step 2: the unit.</summary>
public sealed class UnitRegistration
{
    public string LoginName { get; set; } = "";
    public string Password { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
    public string UnitName { get; set; } = "";
    public UnitKind Kind { get; set; } = UnitKind.Authority;
    public UnitCodeType CodeType { get; set; } = UnitCodeType.Uscc;
    public string Code { get; set; } = "";
    /// <summary>单位所在地区: the most specific of 省/市/县 chosen.</summary>
    public string RegionCode { get; set; } = "440000";
}

public sealed class UnitRegistrationValidator : FormValidator<UnitRegistration>
{
    public UnitRegistrationValidator()
    {
        RuleFor(x => x.LoginName).NotEmpty().WithMessage("请输入登录账号").LoginName();
        RuleFor(x => x.Password).NotEmpty().WithMessage("请输入密码").StrongPassword();
        RuleFor(x => x.ConfirmPassword).NotEmpty().WithMessage("请再次输入密码")
            .Equal(x => x.Password).WithMessage("两次输入的密码不一致");
        RuleFor(x => x.UnitName).NotEmpty().WithMessage("请输入单位名称").MaxChars(100, "单位名称");
        RuleFor(x => x.Kind).Must(k => UnitKinds.SelfRegistrable.Contains(k)).WithMessage(UnitKinds.NotSelfRegistrableMessage);
        RuleFor(x => x.Code).NotEmpty().WithMessage("请输入单位证件号码");
        RuleFor(x => x.Code).Uscc().When(x => x.CodeType == UnitCodeType.Uscc);
        RuleFor(x => x.Code).OrganizationCode().When(x => x.CodeType == UnitCodeType.OrganizationCode);
        RuleFor(x => x.RegionCode).NotEmpty().WithMessage("请选择单位所在地区");
    }
}

/// <summary>单位经办人员信息 → 新增.</summary>
public sealed class OperatorInvitation
{
    public string LoginName { get; set; } = "";
    public string RealName { get; set; } = "";
    public string IdNumber { get; set; } = "";
}

public sealed class OperatorInvitationValidator : FormValidator<OperatorInvitation>
{
    public OperatorInvitationValidator()
    {
        RuleFor(x => x.LoginName).NotEmpty().WithMessage("请输入经办人个人登录账号");
        RuleFor(x => x.RealName).NotEmpty().WithMessage("请输入经办人姓名").PersonName("经办人姓名");
        RuleFor(x => x.IdNumber).NotEmpty().WithMessage("请输入经办人公民身份号码").IdNumber();
    }
}
