using CeAdmin.Domain.Data;
using Microsoft.Extensions.DependencyInjection;

namespace CeAdmin.Demo;

public static class DemoServices
{
    /// <summary>
    /// Seeds the demo data into an empty database at start when <paramref name="options"/> says so (the "Demo"
    /// configuration section): its parts are every <see cref="IDemoSeeder"/> of this assembly.
    /// </summary>
    public static IServiceCollection AddCeAdminDemo(this IServiceCollection services, DemoOptions options)
    {
        services.AddSingleton(options);
        services.AddScoped<DemoDataRunner>();
        services.AddScoped<IStartupData, DemoStartupData>();
        foreach (var seeder in typeof(IDemoSeeder).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IDemoSeeder))))
            services.AddSingleton(typeof(IDemoSeeder), seeder);
        return services;
    }

    private sealed class DemoStartupData(DemoDataRunner runner, DemoOptions options) : IStartupData
    {
        public Task SeedIfEmptyAsync(AppDbContext db, CancellationToken ct) => runner.SeedIfEmptyAsync(db, options, ct);
    }
}
