using CeAdmin.Domain.Common;
using CeAdmin.Domain.Plans;
using CeAdmin.Domain.ReferenceData;

namespace CeAdmin.Tests.Plans;

/// <summary>The hours rule is the plan year's: 6 学时 a day in 2018, 8 from 2021; and the date rules.</summary>
public sealed class PlanRulesTests
{
    private static readonly HoursRuleBook Rules = HoursRuleBook.Default;

    private static PlanForm Form(int year, decimal days, decimal hours) => new()
    {
        CatalogCourseId = 1, Year = year, Name = "计划", Days = days, Hours = hours, PlannedSessions = 1,
        StartDate = new DateTime(year, 9, 1), EndDate = new DateTime(year, 9, 30), Content = "内容", Audience = "对象",
    };

    [Theory]
    [InlineData(2018, 2, 12, true)]   // the manual's example: 2 days, 12 学时
    [InlineData(2018, 2, 13, false)]
    [InlineData(2018, 1.5, 9, true)]
    [InlineData(2026, 2, 16, true)]
    [InlineData(2026, 2, 16.5, false)]
    [InlineData(2026, 1, 8, true)]
    public void Hours_cannot_exceed_days_times_the_years_hours_per_day(int year, double days, double hours, bool valid)
    {
        var result = new PlanFormValidator(Rules, TimeProvider.System).Validate(Form(year, (decimal)days, (decimal)hours));
        Assert.Equal(valid, result.Errors.All(e => e.PropertyName != nameof(PlanForm.Hours)));
    }

    [Fact]
    public void The_message_and_hint_name_the_years_rule()
    {
        var errors = new PlanFormValidator(Rules, TimeProvider.System).Validate(Form(2018, 2, 13)).Errors;
        Assert.Equal("继续教育学时不能超过12学时（2018年度规定一天6学时，2天）", errors.Single(e => e.PropertyName == "Hours").ErrorMessage);
        Assert.Equal("注:一天6学时 一个学时为45分钟", Rules.For(2018).Hint);
        Assert.Equal("注:一天8学时 一个学时为45分钟", Rules.For(2026).Hint);
    }

    [Fact]
    public void A_year_without_its_own_rule_follows_the_latest_earlier_one()
    {
        var book = new HoursRuleBook([new HoursRule { Year = 2016, HoursPerDay = 6 }, new HoursRule { Year = 2021, HoursPerDay = 8 }]);
        Assert.Equal(6, book.For(2019).HoursPerDay);
        Assert.Equal(8, book.For(2030).HoursPerDay);
        Assert.Equal(6, book.For(2010).HoursPerDay);
    }

    [Fact]
    public void An_administrator_changing_a_years_rule_changes_the_limit()
    {
        var stricter = new HoursRuleBook([new HoursRule { Year = 2026, HoursPerDay = 6 }]);
        Assert.Contains(new PlanFormValidator(stricter, TimeProvider.System).Validate(Form(2026, 2, 16)).Errors, e => e.PropertyName == "Hours");
    }

    [Fact]
    public void End_before_start_and_a_start_outside_the_year_are_refused()
    {
        var form = Form(2026, 2, 12);
        form.EndDate = new DateTime(2026, 8, 1);
        var errors = new PlanFormValidator(Rules, TimeProvider.System).Validate(form).Errors;
        Assert.Contains(errors, e => e.ErrorMessage == "计划完成时间不能早于计划开始时间");
        form = Form(2026, 2, 12);
        form.StartDate = new DateTime(2025, 12, 30);
        Assert.Contains(new PlanFormValidator(Rules, TimeProvider.System).Validate(form).Errors, e => e.ErrorMessage == "计划开始时间应在计划年度内");
    }

    [Theory]
    [InlineData("2026-09-01", "2026-09-30", true)]
    [InlineData("2026-09-05", "2026-09-06", true)]
    [InlineData("2026-08-31", "2026-09-10", false)]
    [InlineData("2026-09-10", "2026-10-01", false)]
    [InlineData("2026-09-10", "2026-09-09", false)]
    public void A_class_lies_inside_its_plan(string start, string end, bool inside)
    {
        Assert.Equal(inside, PlanRules.InsidePlan(DateOnly.Parse(start), DateOnly.Parse(end), new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 30)));
    }

    [Fact]
    public void Half_days_are_allowed_other_fractions_are_not()
    {
        ValidationSetup.UseChinese();
        Assert.DoesNotContain(new PlanFormValidator(Rules, TimeProvider.System).Validate(Form(2026, 1.5m, 8)).Errors, e => e.PropertyName == "Days");
        Assert.Contains(new PlanFormValidator(Rules, TimeProvider.System).Validate(Form(2026, 1.3m, 8)).Errors, e => e.ErrorMessage == "培训天数以0.5天为单位");
    }
}
