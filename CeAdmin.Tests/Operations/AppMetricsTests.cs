using System.Diagnostics.Metrics;
using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Operations;
using CeAdmin.Domain.Organizations;
using CeAdmin.Domain.Records;
using CeAdmin.Tests.Infrastructure;
using CeAdmin.Tests.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace CeAdmin.Tests.Operations;

/// <summary>The app's own counters, as the services record them (each test app has its own meter).</summary>
public sealed class AppMetricsTests : IntegrationTest
{
    private MetricCollector<T> Collect<T>(string instrument) where T : struct =>
        new(App.Get<IMeterFactory>(), AppMetrics.MeterName, instrument);

    [Fact]
    public async Task A_saved_decision_is_counted_by_kind_and_decision_and_a_refused_one_is_not()
    {
        var scenario = new AuthorityScenario(App);
        var chain = await scenario.ProvinceAndCityAsync();
        var county = await scenario.UnitAsync("广州市天河区教育局", UnitKind.Authority, "440106");
        var caseId = await scenario.CaseIdAsync(await scenario.ApplyAsync(county, AffiliationLevel.County, "440106", chain.CityId));
        using var decisions = Collect<long>("ceadmin.review.decisions");

        await App.As<ReviewService>(chain.City).DecideAsync(caseId, ReviewDecision.RejectAndReturn, "请补充材料");
        await Assert.ThrowsAsync<DomainException>(() => App.As<ReviewService>(chain.City).DecideAsync(caseId, ReviewDecision.Approve, null));

        var counted = Assert.Single(decisions.GetMeasurementSnapshot());
        Assert.Equal(1, counted.Value);
        Assert.Equal("AuthorityApplication", counted.Tags["review.kind"]);
        Assert.Equal("RejectAndReturn", counted.Tags["review.decision"]);
    }

    [Fact]
    public async Task A_refused_import_is_counted_as_refused()
    {
        var scenario = new AuthorityScenario(App);
        var chain = await scenario.ProvinceAndCityAsync();
        using var imports = Collect<long>("ceadmin.record_imports");

        await Assert.ThrowsAsync<DomainException>(() => App.As<RecordImportService>(chain.City).ImportAsync(new MemoryStream("姓名,性别"u8.ToArray())));

        Assert.Equal("refused", Assert.Single(imports.GetMeasurementSnapshot()).Tags["outcome"]);
    }

    [Fact]
    public async Task Every_database_command_records_its_duration_with_the_provider_and_kind()
    {
        using var commands = Collect<double>("ceadmin.db.command.duration");

        await using (var db = App.Db())
            await db.Regions.CountAsync();

        var measured = Assert.Single(commands.GetMeasurementSnapshot());
        Assert.InRange(measured.Value, 0, 30);
        Assert.Equal(TestApp.PostgresServer is { Length: > 0 } ? "postgresql" : "sqlite", measured.Tags["db.system.name"]);
        Assert.Equal("reader", measured.Tags["db.operation.name"]);
    }
}
