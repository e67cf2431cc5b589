using Microsoft.Extensions.Logging;

namespace CeAdmin.Domain.Accounts;

/// <summary>What a verification-code SMS is for; <see cref="Action"/> completes "您正在…".</summary>
public sealed record SmsPurpose(string Key, string Action)
{
    public static readonly SmsPurpose UnitRegistration = new("unit-registration", "注册单位账号");
    public static readonly SmsPurpose PasswordReset = new("password-reset", "重置登录密码");
}

/// <summary>One verification code to one mobile number. Providers with registered templates send only the variables.</summary>
public sealed record SmsCodeMessage(string PhoneNumber, string Code, SmsPurpose Purpose, int ValidMinutes)
{
    public string Text => $"【广东省专业技术人员继续教育系统】您正在{Purpose.Action}，验证码：{Code}，{ValidMinutes}分钟内有效，请勿告诉他人。";
}

/// <summary>Sends verification codes: an SMS provider in production, the log in development.</summary>
public interface ISmsSender
{
    /// <summary>Throws <see cref="SmsSendException"/> when the provider refuses or cannot be reached.</summary>
    Task SendAsync(SmsCodeMessage message, CancellationToken ct = default);
}

public sealed class SmsSendException(string detail, Exception? inner = null)
    : Common.DomainException("短信发送失败，请稍后再试")
{
    /// <summary>The provider's reason, for the log (never the code).</summary>
    public string Detail { get; } = detail;
    public Exception? Cause { get; } = inner;
}

/// <summary>
/// Development sender: the message, code included, goes to the log. The app registers it only in the
/// Development environment (docs/decisions/0002: no secret enters a production log).
/// </summary>
public sealed class LogSmsSender(ILogger<LogSmsSender> logger) : ISmsSender
{
    public Task SendAsync(SmsCodeMessage message, CancellationToken ct = default)
    {
        logger.LogInformation("短信（开发环境，未真正发送）→ {Phone}: {Message}", message.PhoneNumber, message.Text);
        return Task.CompletedTask;
    }
}
