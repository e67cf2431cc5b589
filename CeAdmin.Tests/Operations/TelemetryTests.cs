using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;
using CeAdmin.App.Features.Operations;
using CeAdmin.Domain.Operations;
using CeAdmin.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CeAdmin.Tests.Operations;

/// <summary>
/// Telemetry of the real app: off without an OTLP endpoint; with one, traces and metrics (requests, the
/// database commands, the app's own meter) arrive at it over OTLP/HTTP. Health endpoints answer anonymously
/// and say nothing but their state.
/// </summary>
public sealed class TelemetryTests
{
    /// <summary>Stands in for an OpenTelemetry collector: keeps what arrives at /v1/traces and /v1/metrics.</summary>
    private sealed class FakeCollector : IAsyncDisposable
    {
        private readonly WebApplication _app;
        public ConcurrentDictionary<string, ConcurrentBag<byte[]>> Received { get; } = new();

        public FakeCollector()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            _app = builder.Build();
            _app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
            {
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body);
                Received.GetOrAdd(signal, _ => []).Add(body.ToArray());
                return Results.Ok();
            });
            _app.StartAsync().GetAwaiter().GetResult();
            Url = _app.Urls.Single();
        }

        public string Url { get; }

        /// <summary>Whether a payload of <paramref name="signal"/> names <paramref name="text"/> (OTLP protobuf keeps strings as UTF-8).</summary>
        public bool Saw(string signal, string text)
        {
            var needle = Encoding.UTF8.GetBytes(text);
            return Received.TryGetValue(signal, out var bodies) && bodies.Any(b => b.AsSpan().IndexOf(needle) >= 0);
        }

        public ValueTask DisposeAsync() => _app.DisposeAsync();
    }

    [Fact]
    public async Task Without_an_otlp_endpoint_no_telemetry_pipeline_runs()
    {
        await using var server = new AppServer();
        Assert.Null(server.Services.GetService<MeterProvider>());
        Assert.Null(server.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task With_an_otlp_endpoint_requests_database_commands_and_the_apps_meter_are_exported()
    {
        await using var collector = new FakeCollector();
        await using var server = new AppServer(new()
        {
            [Telemetry.EndpointSetting] = collector.Url,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "300",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        });
        using var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };

        // A page (a request span and duration), and the readiness check, which queries the database.
        Assert.True((await client.GetAsync("/account/login")).IsSuccessStatusCode);
        Assert.True((await client.GetAsync("/health/ready")).IsSuccessStatusCode);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        string[] metrics = ["http.server.request.duration", "ceadmin.db.command.duration", "ceadmin.circuits.open", "ceadmin.exports.running"];
        string[] traces = ["/account/login", "db reader", "db.query.text"];
        while (DateTime.UtcNow < deadline && !(metrics.All(m => collector.Saw("metrics", m)) && traces.All(t => collector.Saw("traces", t))))
            await Task.Delay(200);

        Assert.All(metrics, m => Assert.True(collector.Saw("metrics", m), $"metric {m} exported"));
        Assert.All(traces, t => Assert.True(collector.Saw("traces", t), $"trace with {t} exported"));
        // Health probes come every few seconds from the balancer: they are not traced.
        Assert.False(collector.Saw("traces", "/health/ready"));
    }

    [Fact]
    public async Task Health_endpoints_answer_anonymously_with_their_state_only()
    {
        await using var server = new AppServer();
        using var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };

        foreach (var path in new[] { "/health/live", "/health/ready" })
        {
            var response = await client.GetAsync(path);
            Assert.True(response.IsSuccessStatusCode, path);
            Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        }
    }
}
