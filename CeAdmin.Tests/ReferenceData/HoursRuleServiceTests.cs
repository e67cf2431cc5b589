using CeAdmin.Domain.Common;
using CeAdmin.Domain.ReferenceData;
using CeAdmin.Tests.Infrastructure;

namespace CeAdmin.Tests.ReferenceData;

/// <summary>The per-year hours rule is a setting the HRSS department changes, and the rule book reads it.</summary>
public sealed class HoursRuleServiceTests() : IntegrationTest(demo: true)
{
    private static HoursRuleForm Form(int year, int perDay) => new()
    {
        Year = year, HoursPerDay = perDay, MinutesPerHour = 45, AnnualRequired = 90, PublicRequired = 30, ProfessionalRequired = 42, ElectiveRequired = 18,
    };

    [Fact]
    public async Task Hrss_changes_a_years_rule_and_plans_read_it()
    {
        var hrss = App.As<HoursRuleService>(await App.DemoActorAsync("hrss_reviewer"));
        await using (var db = App.Db())
            Assert.Equal(8, (await HoursRuleBook.LoadAsync(db)).For(2031).HoursPerDay);

        await hrss.SaveAsync(Form(2031, 6));
        await using (var db = App.Db())
        {
            var book = await HoursRuleBook.LoadAsync(db);
            Assert.Equal(6, book.For(2031).HoursPerDay);
            Assert.Equal(6, book.For(2035).HoursPerDay);
            Assert.Equal(8, book.For(2026).HoursPerDay);
        }
        Assert.Contains(await hrss.ListAsync(), r => r.Year == 2031 && r.HoursPerDay == 6);
    }

    [Fact]
    public async Task Authorities_may_read_but_not_change_and_bad_input_is_refused()
    {
        var authority = App.As<HoursRuleService>(await App.DemoActorAsync("gd_edu"));
        Assert.NotEmpty(await authority.ListAsync());
        await Assert.ThrowsAsync<ScopeException>(() => authority.SaveAsync(Form(2031, 6)));

        var hrss = App.As<HoursRuleService>(await App.DemoActorAsync("hrss_reviewer"));
        var bad = Form(2031, 20);
        bad.AnnualRequired = 100;
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => hrss.SaveAsync(bad));
        Assert.Equal(["AnnualRequired", "HoursPerDay"], refused.Errors.Keys.Order().ToArray());
        Assert.DoesNotContain(await hrss.ListAsync(), r => r.Year == 2031);
    }
}
