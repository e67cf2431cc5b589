using CeAdmin.Domain.Common;
using CeAdmin.Domain.Organizations;
using FluentValidation;

namespace CeAdmin.Domain.Institutions;

/// <summary>The institution's 基本信息 as the 1.5.2 screen shows it.</summary>
public sealed class InstitutionForm
{
    public string Name { get; set; } = "";
    public string Code { get; set; } = "";
    public AffiliationLevel Level { get; set; } = AffiliationLevel.City;
    public string Nature { get; set; } = "";
    public string RegionCode { get; set; } = "440000";
    public string ParentAuthorityName { get; set; } = "";
    public string LegalName { get; set; } = "";
    public string LegalPhone { get; set; } = "";
    public string LegalEmail { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public string ContactEmail { get; set; } = "";
    public string Address { get; set; } = "";
    public string Profile { get; set; } = "";

    public static InstitutionForm From(Institution i) => new()
    {
        Name = i.Name, Code = i.Code, Level = i.Level, Nature = i.Nature, RegionCode = i.RegionCode,
        ParentAuthorityName = i.ParentAuthorityName, LegalName = i.LegalName, LegalPhone = i.LegalPhone, LegalEmail = i.LegalEmail,
        ContactName = i.ContactName, ContactPhone = i.ContactPhone, ContactEmail = i.ContactEmail, Address = i.Address, Profile = i.Profile,
    };
}

public sealed class InstitutionFormValidator : FormValidator<InstitutionForm>
{
    public InstitutionFormValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("请输入机构名称").MaxChars(100, "机构名称");
        RuleFor(x => x.Code).NotEmpty().WithMessage("请输入机构代码").Uscc();
        RuleFor(x => x.Nature).NotEmpty().WithMessage("请选择性质");
        RuleFor(x => x.RegionCode).NotEmpty().WithMessage("请选择所在地区");
        RuleFor(x => x.RegionCode).Must((f, code) => LevelMatches(f.Level, code))
            .WithMessage("所在地区须与机构/基地级别一致：省级选广东省，市级选到市，县(区)级选到县(区)");
        RuleFor(x => x.ParentAuthorityName).NotEmpty().WithMessage("请输入上级行业主管部门名称").MaxChars(100, "上级行业主管部门名称");
        RuleFor(x => x.LegalName).NotEmpty().WithMessage("请输入法人姓名").PersonName("法人姓名");
        RuleFor(x => x.LegalPhone).NotEmpty().WithMessage("请输入法人联系电话").Phone();
        RuleFor(x => x.LegalEmail).NotEmpty().WithMessage("请输入法人E-Mail").EmailAddress().WithMessage("法人E-Mail格式不正确");
        RuleFor(x => x.ContactName).NotEmpty().WithMessage("请输入联系人姓名").PersonName("联系人姓名");
        RuleFor(x => x.ContactPhone).NotEmpty().WithMessage("请输入联系人电话").Phone();
        RuleFor(x => x.ContactEmail).NotEmpty().WithMessage("请输入联系人E-Mail").EmailAddress().WithMessage("联系人E-Mail格式不正确");
        RuleFor(x => x.Address).NotEmpty().WithMessage("请输入机构详细地址").MaxChars(100, "机构详细地址");
        RuleFor(x => x.Profile).NotEmpty().WithMessage("请输入机构基地简介").MaxChars(1000, "机构基地简介");
    }

    private static bool LevelMatches(AffiliationLevel level, string? code) =>
        code is { Length: 6 } && ReferenceData.Region.LevelOf(code) == level.ToRegionLevel();
}

/// <summary>申请培训专业: one series the institution asks to train in.</summary>
public sealed class QualificationForm
{
    public int? SeriesId { get; set; }
    public string Overview { get; set; } = "";
    public string Industry { get; set; } = "";
}

public sealed class QualificationFormValidator : FormValidator<QualificationForm>
{
    public QualificationFormValidator()
    {
        RuleFor(x => x.SeriesId).NotNull().WithMessage("请选择专业名称");
        RuleFor(x => x.Overview).NotEmpty().WithMessage("请输入专业概述").MaxChars(500, "专业概述");
        RuleFor(x => x.Industry).NotEmpty().WithMessage("请输入所属行业").MaxChars(50, "所属行业");
    }
}
