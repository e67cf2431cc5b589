using CeAdmin.Domain.Common;

namespace CeAdmin.Domain.Accounts;

public sealed record RealNameResult(bool Passed, VerificationLevel Level, string Message);

/// <summary>
/// Real-name verification (实名认证). The province's identity service replaces the local check in
/// production; the local one accepts a well-formed name with a valid 公民身份号码.
/// </summary>
public interface IRealNameVerifier
{
    Task<RealNameResult> VerifyAsync(string realName, string idNumber, CancellationToken ct = default);
}

public sealed class LocalRealNameVerifier : IRealNameVerifier
{
    public Task<RealNameResult> VerifyAsync(string realName, string idNumber, CancellationToken ct = default)
    {
        var result = !IdNumber.IsValid(idNumber)
            ? new RealNameResult(false, VerificationLevel.None, "公民身份号码格式或校验位不正确")
            : string.IsNullOrWhiteSpace(realName) || realName.Trim().Length < 2
                ? new RealNameResult(false, VerificationLevel.None, "请输入与身份证一致的姓名")
                : new RealNameResult(true, VerificationLevel.Level2, "实名认证通过（二级）");
        return Task.FromResult(result);
    }
}
