using CeAdmin.Domain.Accounts;

namespace CeAdmin.Domain.Organizations;

/// <summary>
/// 行业主管部门（行业组织）: the profile a unit files in its role application (1.2.1). It acts as an
/// authority once ApprovedAt is set; its defining fields change only through a new application.
/// </summary>
public sealed class Authority : Approvals.IReviewSubject
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

    /// <summary>保存 of 1.2.1: every field of the validated application (Level, SeriesId and the region are set then).</summary>
    public void Update(AuthorityApplicationForm form)
    {
        UpdateContact(form);
        Name = form.Name.Trim();
        CodeType = form.CodeType;
        Code = form.Code.Trim().ToUpperInvariant();
        Nature = form.Nature;
        Level = form.Level!.Value;
        SeriesId = form.SeriesId!.Value;
        RegionCode = form.RegionCode!;
        ParentAuthorityId = form.Level == AffiliationLevel.Province ? null : form.ParentAuthorityId;
    }

    /// <summary>保存 of 1.2.2: the contact fields only, without review.</summary>
    public void UpdateContact(AuthorityContactForm form)
    {
        ContactName = form.ContactName.Trim();
        OfficePhone = form.OfficePhone.Trim();
        Mobile = form.Mobile.Trim();
        Email = form.Email.Trim();
        PostalCode = form.PostalCode.Trim();
        Address = form.Address.Trim();
        Functions = form.Functions.Trim();
    }
}
