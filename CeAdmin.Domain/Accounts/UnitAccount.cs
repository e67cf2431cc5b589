using CeAdmin.Domain.Organizations;

namespace CeAdmin.Domain.Accounts;

/// <summary>Disabled: 停用 by the system administrator; its login and its operators cannot enter it.</summary>
public enum UnitAccountStatus { PendingSms, Active, Disabled }

/// <summary>单位账号: registered by a verified person, identified by its unit code.</summary>
public sealed class UnitAccount
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public UnitKind Kind { get; set; }
    public UnitCodeType CodeType { get; set; }
    public string Code { get; set; } = "";
    public string RegionCode { get; set; } = "";
    /// <summary>The verified person who registered the unit (实名个人).</summary>
    public string OwnerUserId { get; set; } = "";
    /// <summary>The unit's own login.</summary>
    public string LoginUserId { get; set; } = "";
    public UnitAccountStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<UnitOperator> Operators { get; } = [];
}

public enum OperatorStatus { Invited, Accepted }

/// <summary>单位经办人: a personal account bound to a unit and, once granted, allowed into this system.</summary>
public sealed class UnitOperator
{
    public int Id { get; set; }
    public int UnitAccountId { get; set; }
    public UnitAccount? UnitAccount { get; set; }
    public string UserId { get; set; } = "";
    public AppUser? User { get; set; }
    public OperatorStatus Status { get; set; }
    /// <summary>授权: the unit granted this operator the continuing-education system.</summary>
    public bool Authorised { get; set; }
    public DateTime InvitedAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public DateTime? AuthorisedAt { get; set; }
}

/// <summary>
/// A one-time SMS code; only its hash is stored. Subject is what the code unlocks (a registration, an
/// account); PhoneNumber is empty for a decoy (an unknown account asked for a code: nothing is sent).
/// </summary>
public sealed class SmsChallenge
{
    public int Id { get; set; }
    public string Purpose { get; set; } = "";
    public string Subject { get; set; } = "";
    public string PhoneNumber { get; set; } = "";
    public string CodeHash { get; set; } = "";
    public DateTime IssuedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public int Attempts { get; set; }
    public DateTime? UsedAt { get; set; }
}
