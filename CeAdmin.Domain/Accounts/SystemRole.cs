namespace CeAdmin.Domain.Accounts;

/// <summary>
/// The two roles that are not a unit's (MLPS 2.0 level 3: separate powers). An account holds at most one,
/// so the administrator is never his own auditor; neither is self-registered (docs/powers.md).
/// </summary>
public enum SystemRole
{
    /// <summary>系统管理员: accounts, units, run-time settings; never the audit log.</summary>
    Administrator,
    /// <summary>安全审计员: reads, exports and verifies the audit log; administers nothing.</summary>
    Auditor,
}

public static class SystemRoles
{
    public const string AdministratorLabel = "系统管理员";
    public const string AuditorLabel = "安全审计员";

    public static string ToLabel(this SystemRole role) => role == SystemRole.Administrator ? AdministratorLabel : AuditorLabel;
}
