using CeAdmin.Domain.Common;
using CeAdmin.Domain.Compliance;
using CeAdmin.Domain.Records;
using CeAdmin.Domain.Statistics;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using static CeAdmin.Tests.Compliance.CompliancePeople;

namespace CeAdmin.Tests.Compliance;

/// <summary>个人学时达标查询 on the database: the rule in SQL, the filters, the scope, the detail, the export, and 统计分析 agreeing.</summary>
public sealed class ComplianceQueryTests() : IntegrationTest(demo: true)
{
    private const int HigherEducation = 1;

    private async Task SeedAsync()
    {
        await using var db = App.Db();
        await AddAsync(db,
            Person("达标甲", Id("440106", 901), "440106", HigherEducation, 2023, 30, 50, 10),     // 专业 excess fills 选修
            Person("未达标乙", Id("440106", 902), "440106", HigherEducation, 2023, 48, 42, 0),    // 公需 excess does not
            Person("未达标丙", Id("440104", 903), "440104", HigherEducation, 2023, 24, 50, 20),
            Person("达标丁", Id("440104", 904), "440104", HigherEducation, 2019, 18, 42, 12),     // the 72-hour era
            Person("未达标戊", Id("440104", 905), "440104", HigherEducation, 2019, 18, 40, 14),
            Person("不合格己", Id("440104", 906), "440104", HigherEducation, 2023, 30, 42, 18, RecordValues.Failed),
            Person("深圳庚", Id("440304", 907), "440304", HigherEducation, 2023, 30, 42, 18));
    }

    private static readonly string[] Seeded = ["达标甲", "未达标乙", "未达标丙", "达标丁", "未达标戊", "不合格己", "深圳庚"];

    /// <summary>The rows of the seeded people the actor sees (by name: the demo data holds many more).</summary>
    private async Task<List<ComplianceRow>> RowsAsync(Actor actor)
    {
        var rows = new List<ComplianceRow>();
        foreach (var name in Seeded)
        {
            var page = await App.As<ComplianceService>(actor).QueryAsync(new ComplianceFilter(PersonName: name), new PageRequest(0, 50), includeTotal: true);
            Assert.Equal(page.Total, page.Items.Count);
            rows.AddRange(page.Items);
        }
        return rows;
    }

    [Fact]
    public async Task The_query_applies_the_rule_by_year_and_the_filters()
    {
        await SeedAsync();
        var gz = await App.DemoActorAsync("gz_edu");

        var mine = await RowsAsync(gz);
        var byName = mine.ToDictionary(r => r.PersonName);
        Assert.True(byName["达标甲"].Met);
        Assert.False(byName["未达标乙"].Met);
        Assert.Equal("选修科目差18学时", byName["未达标乙"].Missing);
        Assert.False(byName["未达标丙"].Met);
        Assert.True(byName["达标丁"].Met);
        Assert.Equal(72, byName["达标丁"].Required);
        Assert.Equal("专业科目差2学时", byName["未达标戊"].Missing);
        Assert.DoesNotContain("不合格己", byName.Keys); // hours of 不合格 records count nowhere
        Assert.DoesNotContain("深圳庚", byName.Keys); // another city
        Assert.All(mine, r => Assert.Contains("*", r.MaskedIdNumber));

        var met2023 = await App.As<ComplianceService>(gz).QueryAsync(new ComplianceFilter(Year: 2023, Status: ComplianceStatus.Met, PersonName: "达标甲"), new PageRequest(), true);
        Assert.Equal(["达标甲"], met2023.Items.Select(r => r.PersonName));
        var notMetTianhe = await App.As<ComplianceService>(gz).QueryAsync(new ComplianceFilter(RegionCode: "440106", Status: ComplianceStatus.NotMet, PersonName: "未达标乙"), new PageRequest(), true);
        Assert.Equal(1, notMetTianhe.Total);
        var notInYuexiu = await App.As<ComplianceService>(gz).QueryAsync(new ComplianceFilter(RegionCode: "440104", PersonName: "未达标乙"), new PageRequest(), true);
        Assert.Equal(0, notInYuexiu.Total);
    }

    [Fact]
    public async Task The_detail_lists_the_records_behind_the_totals_and_refuses_another_city()
    {
        await SeedAsync();
        var gz = await App.DemoActorAsync("gz_edu");
        var row = (await App.As<ComplianceService>(gz).QueryAsync(new ComplianceFilter(PersonName: "达标甲"), new PageRequest(), true)).Items.Single();

        var detail = await App.As<ComplianceService>(gz).DetailAsync(row.RecordId);
        Assert.Equal(3, detail.Records.Count);
        Assert.Equal(90m, detail.Records.Sum(r => r.Hours));
        Assert.Equal((30m, 50m, 10m, 90m), (detail.Totals.Public, detail.Totals.Professional, detail.Totals.Elective, detail.Totals.Total));
        Assert.True(detail.Totals.Met);

        await Assert.ThrowsAsync<ScopeException>(async () => await App.As<ComplianceService>(await App.DemoActorAsync("fs_edu")).DetailAsync(row.RecordId));
        await Assert.ThrowsAsync<ScopeException>(async () => await App.As<ComplianceService>(await App.DemoActorAsync("gz_train")).DetailAsync(row.RecordId));
    }

    [Fact]
    public async Task The_export_writes_every_row_of_the_filter_with_masked_id_numbers()
    {
        await SeedAsync();
        var gz = await App.DemoActorAsync("gz_edu");
        using var xlsx = new MemoryStream();
        await App.As<ComplianceService>(gz).ExportAsync(new ComplianceFilter(Year: 2019), xlsx, null);
        xlsx.Position = 0;
        var rows = xlsx.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var total = (await App.As<ComplianceService>(gz).QueryAsync(new ComplianceFilter(Year: 2019), new PageRequest(), true)).Total;
        Assert.Equal(total, rows.Count);
        var ding = rows.Single(r => (string)r["姓名"] == "达标丁");
        Assert.Equal("达标", ding["达标状态"]);
        Assert.DoesNotContain(Id("440104", 904), string.Join(",", rows.SelectMany(r => r.Values).Select(v => v?.ToString())));
        Assert.Contains("*", (string)ding["公民身份号码"]);
    }

    [Theory]
    [InlineData(2020, 72)] // the 72-学时 era
    [InlineData(2025, 90)]
    public async Task The_demo_has_people_who_meet_and_who_miss_in_both_eras(int year, int required)
    {
        var gz = App.As<ComplianceService>(await App.DemoActorAsync("gz_edu"));
        var met = await gz.QueryAsync(new ComplianceFilter(Year: year, Status: ComplianceStatus.Met), new PageRequest(0, 5), true);
        var notMet = await gz.QueryAsync(new ComplianceFilter(Year: year, Status: ComplianceStatus.NotMet), new PageRequest(0, 5), true);
        Assert.True(met.Total > 0 && notMet.Total > 0, $"{year}: {met.Total} met, {notMet.Total} not");
        Assert.All(met.Items.Concat(notMet.Items), r => Assert.Equal(required, r.Required));
        Assert.All(notMet.Items, r => Assert.NotEmpty(r.Missing));
    }

    [Theory]
    [InlineData("440100", 2023, null)]
    [InlineData("440106", 2023, null)]
    [InlineData("440100", null, null)]
    [InlineData("440100", 2020, null)]
    [InlineData("440000", 2025, "hrss")]
    public async Task Statistics_and_the_query_count_the_same_people_as_met(string region, int? year, string? who)
    {
        await SeedAsync();
        var actor = await App.DemoActorAsync(who == "hrss" ? "hrss_reviewer" : "gz_edu");
        var report = await App.As<StatisticsService>(actor).GetAsync(new StatisticsQuery(region, year));
        var filter = new ComplianceFilter(region, report.Query.SeriesId, year);
        var met = await App.As<ComplianceService>(actor).QueryAsync(filter with { Status = ComplianceStatus.Met }, new PageRequest(), true);
        var all = await App.As<ComplianceService>(actor).QueryAsync(filter, new PageRequest(), true);

        Assert.Equal(report.Total.People.MetAnnual, met.Total);
        Assert.Equal(report.Total.People.People, all.Total);
        Assert.True(report.Total.People.People > report.Total.People.MetAnnual, "the data holds people who miss the requirement");
        Assert.True(met.Total > 0);
        // Each year row of the view opens the same count.
        foreach (var y in report.ByYear)
        {
            var ofYear = await App.As<ComplianceService>(actor).QueryAsync(new ComplianceFilter(region, report.Query.SeriesId, int.Parse(y.Key), ComplianceStatus.Met), new PageRequest(), true);
            Assert.Equal(y.People.MetAnnual, ofYear.Total);
        }
    }
}
