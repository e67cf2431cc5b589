using CeAdmin.Domain;
using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CeAdmin.Tests.Infrastructure;

/// <summary>
/// A real, migrated database per test with the domain services wired as in the app. SQLite by
/// default; PostgreSQL when CEADMIN_TEST_POSTGRES holds a server connection string (test.sh
/// starts one and runs the integration tests a second time).
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly ServiceProvider _root;
    private readonly string? _sqliteFile;
    private readonly string? _pgDatabase;
    private readonly string? _pgAdmin;

    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
    public CapturingSmsSender Sms { get; } = new();
    public DatabaseOptions Database { get; }

    private TestApp(DatabaseOptions database, string? sqliteFile, string? pgDatabase, string? pgAdmin, Action<IServiceCollection>? configure)
    {
        Database = database;
        _sqliteFile = sqliteFile;
        _pgDatabase = pgDatabase;
        _pgAdmin = pgAdmin;
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<ISmsSender>(Sms);
        // No throttling unless a test sets limits (configure runs last and replaces these).
        services.AddSingleton(Unthrottled());
        services.AddCeAdminDomain(database);
        services.AddScoped<TestCurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<TestCurrentUser>());
        configure?.Invoke(services);
        _root = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public static ThrottleOptions Unthrottled()
    {
        var options = new ThrottleOptions();
        foreach (var action in Enum.GetValues<ThrottledAction>()) options.For(action).PerAddress = options.For(action).PerAccount = 0;
        return options;
    }

    public static string? PostgresServer => Environment.GetEnvironmentVariable("CEADMIN_TEST_POSTGRES");

    /// <summary>The domain services on a database that exists and stays (the cluster tests' one): nothing is created or dropped.</summary>
    public static TestApp On(DatabaseOptions database) => new(database, null, null, null, null);

    /// <param name="configure">Adds or replaces services after the domain's, e.g. a fake collaborator.</param>
    /// <param name="pooling">PostgreSQL: keep connections in Npgsql's pool as the app does (the fault tests need the pool's dead connections after a restart).</param>
    public static async Task<TestApp> CreateAsync(bool demo = false, Action<IServiceCollection>? configure = null, bool pooling = false)
    {
        ValidationSetup.UseChinese();
        // Migrating and seeding once per run and copying the result keeps each test's database fresh but cheap.
        var template = await Templates.GetAsync(demo);
        if (PostgresServer is { Length: > 0 } server)
        {
            var name = "ceadmin_t_" + Guid.NewGuid().ToString("N")[..12];
            await ExecuteAsync(server, $"CREATE DATABASE {name} TEMPLATE {template}");
            var cs = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = pooling }.ConnectionString;
            return new TestApp(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = cs }, null, name, server, configure);
        }
        var file = Path.Combine(Path.GetTempPath(), $"ceadmin-test-{Guid.NewGuid():N}.db");
        File.Copy(template, file);
        return new TestApp(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={file};Pooling=False" }, file, null, null, configure);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(Unpooled(connectionString));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    // Server-level statements are rare; unpooled, they never meet a connection a server restart left dead.
    private static string Unpooled(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    /// <summary>One migrated (and optionally demo-seeded) database per run and provider: a SQLite file or a PostgreSQL template.</summary>
    private static class Templates
    {
        private static readonly SemaphoreSlim Gate = new(1, 1);
        private static readonly Dictionary<bool, string> Made = [];

        public static async Task<string> GetAsync(bool demo)
        {
            await Gate.WaitAsync();
            try
            {
                if (!Made.TryGetValue(demo, out var template)) Made[demo] = template = await MakeAsync(demo);
                return template;
            }
            finally
            {
                Gate.Release();
            }
        }

        private static async Task<string> MakeAsync(bool demo)
        {
            var id = Guid.NewGuid().ToString("N")[..12];
            DatabaseOptions options;
            string template;
            if (PostgresServer is { Length: > 0 } server)
            {
                template = $"ceadmin_tpl_{id}";
                await ExecuteAsync(server, $"CREATE DATABASE {template}");
                options = new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = template, Pooling = false }.ConnectionString };
            }
            else
            {
                template = Path.Combine(Path.GetTempPath(), $"ceadmin-template-{id}.db");
                options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={template};Pooling=False" };
                AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { File.Delete(template); } catch (IOException) { } };
            }
            var maker = new TestApp(options, null, null, null, s => s.AddCeAdminDemo(new DemoOptions { Enabled = demo }));
            await using (var scope = maker._root.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
            if (options.Provider == DatabaseProvider.Sqlite)
            {
                // Fold the WAL into the file so that a plain copy holds everything.
                await using var db = maker.Db();
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
            }
            await maker._root.DisposeAsync();
            return template;
        }
    }

    /// <summary>
    /// Resolves a service acting as the given caller (null: anonymous). <paramref name="onLaterRead"/>,
    /// when given, is awaited on every read of the caller after the service's own first one: the
    /// audit interceptor reads it inside SaveChanges, so a test can hold a service just before it writes.
    /// </summary>
    public T As<T>(Actor? actor, Func<Task>? onLaterRead = null) where T : notnull
    {
        // Each call gets its own scope, so services resolved for different actors stay apart.
        var scope = _root.CreateScope();
        var user = scope.ServiceProvider.GetRequiredService<TestCurrentUser>();
        user.Actor = actor;
        user.OnLaterRead = onLaterRead;
        return scope.ServiceProvider.GetRequiredService<T>();
    }

    public T Get<T>() where T : notnull => _root.CreateScope().ServiceProvider.GetRequiredService<T>();

    /// <summary>A context for arranging and asserting, outside any service.</summary>
    public AppDbContext Db() => _root.GetRequiredService<AppDbContextOptions>().Create();

    /// <summary>The actor of a demo operator acting for his unit (demo data only).</summary>
    public async Task<Actor> DemoActorAsync(string loginName)
    {
        await using var db = Db();
        var row = await db.UnitOperators.AsNoTracking()
            .Where(o => o.User!.UserName == loginName)
            .Select(o => new { o.UserId, o.UnitAccountId, o.UnitAccount!.Name, o.UnitAccount.Kind })
            .FirstAsync();
        return new Actor(row.UserId, loginName, row.UnitAccountId, row.Name, row.Kind);
    }

    public async ValueTask DisposeAsync()
    {
        await _root.DisposeAsync();
        if (_sqliteFile is not null)
        {
            foreach (var f in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
                try { File.Delete(f); } catch (IOException) { }
        }
        if (_pgDatabase is not null && _pgAdmin is not null)
        {
            await using var conn = new NpgsqlConnection(Unpooled(_pgAdmin));
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_pgDatabase} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}

public sealed class TestCurrentUser : ICurrentUser
{
    private int _reads;

    public Actor? Actor { get; set; }
    public Func<Task>? OnLaterRead { get; set; }

    public async ValueTask<Actor?> GetActorAsync()
    {
        if (Interlocked.Increment(ref _reads) > 1 && OnLaterRead is { } hook) await hook();
        return Actor;
    }
}

public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;
    public override DateTimeOffset GetUtcNow() => _now;
    public void Advance(TimeSpan by) => _now += by;
}

public sealed class CapturingSmsSender : ISmsSender
{
    public List<(string Phone, string Message)> Sent { get; } = [];

    public Task SendAsync(SmsCodeMessage message, CancellationToken ct = default)
    {
        lock (Sent) Sent.Add((message.PhoneNumber, message.Text));
        return Task.CompletedTask;
    }

    /// <summary>The six-digit code of the last message.</summary>
    public string LastCode() => System.Text.RegularExpressions.Regex.Match(Sent[^1].Message, @"\d{6}").Value;
}
