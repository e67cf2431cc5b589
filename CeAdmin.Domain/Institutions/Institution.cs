using CeAdmin.Domain.Organizations;

namespace CeAdmin.Domain.Institutions;

/// <summary>施教机构: a teaching institution or base, registered by its operator.</summary>
public sealed class Institution
{
    public int Id { get; set; }
    public int UnitAccountId { get; set; }
    /// <summary>机构名称.</summary>
    public string Name { get; set; } = "";
    /// <summary>机构代码.</summary>
    public string Code { get; set; } = "";
    /// <summary>机构/基地级别.</summary>
    public AffiliationLevel Level { get; set; }
    /// <summary>性质.</summary>
    public string Nature { get; set; } = "";
    public string RegionCode { get; set; } = "";
    /// <summary>上级行业主管部门名称 (free text as the manual shows it).</summary>
    public string ParentAuthorityName { get; set; } = "";
    public string LegalName { get; set; } = "";
    public string LegalPhone { get; set; } = "";
    public string LegalEmail { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public string ContactEmail { get; set; } = "";
    /// <summary>机构详细地址.</summary>
    public string Address { get; set; } = "";
    /// <summary>机构基地简介.</summary>
    public string Profile { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public List<TrainingQualification> Qualifications { get; } = [];

    /// <summary>保存 of 基本信息 (validated). Its applications keep its region (only drafts exist when it changes; load them first).</summary>
    public void Update(InstitutionForm form)
    {
        Name = form.Name.Trim();
        Code = form.Code.Trim().ToUpperInvariant();
        Level = form.Level;
        Nature = form.Nature;
        RegionCode = form.RegionCode;
        ParentAuthorityName = form.ParentAuthorityName.Trim();
        LegalName = form.LegalName.Trim();
        LegalPhone = form.LegalPhone.Trim();
        LegalEmail = form.LegalEmail.Trim();
        ContactName = form.ContactName.Trim();
        ContactPhone = form.ContactPhone.Trim();
        ContactEmail = form.ContactEmail.Trim();
        Address = form.Address.Trim();
        Profile = form.Profile.Trim();
        foreach (var q in Qualifications) q.RegionCode = RegionCode;
    }
}

/// <summary>
/// 专业培训资格: an institution's application to run plans of one series (申请培训专业). Its review
/// goes through the one workflow; ApprovedAt is set when the reviewer agrees.
/// </summary>
public sealed class TrainingQualification : Approvals.IReviewSubject
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public Institution? Institution { get; set; }
    public int SeriesId { get; set; }
    /// <summary>
    /// The institution's region, kept on the application (as a plan keeps its owner's) so that the scope
    /// rule reads every subject the same way; it follows the institution while no application was submitted.
    /// </summary>
    public string RegionCode { get; set; } = "";
    /// <summary>专业概述.</summary>
    public string Overview { get; set; } = "";
    /// <summary>所属行业.</summary>
    public string Industry { get; set; } = "";
    public int Year { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ApprovedAt { get; set; }

    /// <summary>新增申请培训专业: a draft application of the validated form, where the institution is.</summary>
    public static TrainingQualification Apply(Institution institution, QualificationForm form, int year, DateTime nowUtc) => new()
    {
        InstitutionId = institution.Id, SeriesId = form.SeriesId!.Value, RegionCode = institution.RegionCode, Overview = form.Overview.Trim(),
        Industry = form.Industry.Trim(), Year = year, CreatedAt = nowUtc,
    };
}
