using CeAdmin.Domain;
using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CeAdmin.Tests.Infrastructure;

/// <summary>
/// The real app on a real Kestrel port with its own fresh SQLite database and the demo data, for
/// HTTP-level and browser tests. The database is a copy of one migrated and demo-seeded once per run
/// (on the real clock, as the app seeds it), so a server starts without migrating and seeding again.
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
        if (_settings["Demo:Enabled"] == "true") File.Copy(DemoTemplate.Value, _dbFile);
        UseKestrel(0);
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
    }

    public string BaseUrl { get; }

    private static readonly Lazy<string> DemoTemplate = new(MakeDemoTemplate);

    /// <summary>A SQLite file migrated and demo-seeded as the app does at start (Program: DatabaseInitializer, the real clock).</summary>
    private static string MakeDemoTemplate()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ceadmin-web-template-{Guid.NewGuid():N}.db");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { File.Delete(file); } catch (IOException) { } };
        var services = new ServiceCollection()
            .AddLogging()
            .AddCeAdminDomain(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={file};Pooling=False" })
            .AddCeAdminDemo(new DemoOptions())
            .AddScoped<ICurrentUser>(_ => new FixedCurrentUser(null));
        using var provider = services.BuildServiceProvider();
        // Off the test's synchronisation context: the constructor waits for it.
        Task.Run(async () =>
        {
            await using var scope = provider.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        }).GetAwaiter().GetResult();
        // Fold the WAL into the file so that a plain copy holds everything.
        using (var db = provider.GetRequiredService<AppDbContextOptions>().Create())
            db.Database.ExecuteSqlRaw("PRAGMA wal_checkpoint(TRUNCATE);");
        return file;
    }

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
