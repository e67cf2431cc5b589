using System.Text.Encodings.Web;
using CeAdmin.Domain.Data;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CeAdmin.App.Features.Operations;

/// <summary>The "Operations" configuration section.</summary>
public sealed class OperationsOptions
{
    /// <summary>This instance's name: the X-CeAdmin-Instance response header and the telemetry's service instance.</summary>
    public string InstanceName { get; set; } = Environment.MachineName;
}

/// <summary>
/// What an operator of several instances needs: health endpoints for the balancer, telemetry over OTLP,
/// JSON logs with the request, account and unit on each line, the open circuits counted and told when the
/// instance stops.
/// </summary>
public static class OperationsServices
{
    public const string InstanceHeader = "X-CeAdmin-Instance";

    public static void AddCeAdminOperations(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection("Operations").Get<OperationsOptions>() ?? new OperationsOptions();
        services.AddSingleton(options);

        if (builder.Environment.IsProduction())
        {
            // One JSON object per line for the log shipper; scopes carry the request id, the account and the unit.
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.JsonWriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            });
        }

        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database", tags: [ReadyTag])
            .AddCheck<MigrationsHealthCheck>("migrations", tags: [ReadyTag]);
        // A probe must answer within the balancer's timeout, not after the database retries.
        services.Configure<HealthCheckServiceOptions>(o =>
        {
            foreach (var registration in o.Registrations) registration.Timeout = TimeSpan.FromSeconds(3);
        });

        services.AddSingleton<OpenCircuits>();
        services.AddScoped<CircuitHandler, CircuitTracker>();
        builder.AddCeAdminTelemetry(options);
    }

    /// <summary>Before authentication: the log scope and the database-outage page (see <see cref="RequestLogScope"/>).</summary>
    public static void UseCeAdminOperations(this WebApplication app)
    {
        // Made now, not at the first page: its gauges report 0 open circuits from the start.
        app.Services.GetRequiredService<OpenCircuits>();
        app.UseMiddleware<RequestLogScope>();
    }

    /// <summary>
    /// /health/live: the process answers. /health/ready: the database answers and has every migration this
    /// version knows. Anonymous, and only the word Healthy or Unhealthy: nothing about the system leaks.
    /// </summary>
    public static void MapOperationsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) }).AllowAnonymous();
    }

    private const string ReadyTag = "ready";
}
