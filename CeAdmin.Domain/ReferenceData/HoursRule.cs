namespace CeAdmin.Domain.ReferenceData;

/// <summary>
/// The hours rule of one year (学时规定): how many class hours a training day counts and what a
/// person must complete in the year. Guangdong changed it in 2021, so it is a per-year setting.
/// </summary>
public sealed class HoursRule
{
    public int Year { get; init; }
    public int HoursPerDay { get; set; }
    public int MinutesPerHour { get; set; } = 45;
    public int AnnualRequired { get; set; }
    public int PublicRequired { get; set; }
    public int ProfessionalRequired { get; set; }
    public int ElectiveRequired { get; set; }

    /// <summary>Hours of 专业科目 above its requirement count toward 选修 (docs/compliance.md).</summary>
    public bool ProfessionalExcessCountsAsElective { get; set; } = true;
    /// <summary>
    /// Hours of 公需科目 above its requirement count toward 选修. Off where the national rule (专业科目 at
    /// least two thirds) applies: surplus 公需 hours would otherwise replace professional ones.
    /// </summary>
    public bool PublicExcessCountsAsElective { get; set; }

    /// <summary>Records of this year may be reported (roster, import) until this day, e.g. 01-31 of the next year.</summary>
    public DateOnly ReportingDeadline { get; set; }
    /// <summary>A review (plans, qualifications, applications) should be decided within this many working days.</summary>
    public int ReviewWorkingDays { get; set; } = 10;
    /// <summary>A plan's classes should be approved at least this many days before the first class starts.</summary>
    public int PlanLeadDays { get; set; } = 7;

    /// <summary>The form hint, e.g. "注:一天6学时 一个学时为45分钟".</summary>
    public string Hint => $"注:一天{HoursPerDay}学时 一个学时为{MinutesPerHour}分钟";

    public decimal MaxHoursFor(decimal days) => days * HoursPerDay;

    /// <summary>保存 of 学时规定 (validated).</summary>
    public void Update(HoursRuleForm form)
    {
        HoursPerDay = form.HoursPerDay!.Value;
        MinutesPerHour = form.MinutesPerHour!.Value;
        AnnualRequired = form.AnnualRequired!.Value;
        PublicRequired = form.PublicRequired!.Value;
        ProfessionalRequired = form.ProfessionalRequired!.Value;
        ElectiveRequired = form.ElectiveRequired!.Value;
        ProfessionalExcessCountsAsElective = form.ProfessionalExcessCountsAsElective;
        PublicExcessCountsAsElective = form.PublicExcessCountsAsElective;
        ReportingDeadline = form.ReportingDeadline ?? new DateOnly(Year + 1, 1, 31);
        ReviewWorkingDays = form.ReviewWorkingDays!.Value;
        PlanLeadDays = form.PlanLeadDays!.Value;
    }
}
