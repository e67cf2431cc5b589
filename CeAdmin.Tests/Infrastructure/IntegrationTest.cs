using Microsoft.Extensions.DependencyInjection;

namespace CeAdmin.Tests.Infrastructure;

/// <summary>
/// A test class on its own fresh, migrated database per test (with the demo data when <paramref name="demo"/>),
/// the domain services wired as in the app: the setup every integration test class shares. Its classes carry
/// the Integration trait (xunit reads it from the base class), so test.sh runs them again on PostgreSQL.
/// </summary>
[Trait("Category", "Integration")]
public abstract class IntegrationTest(bool demo = false) : IAsyncLifetime
{
    protected TestApp App { get; private set; } = null!;

    /// <summary>Adds or replaces services after the domain's, e.g. a fake collaborator.</summary>
    protected virtual void Configure(IServiceCollection services)
    {
    }

    public virtual async Task InitializeAsync() => App = await TestApp.CreateAsync(demo, Configure);

    public virtual async Task DisposeAsync() => await App.DisposeAsync();
}
