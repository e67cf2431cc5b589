using CeAdmin.Domain.Common;

namespace CeAdmin.Domain.Teachers;

/// <summary>
/// 师资: a teacher in the registry an authority keeps (1.6.1). Only enabled teachers can be chosen
/// as instructors or head teachers of a training class; disabling keeps him on classes that have him.
/// </summary>
public sealed class Teacher
{
    public int Id { get; set; }

    /// <summary>The authority's unit account that keeps this registry; no other unit sees the teacher.</summary>
    public int OwnerUnitId { get; set; }

    public string Name { get; set; } = "";
    public Gender Gender { get; set; }
    public string IdNumber { get; set; } = "";

    /// <summary>专业技术资格, e.g. 教授; from the usual titles or typed in.</summary>
    public string Title { get; set; } = "";

    public string Phone { get; set; } = "";
    public string Email { get; set; } = "";

    /// <summary>可以教授课程.</summary>
    public string Courses { get; set; } = "";

    /// <summary>教师简介.</summary>
    public string Profile { get; set; } = "";

    public bool Enabled { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>保存 of 师资信息: the validated form.</summary>
    public void Update(TeacherForm form)
    {
        Name = form.Name.Trim();
        Gender = form.Gender!.Value;
        IdNumber = Common.IdNumber.Normalize(form.IdNumber);
        Title = form.Title.Trim();
        Phone = form.Phone.Trim();
        Email = form.Email.Trim();
        Courses = form.Courses.Trim();
        Profile = form.Profile.Trim();
    }
}

public static class TeacherLabels
{
    /// <summary>The registry's form and grid say 男性 / 女性 (the manual's wording), not the short 男 / 女.</summary>
    public static string GenderLabel(Gender gender) => gender switch
    {
        Gender.Male => "男性",
        Gender.Female => "女性",
        _ => throw new ArgumentOutOfRangeException(nameof(gender), gender, null),
    };

    public static string StatusLabel(bool enabled) => enabled ? "启用" : "禁用";
}
