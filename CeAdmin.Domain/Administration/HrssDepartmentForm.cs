using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Common;
using FluentValidation;

namespace CeAdmin.Domain.Administration;

/// <summary>
/// 人社业务主管部门: what the system administrator enters to open it. The person named becomes its owner
/// and first authorised operator; the unit's own login adds further operators (单位经办人员信息).
/// </summary>
public sealed class HrssDepartmentForm
{
    public string UnitName { get; set; } = "广东省人力资源和社会保障厅";
    public UnitCodeType CodeType { get; set; } = UnitCodeType.Uscc;
    public string Code { get; set; } = "";
    /// <summary>单位登录账号.</summary>
    public string LoginName { get; set; } = "";
    public string Password { get; set; } = "";
    /// <summary>个人登录账号 of a verified person: the department's owner and first operator.</summary>
    public string OperatorLoginName { get; set; } = "";
}

public sealed class HrssDepartmentFormValidator : FormValidator<HrssDepartmentForm>
{
    public HrssDepartmentFormValidator()
    {
        RuleFor(x => x.UnitName).NotEmpty().WithMessage("请输入单位名称").MaxChars(100, "单位名称");
        RuleFor(x => x.Code).NotEmpty().WithMessage("请输入单位证件号码");
        RuleFor(x => x.Code).Uscc().When(x => x.CodeType == UnitCodeType.Uscc);
        RuleFor(x => x.Code).OrganizationCode().When(x => x.CodeType == UnitCodeType.OrganizationCode);
        RuleFor(x => x.LoginName).NotEmpty().WithMessage("请输入单位登录账号").LoginName();
        RuleFor(x => x.Password).NotEmpty().WithMessage("请输入密码").StrongPassword();
        RuleFor(x => x.OperatorLoginName).NotEmpty().WithMessage("请输入经办人个人登录账号");
    }
}
