using CeAdmin.Domain.Compliance;
using CeAdmin.Domain.ReferenceData;

namespace CeAdmin.Tests.Compliance;

/// <summary>The rule of 达标 in both eras of the seeded 学时规定 (docs/compliance.md), evaluated in memory.</summary>
public sealed class ComplianceRuleTests
{
    private static HoursTally<int> Tally(int year, double pub, double prof, double elective, HoursRule? rule = null)
    {
        rule ??= HoursRuleBook.Default.For(year);
        return new HoursTally<int>
        {
            Year = year, Public = pub, Professional = prof, Elective = elective,
            AnnualRequired = rule.AnnualRequired, PublicRequired = rule.PublicRequired, ProfessionalRequired = rule.ProfessionalRequired,
            ElectiveRequired = rule.ElectiveRequired, ProfessionalExcessCountsAsElective = rule.ProfessionalExcessCountsAsElective,
            PublicExcessCountsAsElective = rule.PublicExcessCountsAsElective,
        };
    }

    [Theory]
    // From 2021: 90 = 公需 30 + 专业 42 + 选修 18.
    [InlineData(2023, 30, 42, 18, true, "")]
    [InlineData(2023, 30, 60, 0, true, "")] // 专业 above its 42 counts toward 选修
    [InlineData(2023, 48, 42, 0, false, "选修科目差18学时")] // 公需 above its 30 does not (专业 at least two thirds)
    [InlineData(2023, 24, 50, 20, false, "公需科目差6学时")] // 94 in all, yet 公需 short
    [InlineData(2023, 30, 40, 30, false, "专业科目差2学时")] // 选修 never replaces 专业
    [InlineData(2023, 30, 42, 10, false, "选修科目差8学时")]
    // Before 2021: 72 = 18 + 42 + 12.
    [InlineData(2019, 18, 42, 12, true, "")]
    [InlineData(2019, 18, 54, 0, true, "")]
    [InlineData(2019, 18, 42, 11.5, false, "选修科目差0.5学时")]
    [InlineData(2019, 12, 42, 12, false, "公需科目差6学时")]
    public void A_person_year_is_met_by_its_years_rule(int year, double pub, double prof, double elective, bool met, string missing)
    {
        var tally = Tally(year, pub, prof, elective);
        Assert.Equal(met, ComplianceRule.IsMet(tally));
        Assert.Equal(missing, ComplianceRule.Missing(tally));
    }

    [Fact]
    public void How_excess_hours_count_is_the_years_setting()
    {
        var rule = HoursRuleBook.Default.For(2023);
        var strict = new HoursRule
        {
            Year = 2023, AnnualRequired = rule.AnnualRequired, PublicRequired = rule.PublicRequired, ProfessionalRequired = rule.ProfessionalRequired,
            ElectiveRequired = rule.ElectiveRequired, ProfessionalExcessCountsAsElective = false, PublicExcessCountsAsElective = false,
        };
        Assert.False(ComplianceRule.IsMet(Tally(2023, 30, 60, 0, strict)));
        Assert.Equal("选修科目差18学时", ComplianceRule.Missing(Tally(2023, 30, 60, 0, strict)));
        var generous = new HoursRule
        {
            Year = 2023, AnnualRequired = 90, PublicRequired = 30, ProfessionalRequired = 42, ElectiveRequired = 18,
            ProfessionalExcessCountsAsElective = true, PublicExcessCountsAsElective = true,
        };
        Assert.True(ComplianceRule.IsMet(Tally(2023, 48, 42, 0, generous)));
    }

    [Fact]
    public void The_form_refuses_a_public_requirement_above_a_third()
    {
        var form = HoursRuleForm.From(HoursRuleBook.Default.For(2023));
        form.PublicRequired = 40;
        form.ProfessionalRequired = 32;
        var errors = new HoursRuleFormValidator().Validate(form).Errors.Select(e => e.ErrorMessage).ToList();
        Assert.Contains("公需科目学时不得超过年度应修学时的三分之一（专业科目不少于三分之二）", errors);
        Assert.Empty(new HoursRuleFormValidator().Validate(HoursRuleForm.From(HoursRuleBook.Default.For(2019))).Errors);
    }
}
