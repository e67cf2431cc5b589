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
    }
}
