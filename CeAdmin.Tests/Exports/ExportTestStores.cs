using CeAdmin.App.Features.Exports;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Operations;
using CeAdmin.Tests.Infrastructure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace CeAdmin.Tests.Exports;

/// <summary>An app's lifetime the test stops by hand (the instance receiving SIGTERM).</summary>
public sealed class TestLifetime : IHostApplicationLifetime, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    public CancellationToken ApplicationStarted => new(true);
    public CancellationToken ApplicationStopping => _stopping.Token;
    public CancellationToken ApplicationStopped => CancellationToken.None;
    public void StopApplication() => _stopping.Cancel();
    public void Dispose() => _stopping.Dispose();
}

public static class ExportTestStores
{
    /// <summary>The export store of one app instance on <paramref name="app"/>'s database.</summary>
    public static ExportFileStore Instance(TestApp app, ExportOptions options, IHostApplicationLifetime? lifetime = null, TimeProvider? clock = null) =>
        new(options, app.Get<AppDbContextOptions>(), clock ?? TimeProvider.System, app.Get<AppMetrics>(), lifetime ?? new TestLifetime(), NullLogger<ExportFileStore>.Instance);
}
