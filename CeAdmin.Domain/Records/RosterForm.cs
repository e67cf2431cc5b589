using CeAdmin.Domain.Common;
using FluentValidation;

namespace CeAdmin.Domain.Records;

/// <summary>One person of a class's 结业名单.</summary>
public sealed class RosterEntry
{
    public string? Name { get; set; }
    /// <summary>男 / 女.</summary>
    public string? Gender { get; set; }
    public string? IdNumber { get; set; }
    /// <summary>考核结果: 合格 / 不合格.</summary>
    public string? Result { get; set; }
}

/// <summary>The 结业名单 an institution enters after a class has ended.</summary>
public sealed class RosterForm
{
    public const int MaxEntries = 500;
    public List<RosterEntry> Entries { get; set; } = [];
}

public sealed class RosterEntryValidator : FormValidator<RosterEntry>
{
    public RosterEntryValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("请输入姓名").MaxChars(50, "姓名");
        RuleFor(x => x.Gender).NotEmpty().WithMessage("请选择性别")
            .Must(g => g is null || RecordValues.Genders.Contains(g)).WithMessage("性别只能为男或女");
        RuleFor(x => x.IdNumber).NotEmpty().WithMessage("请输入公民身份号码").IdNumber();
        RuleFor(x => x.Gender)
            .Must((e, g) => GenderMatches(e.IdNumber, g)).WithMessage("性别与公民身份号码不符")
            .When(e => Common.IdNumber.IsValid(e.IdNumber) && RecordValues.Genders.Contains(e.Gender ?? ""));
        RuleFor(x => x.Result).NotEmpty().WithMessage("请选择考核结果")
            .Must(r => r is null || RecordValues.Results.Contains(r)).WithMessage("考核结果只能为合格或不合格");
    }

    /// <summary>The 17th digit of an ID number is odd for men (GB 11643).</summary>
    public static bool GenderMatches(string? idNumber, string? gender) =>
        Common.IdNumber.GenderOf(idNumber ?? "") is not { } g || (g == Common.Gender.Male ? RecordValues.Male : RecordValues.Female) == gender;
}

public sealed class RosterFormValidator : FormValidator<RosterForm>
{
    public RosterFormValidator()
    {
        RuleFor(x => x.Entries).NotEmpty().WithMessage("请至少录入一名学员")
            .Must(e => e.Count <= RosterForm.MaxEntries).WithMessage($"一次最多录入{RosterForm.MaxEntries}名学员");
        RuleForEach(x => x.Entries).SetValidator(new RosterEntryValidator());
        RuleFor(x => x).Custom((form, context) =>
        {
            var seen = new HashSet<string>();
            for (var i = 0; i < form.Entries.Count; i++)
            {
                var id = form.Entries[i].IdNumber;
                if (!string.IsNullOrWhiteSpace(id) && !seen.Add(Common.IdNumber.Normalize(id)))
                    context.AddFailure($"Entries[{i}].IdNumber", "名单中公民身份号码重复");
            }
        });
    }
}
