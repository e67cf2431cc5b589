using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Organizations;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.ReferenceData;

/// <summary>学时规定 of one year as the form edits it.</summary>
public sealed class HoursRuleForm
{
    public int? Year { get; set; }
    public int? HoursPerDay { get; set; }
    public int? MinutesPerHour { get; set; } = 45;
    public int? AnnualRequired { get; set; }
    public int? PublicRequired { get; set; }
    public int? ProfessionalRequired { get; set; }
    public int? ElectiveRequired { get; set; }
    public bool ProfessionalExcessCountsAsElective { get; set; } = true;
    public bool PublicExcessCountsAsElective { get; set; }
    /// <summary>Empty means 01-31 of the next year.</summary>
    public DateOnly? ReportingDeadline { get; set; }
    public int? ReviewWorkingDays { get; set; } = 10;
    public int? PlanLeadDays { get; set; } = 7;

    public static HoursRuleForm From(HoursRule r) => new()
    {
        Year = r.Year, HoursPerDay = r.HoursPerDay, MinutesPerHour = r.MinutesPerHour, AnnualRequired = r.AnnualRequired,
        PublicRequired = r.PublicRequired, ProfessionalRequired = r.ProfessionalRequired, ElectiveRequired = r.ElectiveRequired,
        ProfessionalExcessCountsAsElective = r.ProfessionalExcessCountsAsElective, PublicExcessCountsAsElective = r.PublicExcessCountsAsElective,
        ReportingDeadline = r.ReportingDeadline, ReviewWorkingDays = r.ReviewWorkingDays, PlanLeadDays = r.PlanLeadDays,
    };
}

public sealed class HoursRuleFormValidator : FormValidator<HoursRuleForm>
{
    public HoursRuleFormValidator()
    {
        RuleFor(x => x.Year).NotNull().WithMessage("请输入年度").InclusiveBetween(2000, 2100).WithMessage("年度应在2000-2100之间");
        RuleFor(x => x.HoursPerDay).NotNull().WithMessage("请输入每天学时").InclusiveBetween(1, 12).WithMessage("每天学时应在1-12之间");
        RuleFor(x => x.MinutesPerHour).NotNull().WithMessage("请输入每学时分钟数").InclusiveBetween(30, 60).WithMessage("每学时分钟数应在30-60之间");
        RuleFor(x => x.AnnualRequired).NotNull().WithMessage("请输入年度应修学时").InclusiveBetween(1, 500).WithMessage("年度应修学时应在1-500之间");
        RuleFor(x => x.PublicRequired).NotNull().WithMessage("请输入公需科目学时").GreaterThanOrEqualTo(0).WithMessage("学时不能为负数");
        RuleFor(x => x.ProfessionalRequired).NotNull().WithMessage("请输入专业科目学时").GreaterThanOrEqualTo(0).WithMessage("学时不能为负数");
        RuleFor(x => x.ElectiveRequired).NotNull().WithMessage("请输入选修科目学时").GreaterThanOrEqualTo(0).WithMessage("学时不能为负数");
        RuleFor(x => x.AnnualRequired)
            .Must((f, total) => total == f.PublicRequired + f.ProfessionalRequired + f.ElectiveRequired)
            .WithMessage("年度应修学时应等于公需、专业、选修科目学时之和")
            .When(f => f.AnnualRequired is not null && f.PublicRequired is not null && f.ProfessionalRequired is not null && f.ElectiveRequired is not null);
        // 人社部令第25号 art. 8: 专业科目 at least two thirds, so 公需科目 may ask at most one third of the year.
        RuleFor(x => x.PublicRequired)
            .Must((f, pub) => pub * 3 <= f.AnnualRequired)
            .WithMessage("公需科目学时不得超过年度应修学时的三分之一（专业科目不少于三分之二）")
            .When(f => f.PublicRequired is not null && f.AnnualRequired is not null);
        RuleFor(x => x.ReviewWorkingDays).NotNull().WithMessage("请输入审核期限").InclusiveBetween(1, 60).WithMessage("审核期限应在1-60个工作日之间");
        RuleFor(x => x.PlanLeadDays).NotNull().WithMessage("请输入提前备案天数").InclusiveBetween(0, 90).WithMessage("提前备案天数应在0-90之间");
        RuleFor(x => x.ReportingDeadline)
            .Must((f, d) => d is null || f.Year is null || d.Value.Year > f.Year)
            .WithMessage("申报截止日期应在该年度之后");
    }
}

/// <summary>
/// The per-year hours rules (一天几学时, 年度应修学时) that plans, imports and statistics read. Only the HRSS
/// department maintains them; every unit may read them.
/// </summary>
public sealed class HoursRuleService(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser)
{
    private readonly HoursRuleFormValidator _validator = new();

    public async Task<IReadOnlyList<HoursRule>> ListAsync(CancellationToken ct = default)
    {
        await currentUser.RequireUnitAsync();
        await using var db = dbFactory.CreateDbContext();
        return await db.HoursRules.AsNoTracking().OrderByDescending(r => r.Year).ToListAsync(ct);
    }

    /// <summary>Adds the year's rule or changes it; plans already filed keep the hours they were approved with.</summary>
    public async Task SaveAsync(HoursRuleForm form, CancellationToken ct = default)
    {
        await currentUser.RequireUnitAsync(UnitKind.Hrss);
        await _validator.EnsureValidAsync(form, ct);
        await using var db = dbFactory.CreateDbContext();
        var rule = await db.HoursRules.SingleOrDefaultAsync(r => r.Year == form.Year, ct);
        if (rule is null)
        {
            rule = new HoursRule { Year = form.Year!.Value };
            db.HoursRules.Add(rule);
        }
        rule.Update(form);
        await db.SaveChangesAsync(ct);
    }
}
