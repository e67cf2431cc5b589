using CeAdmin.Domain.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CeAdmin.Tests.Infrastructure;

/// <summary>
/// The real app on a real Kestrel port with its own fresh SQLite database and the demo data, for
/// HTTP-level and browser tests.
/// </summary>
public sealed class AppServer : WebApplicationFactory<Program>
{
    private readonly string _dbFile = Path.Combine(Path.GetTempPath(), $"ceadmin-web-{Guid.NewGuid():N}.db");
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly string _environment;
    private readonly bool _captureSms;

    /// <param name="services">Replaces services after the app's, e.g. a counting password hasher.</param>
    /// <param name="captureSms">False: the app keeps the SMS sender it chose for its environment and settings.</param>
    public AppServer(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, string environment = "Development", bool captureSms = true)
    {
        _captureSms = captureSms;
        _services = services;
        _environment = environment;
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={_dbFile}",
            ["Demo:Enabled"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        // Browser tests sign in many times from one address: no throttling unless a test sets its limits.
        foreach (var action in Enum.GetNames<ThrottledAction>())
        {
            _settings[$"Throttle:{action}:PerAddress"] = "0";
            _settings[$"Throttle:{action}:PerAccount"] = "0";
        }
        foreach (var (k, v) in settings ?? []) _settings[k] = v;
        UseKestrel(0);
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
    }

    public string BaseUrl { get; }

    /// <summary>The app's database, for a second process on it (the admin command line).</summary>
    public string ConnectionString => $"Data Source={_dbFile}";

    /// <summary>The SMS codes the app sent (the log sender is replaced).</summary>
    public CapturingSmsSender Sms { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        // UseSetting, not ConfigureAppConfiguration: Program reads the configuration before Build().
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            if (_captureSms) services.AddSingleton<ISmsSender>(Sms);
            _services?.Invoke(services);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var f in new[] { _dbFile, _dbFile + "-wal", _dbFile + "-shm" })
            try { File.Delete(f); } catch (IOException) { }
    }
}
