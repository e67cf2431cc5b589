using CeAdmin.Domain.Common;
using FluentValidation;

namespace CeAdmin.Domain.Catalogs;

/// <summary>基本信息 of a catalog (单位名称 is the signed-in authority).</summary>
public sealed class CatalogForm
{
    public int? SeriesId { get; set; }
    public DateTime? DeclaredOn { get; set; }
    public string OperatorName { get; set; } = "";
    public int? Year { get; set; }
}

public sealed class CatalogFormValidator : FormValidator<CatalogForm>
{
    public CatalogFormValidator()
    {
        RuleFor(x => x.SeriesId).NotNull().WithMessage("请选择专业序列");
        RuleFor(x => x.DeclaredOn).NotNull().WithMessage("请选择申报日期");
        RuleFor(x => x.OperatorName).NotEmpty().WithMessage("请输入经办人").PersonName("经办人");
        RuleFor(x => x.Year).NotNull().WithMessage("请选择年度")
            .InclusiveBetween(2000, 2100).WithMessage("年度不正确");
    }
}

/// <summary>专业添加: one course.</summary>
public sealed class CourseForm
{
    public string Name { get; set; } = "";
    public string Content { get; set; } = "";
    public string? Remarks { get; set; }
}

public sealed class CourseFormValidator : FormValidator<CourseForm>
{
    public CourseFormValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("请输入专业课名称").MaxChars(100, "专业课名称");
        RuleFor(x => x.Content).NotEmpty().WithMessage("请输入学习内容").MaxChars(500, "学习内容");
        RuleFor(x => x.Remarks).MaxChars(500, "备注");
    }
}
