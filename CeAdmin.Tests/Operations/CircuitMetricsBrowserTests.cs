using System.Diagnostics.Metrics;
using CeAdmin.Domain.Operations;
using CeAdmin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace CeAdmin.Tests.Operations;

/// <summary>ceadmin.circuits.open and ceadmin.operators.signed_in follow the pages operators open and close.</summary>
[Trait("Category", "Browser")]
[Collection("Browser")]
public sealed class CircuitMetricsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private long Observe(string instrument)
    {
        using var collector = new MetricCollector<int>(browser.Server.Services.GetRequiredService<IMeterFactory>(), AppMetrics.MeterName, instrument);
        collector.RecordObservableInstruments();
        return collector.LastMeasurement?.Value ?? -1;
    }

    private async Task ExpectAsync(long circuits, long operators)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && (Observe("ceadmin.circuits.open"), Observe("ceadmin.operators.signed_in")) != (circuits, operators))
            await Task.Delay(200);
        Assert.Equal((circuits, operators), (Observe("ceadmin.circuits.open"), Observe("ceadmin.operators.signed_in")));
    }

    [Fact]
    public async Task Open_pages_and_the_distinct_operators_behind_them_are_counted()
    {
        await ExpectAsync(0, 0);

        var first = await browser.NewPageAsync();
        await browser.SignInAsync(first, "gz_edu", "广州市教育局");
        var second = await first.Context.NewPageAsync();
        await browser.GotoAsync(second, "/records");
        await ExpectAsync(2, 1);

        var colleague = await browser.NewPageAsync();
        await browser.SignInAsync(colleague, "th_edu", "广州市天河区教育局");
        await ExpectAsync(3, 2);

        await first.Context.CloseAsync();
        await ExpectAsync(1, 1);
        await colleague.Context.CloseAsync();
        await ExpectAsync(0, 0);
    }
}
