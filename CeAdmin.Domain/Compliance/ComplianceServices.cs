using Microsoft.Extensions.DependencyInjection;

namespace CeAdmin.Domain.Compliance;

public static class ComplianceServices
{
    /// <summary>个人学时达标, 学时证明 and its verification. The app binds <see cref="CertificateOptions"/> to "Certificates".</summary>
    public static IServiceCollection AddCompliance(this IServiceCollection services)
    {
        services.AddOptions<CertificateOptions>();
        services.AddSingleton<CertificatePdf>();
        services.AddScoped<ComplianceService>();
        services.AddScoped<CertificateService>();
        services.AddScoped<DeadlineService>();
        return services;
    }
}
