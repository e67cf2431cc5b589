using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.ReferenceData;
using FluentValidation;

namespace CeAdmin.Domain.Organizations;

/// <summary>
/// The contact fields of an authority: part of the role application (1.2.1) and, once approved,
/// maintained without review (1.2.2).
/// </summary>
public class AuthorityContactForm
{
    public string ContactName { get; set; } = "";
    public string OfficePhone { get; set; } = "";
    public string Mobile { get; set; } = "";
    public string Email { get; set; } = "";
    public string PostalCode { get; set; } = "";

    /// <summary>单位通讯地址.</summary>
    public string Address { get; set; } = "";

    /// <summary>单位职能简介.</summary>
    public string Functions { get; set; } = "";

    public static AuthorityContactForm From(Authority authority)
    {
        var form = new AuthorityContactForm();
        form.CopyContactFrom(authority);
        return form;
    }

    protected void CopyContactFrom(Authority authority)
    {
        ContactName = authority.ContactName;
        OfficePhone = authority.OfficePhone;
        Mobile = authority.Mobile;
        Email = authority.Email;
        PostalCode = authority.PostalCode;
        Address = authority.Address;
        Functions = authority.Functions;
    }
}

public sealed class AuthorityContactFormValidator : FormValidator<AuthorityContactForm>
{
    public const int AddressMaxLength = 100;
    public const int FunctionsMaxLength = 500;

    public AuthorityContactFormValidator()
    {
        RuleFor(x => x.ContactName).NotEmpty().WithMessage("请输入联系人").PersonName("联系人");
        RuleFor(x => x.OfficePhone).NotEmpty().WithMessage("请输入办公电话").Phone();
        RuleFor(x => x.Mobile).NotEmpty().WithMessage("请输入移动电话").ChinaMobile();
        RuleFor(x => x.Email).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("请输入Email").MaxChars(100, "Email")
            .EmailAddress().WithMessage("Email格式不正确");
        RuleFor(x => x.PostalCode).NotEmpty().WithMessage("请输入邮政编码").PostalCode();
        RuleFor(x => x.Address).NotEmpty().WithMessage("请输入单位通讯地址").MaxChars(AddressMaxLength, "单位通讯地址");
        RuleFor(x => x.Functions).NotEmpty().WithMessage("请输入单位职能简介").MaxChars(FunctionsMaxLength, "单位职能简介");
    }
}

/// <summary>行业主管角色申请 (1.2.1): the defining fields, the chosen parent authority and the contact fields.</summary>
public sealed class AuthorityApplicationForm : AuthorityContactForm
{
    public string Name { get; set; } = "";
    public UnitCodeType CodeType { get; set; } = UnitCodeType.Uscc;
    public string Code { get; set; } = "";

    /// <summary>单位性质, one of <see cref="ReferenceCatalog.UnitNatures"/>.</summary>
    public string Nature { get; set; } = "";

    /// <summary>隶属关系.</summary>
    public AffiliationLevel? Level { get; set; }

    /// <summary>专业序列.</summary>
    public int? SeriesId { get; set; }

    /// <summary>行政区划 (市), for a city or county authority.</summary>
    public string? CityCode { get; set; }

    /// <summary>行政区划 (区县), for a county authority.</summary>
    public string? CountyCode { get; set; }

    /// <summary>上一级行业主管部门, for a city or county authority; a province-level one is reviewed by the HRSS department.</summary>
    public int? ParentAuthorityId { get; set; }

    /// <summary>The region the level calls for: the province, the city or the county.</summary>
    public string? RegionCode => Level switch
    {
        AffiliationLevel.Province => ReferenceCatalog.ProvinceCode,
        AffiliationLevel.City => CityCode,
        AffiliationLevel.County => CountyCode,
        _ => null,
    };

    public static new AuthorityApplicationForm From(Authority authority)
    {
        var form = new AuthorityApplicationForm();
        form.CopyContactFrom(authority);
        form.Name = authority.Name;
        form.CodeType = authority.CodeType;
        form.Code = authority.Code;
        form.Nature = authority.Nature;
        form.Level = authority.Level;
        form.SeriesId = authority.SeriesId;
        form.CityCode = authority.Level == AffiliationLevel.Province ? null : Region.CityOf(authority.RegionCode);
        form.CountyCode = authority.Level == AffiliationLevel.County ? authority.RegionCode : null;
        form.ParentAuthorityId = authority.ParentAuthorityId;
        return form;
    }
}

public sealed class AuthorityApplicationFormValidator : FormValidator<AuthorityApplicationForm>
{
    public AuthorityApplicationFormValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("请输入单位名称").MaxChars(100, "单位名称");
        RuleFor(x => x.Code).NotEmpty().WithMessage("请输入单位代码");
        RuleFor(x => x.Code).Uscc().When(x => x.CodeType == UnitCodeType.Uscc);
        RuleFor(x => x.Code).OrganizationCode().When(x => x.CodeType == UnitCodeType.OrganizationCode);
        RuleFor(x => x.Nature).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("请选择单位性质")
            .Must(n => ReferenceCatalog.UnitNatures.Contains(n)).WithMessage("请从列表中选择单位性质");
        RuleFor(x => x.Level).NotNull().WithMessage("请选择隶属关系");
        RuleFor(x => x.SeriesId).Cascade(CascadeMode.Stop).NotNull().WithMessage("请选择专业序列")
            .Must(id => id is null || ReferenceCatalog.SeriesName(id.Value).Length > 0).WithMessage("请从列表中选择专业序列");
        RuleFor(x => x.CityCode).NotEmpty().WithMessage("请选择行政区划（市）")
            .When(x => x.Level is AffiliationLevel.City or AffiliationLevel.County);
        RuleFor(x => x.CountyCode).NotEmpty().WithMessage("请选择行政区划（区县）")
            .When(x => x.Level is AffiliationLevel.County);
        RuleFor(x => x.CountyCode)
            .Must((form, county) => ReferenceCatalog.FindRegion(county)?.ParentCode == form.CityCode)
            .WithMessage("所选区县不属于所选的市")
            .When(x => x.Level is AffiliationLevel.County && !string.IsNullOrEmpty(x.CountyCode));
        RuleFor(x => x.ParentAuthorityId).NotNull().WithMessage("请选择上一级行业主管部门")
            .When(x => x.Level is AffiliationLevel.City or AffiliationLevel.County);
        Include(new AuthorityContactFormValidator());
    }
}
