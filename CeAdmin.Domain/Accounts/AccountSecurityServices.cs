using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CeAdmin.Domain.Accounts;

public static class AccountSecurityServices
{
    /// <summary>
    /// Verification codes, password changes and throttling. Settings default here; the app registers its
    /// configured <see cref="SmsOptions"/> and <see cref="ThrottleOptions"/> and the <see cref="ISmsSender"/>
    /// of its environment (the domain registers no sender, so none is used by accident).
    /// </summary>
    public static IServiceCollection AddAccountSecurity(this IServiceCollection services)
    {
        services.TryAddSingleton(new SmsOptions());
        services.TryAddSingleton(new ThrottleOptions());
        services.AddSingleton<ThrottleLimits>();
        services.AddScoped<ClientContext>();
        services.AddScoped<RequestThrottle>();
        services.AddScoped<SmsChallengeService>();
        services.AddScoped<PasswordService>();
        return services;
    }
}
