using CeAdmin.Domain.Data;
using Microsoft.Playwright;
using Npgsql;

namespace CeAdmin.Tests.Infrastructure;

/// <summary>
/// The several-instance deployment scripts/cluster.sh started (scripts/cluster-test.sh runs it, then these
/// tests): nginx on https, instances a and b behind it, their database. The tests stop and start instances
/// through the same script and read its state file ($CEADMIN_CLUSTER_DIR/cluster.env) and the instances' logs.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private Dictionary<string, string> _env = [];

    public IBrowser Browser { get; private set; } = null!;
    public string Dir { get; private set; } = "";
    /// <summary>nginx, https with a self-signed certificate.</summary>
    public string Url => _env["CLUSTER_URL"];
    public DatabaseOptions Database { get; private set; } = null!;
    /// <summary>The domain services on the cluster's database, for arranging and checking data.</summary>
    public TestApp Data { get; private set; } = null!;
    public const string DemoPassword = "Gdce2468a";

    public async Task InitializeAsync()
    {
        Dir = Environment.GetEnvironmentVariable("CEADMIN_CLUSTER_DIR") ?? "";
        var state = Path.Combine(Dir, "cluster.env");
        if (Dir.Length == 0 || !File.Exists(state))
            throw new InvalidOperationException("No cluster is running: these tests run through scripts/cluster-test.sh (./test.sh does), which sets CEADMIN_CLUSTER_DIR.");
        _env = File.ReadAllLines(state).Where(l => l.Contains('=')).ToDictionary(l => l[..l.IndexOf('=')], l => l[(l.IndexOf('=') + 1)..]);
        // Unpooled: the fault tests restart the server under these connections.
        var cs = new NpgsqlConnectionStringBuilder(_env["CLUSTER_DATABASE"]) { Pooling = false }.ConnectionString;
        Database = new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = cs, MigrateOnStart = false };
        Data = TestApp.On(Database);
        _playwright = await Playwright.CreateAsync();
        Browser = await BrowserFixture.LaunchAsync(_playwright);
    }

    /// <summary>Instance <paramref name="name"/> directly (not through nginx): http://127.0.0.1:port.</summary>
    public string InstanceUrl(string name) => $"http://127.0.0.1:{_env["PORT_" + name.ToUpperInvariant()]}";

    public string LogOf(string name) => Path.Combine(Dir, name + ".log");

    public string ExportDirectoryOf(string name) => Path.Combine(Dir, "exports-" + name);

    public static string Other(string instance) => instance == "a" ? "b" : "a";

    /// <summary>SIGTERM to the instance; returns the script's line "NAME exited with CODE after N s".</summary>
    public Task<string> StopAsync(string name) => Scripts.RunAsync("cluster.sh", ["stop", name], timeout: TimeSpan.FromMinutes(2));

    public Task<string> StartAsync(string name) => Scripts.RunAsync("cluster.sh", ["start", name], timeout: TimeSpan.FromMinutes(3));

    public bool IsRunning(string name) => File.Exists(Path.Combine(Dir, name + ".pid"));

    /// <summary>A browser context as one operator's browser: https through nginx, the self-signed certificate accepted.</summary>
    public async Task<IPage> NewPageAsync(string? baseUrl = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl ?? Url,
            IgnoreHTTPSErrors = true,
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            Locale = "zh-CN",
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>The instance that answered the page's last navigation or request: nginx passes the app's X-CeAdmin-Instance header on.</summary>
    public static async Task<string> InstanceOfAsync(IPage page) =>
        await page.EvaluateAsync<string>("() => fetch('/health/live', { cache: 'no-store' }).then(r => r.headers.get('x-ceadmin-instance'))");

    public async Task DisposeAsync()
    {
        // A test that stopped an instance starts it again; make sure, for the next class.
        foreach (var name in new[] { "a", "b" })
            if (!IsRunning(name)) await StartAsync(name);
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Data is not null) await Data.DisposeAsync();
    }
}
