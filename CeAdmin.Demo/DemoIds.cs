using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Common;

namespace CeAdmin.Demo;

/// <summary>Makes check-digit-valid identifiers for demo and test data.</summary>
public static class DemoIds
{
    private const string UsccChars = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>A valid 统一社会信用代码 from a 17-character body.</summary>
    public static string Uscc(string body17) =>
        UsccChars.Select(c => body17 + c).First(UnifiedSocialCreditCode.IsValid);

    /// <summary>A valid 公民身份号码 from region code, birth date and a 3-digit sequence.</summary>
    public static string IdNumber(string region6, DateOnly birth, int seq) =>
        "0123456789X".Select(c => $"{region6}{birth:yyyyMMdd}{seq:D3}{c}").First(Domain.Common.IdNumber.IsValid);
}
