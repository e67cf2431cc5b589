using CeAdmin.Domain.Common;
using CeAdmin.Domain.ReferenceData;
using FluentValidation;

namespace CeAdmin.Domain.Records;

/// <summary>One person of a class's 结业名单.</summary>
public sealed class RosterEntry
{
    public string? Name { get; set; }
    /// <summary>男 / 女.</summary>
    public string? Gender { get; set; }
    public string? IdNumber { get; set; }
    /// <summary>工作单位 of the trainee.</summary>
    public string? WorkUnit { get; set; }
    /// <summary>所属地区 of the trainee's 工作单位 (province, city or county code): it decides the record's scope and 主管部门.</summary>
    public string? RegionCode { get; set; }
    /// <summary>考核结果: 合格 / 不合格.</summary>
    public string? Result { get; set; }
    /// <summary>Where 工作单位 and 所属地区 were filled in from, shown beside them so that no default goes unseen (not saved).</summary>
    public string? FilledFrom { get; set; }
}

/// <summary>The 结业名单 an institution enters after a class has ended.</summary>
public sealed class RosterForm
{
    public const int MaxEntries = 500;
    public List<RosterEntry> Entries { get; set; } = [];
}

public sealed class RosterEntryValidator : FormValidator<RosterEntry>
{
    public const int WorkUnitMax = 100;

    public RosterEntryValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("请输入姓名").PersonName();
        RuleFor(x => x.Gender).NotEmpty().WithMessage("请选择性别")
            .Must(g => g is null || RecordValues.Genders.Contains(g)).WithMessage("性别只能为男或女");
        RuleFor(x => x.IdNumber).NotEmpty().WithMessage("请输入公民身份号码").IdNumber();
        RuleFor(x => x.Gender)
            .Must((e, g) => GenderMatches(e.IdNumber, g)).WithMessage("性别与公民身份号码不符")
            .When(e => Common.IdNumber.IsValid(e.IdNumber) && RecordValues.Genders.Contains(e.Gender ?? ""));
        RuleFor(x => x.WorkUnit).NotEmpty().WithMessage("请输入工作单位").MaxChars(WorkUnitMax, "工作单位");
        RuleFor(x => x.RegionCode).NotEmpty().WithMessage("请选择所属地区")
            .Must(code => code is null || ReferenceCatalog.FindRegion(code) is not null).WithMessage("所属地区不是广东省的行政区划");
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
