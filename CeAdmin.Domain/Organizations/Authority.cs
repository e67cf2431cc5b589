using CeAdmin.Domain.Accounts;

namespace CeAdmin.Domain.Organizations;

/// <summary>
/// 行业主管部门（行业组织）: the profile a unit files in its role application (1.2.1). It acts as an
/// authority once ApprovedAt is set; its defining fields change only through a new application.
/// </summary>
public sealed class Authority : IScoped
{
    public int Id { get; set; }
    public int UnitAccountId { get; set; }
    public UnitAccount? UnitAccount { get; set; }

    // Defining fields (reviewed).
    public string Name { get; set; } = "";
    public UnitCodeType CodeType { get; set; }
    public string Code { get; set; } = "";
    public string Nature { get; set; } = "";
    public AffiliationLevel Level { get; set; }
    public int SeriesId { get; set; }
    public string RegionCode { get; set; } = "";
    public int? ParentAuthorityId { get; set; }
    public Authority? ParentAuthority { get; set; }

    // Contact fields (maintained without review, 1.2.2).
    public string ContactName { get; set; } = "";
    public string OfficePhone { get; set; } = "";
    public string Mobile { get; set; } = "";
    public string Email { get; set; } = "";
    public string PostalCode { get; set; } = "";
    public string Address { get; set; } = "";
    public string Functions { get; set; } = "";

    public DateTime CreatedAt { get; set; }
    public DateTime? ApprovedAt { get; set; }

    public bool IsApproved => ApprovedAt is not null;
}
