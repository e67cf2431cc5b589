using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Records;
using CeAdmin.Domain.Statistics;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Statistics;

/// <summary>统计分析 against the same numbers counted in memory, inside each supervisor's scope.</summary>
public sealed class StatisticsTests() : IntegrationTest(demo: true)
{
    [Fact]
    public async Task City_numbers_match_the_records_and_drill_down_to_districts()
    {
        var service = App.As<StatisticsService>(await App.DemoActorAsync("gz_edu"));
        var report = await service.GetAsync(new StatisticsQuery("440100", Year: 2025));

        await using var db = App.Db();
        var records = await db.CeRecords.AsNoTracking().Where(r => r.RegionCode.StartsWith("4401") && r.SeriesId == 1 && r.Year == 2025).ToListAsync();
        var passed = records.Where(r => r.Result == RecordValues.Passed).ToList();
        var people = passed.GroupBy(r => r.IdNumber).Select(g => g.Sum(r => r.Hours)).ToList();
        decimal Of(IGrouping<string, CeRecord> g, string type) => g.Where(r => r.SubjectType == type).Sum(r => r.Hours);
        // 达标 (docs/compliance.md): 公需 30, 专业 42, and 选修 18 to which 专业 hours above 42 count.
        var met = passed.GroupBy(r => r.IdNumber).Count(g => Of(g, RecordValues.Public) >= 30 && Of(g, RecordValues.Professional) >= 42
            && Of(g, RecordValues.Elective) + Of(g, RecordValues.Professional) - 42 >= 18);

        Assert.Equal(records.Count, report.Total.Records);
        Assert.Equal(passed.Sum(r => r.Hours), report.Total.Hours);
        Assert.Equal(people.Count, report.Total.People.People);
        Assert.Equal(met, report.Total.People.MetAnnual);
        Assert.Equal(passed.GroupBy(r => r.IdNumber).Count(g => g.Where(r => r.SubjectType == RecordValues.Public).Sum(r => r.Hours) >= 30), report.Total.People.MetPublic);
        Assert.InRange(report.Total.MetShare, 0.01, 0.99);
        Assert.Equal(90, report.Rule!.AnnualRequired);

        Assert.Equal(["广州市"], report.Breadcrumb.Select(r => r.Name));
        Assert.Contains(report.ByRegion, r => r.Label == "天河区" && r.Records == records.Count(x => x.RegionCode == "440106"));
        Assert.Contains(report.ByRegion, r => r.Label == "广州市（本级）");
        Assert.Equal(records.Count, report.ByRegion.Sum(r => r.Records));
        Assert.Equal(["高等学校教师"], report.BySeries.Select(r => r.Label));
        Assert.Equal(["2025年度"], report.ByYear.Select(r => r.Label));

        // This year's plans of Guangzhou in the city's series, counted from their cases' states.
        var thisYear = await service.GetAsync(new StatisticsQuery("440100", Year: 2026));
        await using (var check = App.Db())
        {
            var plans = await (from p in check.TrainingPlans
                               join c in check.ReviewCases on new { K = ReviewKind.TrainingPlan, S = p.Id } equals new { K = c.Kind, S = c.SubjectId }
                               where p.Year == 2026 && p.RegionCode.StartsWith("4401") && p.SeriesId == 1
                               select new { p.Id, c.Status }).ToListAsync();
            var approved = plans.Where(p => p.Status == ReviewStatus.Approved).Select(p => p.Id).ToList();
            var classes = await check.TrainingClasses.Where(c => approved.Contains(c.PlanId)).Select(c => c.PlannedEnrolment).ToListAsync();
            Assert.Equal((plans.Count(p => p.Status != ReviewStatus.Draft), approved.Count), (thisYear.Total.PlansSubmitted, thisYear.Total.PlansApproved));
            Assert.Equal((classes.Count, classes.Sum()), (thisYear.Total.Classes, thisYear.Total.PlannedEnrolment));
            Assert.True(approved.Count > 0);
        }

        Assert.All(report.ByRegion.Where(r => r.Key != "440100"), r => Assert.True(r.CanDrill));
        var tianhe = await service.GetAsync(new StatisticsQuery("440106", Year: 2025));
        Assert.Equal(["广州市", "天河区"], tianhe.Breadcrumb.Select(r => r.Name));
        Assert.Equal(records.Count(x => x.RegionCode == "440106"), tianhe.Total.Records);
    }

    [Fact]
    public async Task Scope_bounds_the_region_and_series_and_the_province_sees_cities()
    {
        var city = App.As<StatisticsService>(await App.DemoActorAsync("gz_edu"));
        await Assert.ThrowsAsync<ScopeException>(() => city.GetAsync(new StatisticsQuery("440300")));
        await Assert.ThrowsAsync<ScopeException>(() => city.GetAsync(new StatisticsQuery("440000")));
        await Assert.ThrowsAsync<ScopeException>(() => city.GetAsync(new StatisticsQuery("440100", SeriesId: 6)));
        await Assert.ThrowsAsync<ScopeException>(async () => await App.As<StatisticsService>(await App.DemoActorAsync("gz_train")).GetAsync(new StatisticsQuery("440104")));

        var province = await App.As<StatisticsService>(await App.DemoActorAsync("gd_edu")).GetAsync(new StatisticsQuery("440000"));
        // The 21 prefecture-level cities, and the province's own row where the province itself has data.
        Assert.Equal(21, province.ByRegion.Count(r => !r.Label.EndsWith("（本级）")));
        Assert.True(province.ByRegion.Single(r => r.Label == "广州市").CanDrill);
        Assert.True(province.ByRegion.Single(r => r.Label == "东莞市").CanDrill);
        Assert.Equal(["高等学校教师"], province.BySeries.Select(r => r.Label));
        Assert.Equal(4, province.ByYear.Count); // the last three years and 2020 (the 72-学时 era)

        var hrss = await App.As<StatisticsService>(await App.DemoActorAsync("hrss_reviewer")).GetAsync(new StatisticsQuery("440000"));
        Assert.Equal(["高等学校教师", "中小学教师", "卫生技术人员"], hrss.BySeries.Select(r => r.Label));
        Assert.True(hrss.Total.Records > province.Total.Records);
        var health = await App.As<StatisticsService>(await App.DemoActorAsync("hrss_reviewer")).GetAsync(new StatisticsQuery("440000", SeriesId: 6));
        Assert.Equal(["卫生技术人员"], health.BySeries.Select(r => r.Label));
    }
}
