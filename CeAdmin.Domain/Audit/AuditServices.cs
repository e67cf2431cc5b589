using CeAdmin.Domain.Administration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CeAdmin.Domain.Audit;

public static class AuditServices
{
    /// <summary>
    /// The audit trail, the system administration and the run-time settings. Defaults here; the app
    /// registers its configured <see cref="AuditOptions"/> and <see cref="RuntimeSettings"/> after this.
    /// </summary>
    public static IServiceCollection AddCeAdminAudit(this IServiceCollection services)
    {
        services.TryAddSingleton(new AuditOptions());
        services.TryAddSingleton(sp => RuntimeSettingsDefaults(sp.GetRequiredService<AuditOptions>().RetentionDays, 5, 15, 30, 8));
        services.AddScoped<AuditLog>();
        services.AddScoped<IAuditLog>(sp => sp.GetRequiredService<AuditLog>());
        services.AddScoped<AuditService>();
        services.AddScoped<AuditRetention>();
        services.AddScoped<SystemAdministrationService>();
        services.AddScoped<UnitAdministrationService>();
        services.AddScoped<RuntimeSettingsService>();
        return services;
    }

    public static RuntimeSettings RuntimeSettingsDefaults(int retentionDays, int maxFailedSignIns, int lockoutMinutes, double idleMinutes, double absoluteSessionHours) =>
        new(new Dictionary<string, int>
        {
            [RuntimeSettings.AuditRetentionDays] = retentionDays,
            [RuntimeSettings.MaxFailedSignIns] = maxFailedSignIns,
            [RuntimeSettings.LockoutMinutes] = lockoutMinutes,
            [RuntimeSettings.IdleMinutes] = (int)Math.Round(idleMinutes),
            [RuntimeSettings.AbsoluteSessionHours] = (int)Math.Round(absoluteSessionHours),
        });
}
