using CeAdmin.Domain.Administration;
using CeAdmin.Domain.Audit;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CeAdmin.App.Features.Administration;

public static class AdministrationSetup
{
    /// <summary>The configured audit options and run-time settings, the job that keeps settings current, the retention job.</summary>
    public static void AddCeAdminAdministration(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var security = config.GetSection("Security").Get<SecurityOptions>() ?? new SecurityOptions();
        var audit = config.GetSection("Audit").Get<AuditOptions>() ?? new AuditOptions();
        builder.Services.AddSingleton(audit);
        builder.Services.AddSingleton(AuditServices.RuntimeSettingsDefaults(
            audit.RetentionDays, security.MaxFailedSignIns, security.LockoutMinutes, security.IdleMinutes, security.AbsoluteSessionHours));
        builder.Services.AddHostedService<RuntimeSettingsRefresher>();
        builder.Services.AddHostedService<AuditRetentionJob>();
    }
}

/// <summary>
/// Reads the run-time settings (运行参数) at start and every minute, so that a change made on one instance
/// reaches every other, and applies them over the configuration: lockout (Identity's options), idle
/// sign-out (the cookie's sliding lifetime and the page's timer), the absolute session lifetime.
/// </summary>
public sealed class RuntimeSettingsRefresher(
    IServiceScopeFactory scopes, RuntimeSettings settings, SecurityOptions security, IOptions<IdentityOptions> identity,
    IOptionsMonitor<CookieAuthenticationOptions> cookies, ILogger<RuntimeSettingsRefresher> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private readonly SecurityOptions _configured = new()
    {
        MaxFailedSignIns = security.MaxFailedSignIns, LockoutMinutes = security.LockoutMinutes,
        IdleMinutes = security.IdleMinutes, AbsoluteSessionHours = security.AbsoluteSessionHours,
    };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        settings.Changed += Apply;
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<RuntimeSettingsService>().RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not read the run-time settings; the current values stay");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private void Apply(RuntimeSettings s)
    {
        security.MaxFailedSignIns = s.IsOverridden(RuntimeSettings.MaxFailedSignIns) ? s[RuntimeSettings.MaxFailedSignIns] : _configured.MaxFailedSignIns;
        security.LockoutMinutes = s.IsOverridden(RuntimeSettings.LockoutMinutes) ? s[RuntimeSettings.LockoutMinutes] : _configured.LockoutMinutes;
        security.IdleMinutes = s.IsOverridden(RuntimeSettings.IdleMinutes) ? s[RuntimeSettings.IdleMinutes] : _configured.IdleMinutes;
        security.AbsoluteSessionHours = s.IsOverridden(RuntimeSettings.AbsoluteSessionHours) ? s[RuntimeSettings.AbsoluteSessionHours] : _configured.AbsoluteSessionHours;
        // UserManager reads these on every failed attempt; the cookie handler reads its (cached) options on every request.
        identity.Value.Lockout.MaxFailedAccessAttempts = security.MaxFailedSignIns;
        identity.Value.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(security.LockoutMinutes);
        cookies.Get(IdentityConstants.ApplicationScheme).ExpireTimeSpan = TimeSpan.FromMinutes(Math.Max(1, security.IdleMinutes));
        logger.LogInformation("Run-time settings applied: lockout after {Max} failures for {Lockout} min, idle {Idle} min, sessions {Hours} h",
            security.MaxFailedSignIns, security.LockoutMinutes, security.IdleMinutes, security.AbsoluteSessionHours);
    }
}

/// <summary>Runs the audit retention job (archive, purge, verify) when its interval has passed; one instance per interval.</summary>
public sealed class AuditRetentionJob(IServiceScopeFactory scopes, AuditOptions options, ILogger<AuditRetentionJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(0.05, options.CheckMinutes)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var run = await scope.ServiceProvider.GetRequiredService<AuditRetention>().RunAsync(ct: stoppingToken);
                if (run.Ran)
                    logger.LogInformation("Audit retention: {Rows} row(s) archived to {Files} file(s); chain {Result}", run.Archived, run.Files.Count, run.Verification?.Summary);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The audit retention job failed; it runs again at the next check");
            }
        }
    }
}
