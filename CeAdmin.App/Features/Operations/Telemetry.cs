using CeAdmin.Domain.Operations;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CeAdmin.App.Features.Operations;

/// <summary>
/// Traces and metrics over OTLP, on only when OTEL_EXPORTER_OTLP_ENDPOINT is set (the exporter reads the
/// other standard OTEL_* settings itself: protocol, headers, intervals); without it nothing is collected.
/// </summary>
public static class Telemetry
{
    public const string EndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>ASP.NET Core's and EF Core's built-in meters besides the app's own: requests, Kestrel, SignalR, Blazor circuits.</summary>
    public static readonly string[] Meters =
    [
        AppMetrics.MeterName,
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.Components",
        "Microsoft.AspNetCore.Components.Lifecycle",
        "Microsoft.AspNetCore.Components.Server.Circuits",
        "Microsoft.EntityFrameworkCore",
    ];

    public static void AddCeAdminTelemetry(this WebApplicationBuilder builder, OperationsOptions options)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration[EndpointSetting])) return;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("ceadmin", serviceInstanceId: options.InstanceName))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddSource(AppMetrics.Database.Name)
                .AddOtlpExporter())
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddMeter(Meters)
                .AddOtlpExporter());
    }
}
