using CeAdmin.Domain.Common;
using FluentValidation;

namespace CeAdmin.Domain.Teachers;

/// <summary>添加或修改教师 (1.6.1): every field is required (the manual marks each with *).</summary>
public sealed class TeacherForm
{
    public string Name { get; set; } = "";
    public Gender? Gender { get; set; }
    public string IdNumber { get; set; } = "";
    public string Title { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Email { get; set; } = "";
    public string Courses { get; set; } = "";
    public string Profile { get; set; } = "";

    /// <summary>The stored teacher, to edit: the one place that shows his full ID number.</summary>
    public static TeacherForm From(Teacher t) => new()
    {
        Name = t.Name, Gender = t.Gender, IdNumber = t.IdNumber, Title = t.Title, Phone = t.Phone, Email = t.Email, Courses = t.Courses, Profile = t.Profile,
    };
}

public sealed class TeacherFormValidator : FormValidator<TeacherForm>
{
    public const int NameMax = PersonName.MaxLength;
    public const int TitleMax = 50;
    public const int EmailMax = 100;
    public const int CoursesMax = 500;
    public const int ProfileMax = 1000;

    public TeacherFormValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("请输入姓名").PersonName();
        RuleFor(x => x.Gender).NotNull().WithMessage("请选择性别")
            .Must((form, gender) => Common.IdNumber.GenderOf(form.IdNumber) is not { } fromId || fromId == gender)
            .WithMessage("性别与公民身份号码不一致");
        RuleFor(x => x.IdNumber).NotEmpty().WithMessage("请输入公民身份号码").IdNumber();
        RuleFor(x => x.Title).NotEmpty().WithMessage("请输入专业技术资格").MaxChars(TitleMax, "专业技术资格");
        RuleFor(x => x.Phone).NotEmpty().WithMessage("请输入联系电话").Phone();
        RuleFor(x => x.Email).NotEmpty().WithMessage("请输入E-Mail").MaxChars(EmailMax, "E-Mail")
            .EmailAddress().WithMessage("E-Mail格式不正确");
        RuleFor(x => x.Courses).NotEmpty().WithMessage("请输入可以教授课程").MaxChars(CoursesMax, "可以教授课程");
        RuleFor(x => x.Profile).NotEmpty().WithMessage("请输入教师简介").MaxChars(ProfileMax, "教师简介");
    }
}
