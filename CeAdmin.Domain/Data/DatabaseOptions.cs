using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data.Interceptors;
using CeAdmin.Domain.Operations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CeAdmin.Domain.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>The "Database" configuration section: one switch selects the provider.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string ConnectionString { get; set; } = "Data Source=ceadmin.db";
    /// <summary>
    /// Apply pending migrations (and seed the demo data) at start. With several instances on one
    /// database, one instance migrates and the others set this to false: they refuse to start on a
    /// schema that is not current instead of racing to change it (docs/deploy.md).
    /// </summary>
    public bool MigrateOnStart { get; set; } = true;
    /// <summary>PostgreSQL: how often a query or save is retried after a transient failure (a server restart) before the user is told.</summary>
    public int MaxRetryCount { get; set; } = 5;
    /// <summary>PostgreSQL: the longest wait between two retries; with the defaults the retries span about 15 seconds.</summary>
    public double MaxRetryDelaySeconds { get; set; } = 5;
    /// <summary>Commands slower than this are logged as warnings with their SQL (<see cref="Interceptors.SlowQueryInterceptor"/>); 0 turns it off.</summary>
    public int SlowQueryMilliseconds { get; set; } = 500;
}

/// <summary>
/// Builds provider options once and hands out a fresh context per operation, stamped with the
/// caller for the audit trail. Scoped per circuit, so the audit user follows the signed-in operator.
/// </summary>
public sealed class AppDbContextFactory(AppDbContextOptions options, ICurrentUser currentUser, TimeProvider clock, Accounts.ClientContext client) : IDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext()
    {
        var db = options.Create();
        db.AuditUser = currentUser;
        db.AuditClock = clock;
        db.AuditClient = client;
        return db;
    }
}

/// <summary>Provider-specific options, built once per process.</summary>
public sealed class AppDbContextOptions
{
    private readonly Func<AppDbContext> _create;

    /// <param name="metrics">Command durations and spans (<see cref="CommandTelemetryInterceptor"/>); tools and some tests go without.</param>
    /// <param name="clock">The services' clock: every context dates its audit rows by it, also those made without the factory (start-up data, jobs).</param>
    /// <param name="loggers">The app's logging, for slow queries (<see cref="SlowQueryInterceptor"/>); tools and some tests go without.</param>
    public AppDbContextOptions(DatabaseOptions database, AppMetrics? metrics = null, TimeProvider? clock = null, ILoggerFactory? loggers = null)
    {
        _clock = clock ?? TimeProvider.System;
        Provider = database.Provider;
        var identity = Identity.Value;
        IInterceptor[] telemetry =
        [
            .. metrics is null ? [] : new IInterceptor[] { new CommandTelemetryInterceptor(metrics, database.Provider == DatabaseProvider.Postgres ? "postgresql" : "sqlite") },
            .. loggers is null || database.SlowQueryMilliseconds <= 0 ? [] : new IInterceptor[]
                { new SlowQueryInterceptor(loggers.CreateLogger<SlowQueryInterceptor>(), TimeSpan.FromMilliseconds(database.SlowQueryMilliseconds)) },
        ];
        if (database.Provider == DatabaseProvider.Postgres)
        {
            var retryDelay = TimeSpan.FromSeconds(database.MaxRetryDelaySeconds);
            var opts = new DbContextOptionsBuilder<PostgresAppDbContext>()
                .UseNpgsql(database.ConnectionString, o => o
                    .MigrationsAssembly(typeof(AppDbContext).Assembly.FullName)
                    .ExecutionStrategy(d => new PostgresRetryingStrategy(d, database.MaxRetryCount, retryDelay)))
                .UseApplicationServiceProvider(identity)
                .AddInterceptors([TextGuardInterceptor.Instance, Statistics.StatisticsSummaryInterceptor.Instance, AuditInterceptor.Instance, .. telemetry])
                .Options;
            _create = () => new PostgresAppDbContext(opts);
        }
        else
        {
            var opts = new DbContextOptionsBuilder<SqliteAppDbContext>()
                .UseSqlite(database.ConnectionString)
                .UseApplicationServiceProvider(identity)
                .AddInterceptors([TextGuardInterceptor.Instance, Statistics.StatisticsSummaryInterceptor.Instance, AuditInterceptor.Instance, SqlitePragmaInterceptor.Instance, .. telemetry])
                .Options;
            _create = () => new SqliteAppDbContext(opts);
        }
    }

    public DatabaseProvider Provider { get; }

    private readonly TimeProvider _clock;

    public AppDbContext Create()
    {
        var db = _create();
        db.AuditClock = _clock;
        return db;
    }

    /// <summary>
    /// Identity reads its schema version from the application service provider; contexts built
    /// outside DI must see the same Version3 (passkeys) as the app, or the model differs.
    /// </summary>
    private static readonly Lazy<IServiceProvider> Identity = new(IdentityServices);

    public static IServiceProvider IdentityServices() =>
        new ServiceCollection()
            .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
            .BuildServiceProvider();
}
