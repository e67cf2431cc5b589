using CeAdmin.Domain.Common;
using FluentValidation;

namespace CeAdmin.Domain.Accounts;

/// <summary>修改密码: a signed-in user changes his own password.</summary>
public sealed class PasswordChange
{
    public string CurrentPassword { get; set; } = "";
    public string NewPassword { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
}

public sealed class PasswordChangeValidator : FormValidator<PasswordChange>
{
    public PasswordChangeValidator()
    {
        RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage("请输入原密码");
        RuleFor(x => x.NewPassword).NotEmpty().WithMessage("请输入新密码").StrongPassword()
            .NotEqual(x => x.CurrentPassword).WithMessage("新密码不能与原密码相同");
        RuleFor(x => x.ConfirmPassword).NotEmpty().WithMessage("请再次输入新密码")
            .Equal(x => x.NewPassword).WithMessage("两次输入的密码不一致");
    }
}

/// <summary>用户密码重置, step 1: the login name whose bound phone receives the code.</summary>
public sealed class PasswordResetRequest
{
    public string LoginName { get; set; } = "";
}

public sealed class PasswordResetRequestValidator : FormValidator<PasswordResetRequest>
{
    public PasswordResetRequestValidator()
    {
        RuleFor(x => x.LoginName).NotEmpty().WithMessage("请输入登录账号").MaximumLength(LoginNameRule.MaxLength).WithMessage("登录账号不正确");
    }
}

/// <summary>用户密码重置, step 2: the code and the new password.</summary>
public sealed class PasswordReset
{
    public string LoginName { get; set; } = "";
    public string SmsCode { get; set; } = "";
    public string NewPassword { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
}

public sealed class PasswordResetValidator : FormValidator<PasswordReset>
{
    public PasswordResetValidator()
    {
        RuleFor(x => x.LoginName).NotEmpty().WithMessage("请输入登录账号").MaximumLength(LoginNameRule.MaxLength).WithMessage("登录账号不正确");
        RuleFor(x => x.SmsCode).NotEmpty().WithMessage("请输入短信验证码");
        RuleFor(x => x.NewPassword).NotEmpty().WithMessage("请输入新密码").StrongPassword();
        RuleFor(x => x.ConfirmPassword).NotEmpty().WithMessage("请再次输入新密码")
            .Equal(x => x.NewPassword).WithMessage("两次输入的密码不一致");
    }
}
