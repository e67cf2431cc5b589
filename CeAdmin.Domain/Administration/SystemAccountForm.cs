using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Common;
using FluentValidation;

namespace CeAdmin.Domain.Administration;

/// <summary>
/// A 系统管理员 or 安全审计员 account, opened on the server's command line. The mobile receives the codes
/// of 忘记密码; the name says who holds the role (it is shown in the audit log's rows).
/// </summary>
public sealed class SystemAccountForm
{
    public SystemRole Role { get; set; }
    public string LoginName { get; set; } = "";
    public string Password { get; set; } = "";
    public string RealName { get; set; } = "";
    public string Mobile { get; set; } = "";
}

public sealed class SystemAccountFormValidator : FormValidator<SystemAccountForm>
{
    public SystemAccountFormValidator()
    {
        RuleFor(x => x.Role).IsInEnum();
        RuleFor(x => x.LoginName).NotEmpty().WithMessage("请输入登录账号").LoginName();
        RuleFor(x => x.Password).NotEmpty().WithMessage("请输入密码").StrongPassword();
        RuleFor(x => x.RealName).NotEmpty().WithMessage("请输入姓名").PersonName();
        RuleFor(x => x.Mobile).NotEmpty().WithMessage("请输入手机号码").ChinaMobile();
    }
}
