using Microsoft.AspNetCore.Identity;

namespace CeAdmin.Domain.Accounts;

public enum AccountKind { Personal, Unit }

/// <summary>实名认证等级: none, or verified through the identity service (二级 and above may register units).</summary>
public enum VerificationLevel { None = 0, Level1 = 1, Level2 = 2, Level3 = 3 }

/// <summary>A login: a personal account (个人账号) or a unit account's own login (单位账号).</summary>
public sealed class AppUser : IdentityUser
{
    public AccountKind Kind { get; set; }
    public string? RealName { get; set; }
    public string? IdNumber { get; set; }
    public VerificationLevel VerificationLevel { get; set; }
    public DateTime? VerifiedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Set for a unit account's login.</summary>
    public int? UnitAccountId { get; set; }
    /// <summary>停用: set by the system administrator; a disabled account cannot sign in and its sessions end.</summary>
    public DateTime? DisabledAt { get; set; }
    /// <summary>系统管理员 or 安全审计员: given by the server's command line only, never by a form.</summary>
    public SystemRole? SystemRole { get; set; }
    /// <summary>强制重置密码: the administrator voided the password; the owner sets a new one with 忘记密码.</summary>
    public DateTime? PasswordResetRequiredAt { get; set; }

    public bool IsDisabled => DisabledAt is not null;

    public bool IsVerified => VerificationLevel >= VerificationLevel.Level2;
}
