using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data.Interceptors;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
}

/// <summary>
/// Builds provider options once and hands out a fresh context per operation, stamped with the
/// caller for the audit trail. Scoped per circuit, so the audit user follows the signed-in operator.
/// </summary>
public sealed class AppDbContextFactory(AppDbContextOptions options, ICurrentUser currentUser, Accounts.ClientContext client) : IDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext()
    {
        var db = options.Create();
        db.AuditUser = currentUser;
        db.AuditClient = client;
        return db;
    }
}

/// <summary>Provider-specific options, built once per process.</summary>
public sealed class AppDbContextOptions
{
    private readonly Func<AppDbContext> _create;

    public AppDbContextOptions(DatabaseOptions database)
    {
        Provider = database.Provider;
        var identity = IdentityServices();
        if (database.Provider == DatabaseProvider.Postgres)
        {
            var b = new DbContextOptionsBuilder<PostgresAppDbContext>()
                .UseNpgsql(database.ConnectionString, o => o.MigrationsAssembly(typeof(AppDbContext).Assembly.FullName))
                .UseApplicationServiceProvider(identity)
                .AddInterceptors(TextGuardInterceptor.Instance, AuditInterceptor.Instance);
            var opts = b.Options;
            _create = () => new PostgresAppDbContext(opts);
        }
        else
        {
            var b = new DbContextOptionsBuilder<SqliteAppDbContext>()
                .UseSqlite(database.ConnectionString)
                .UseApplicationServiceProvider(identity)
                .AddInterceptors(TextGuardInterceptor.Instance, AuditInterceptor.Instance, SqlitePragmaInterceptor.Instance);
            var opts = b.Options;
            _create = () => new SqliteAppDbContext(opts);
        }
    }

    public DatabaseProvider Provider { get; }

    public AppDbContext Create() => _create();

    /// <summary>
    /// Identity reads its schema version from the application service provider; contexts built
    /// outside DI must see the same Version3 (passkeys) as the app, or the model differs.
    /// </summary>
    public static IServiceProvider IdentityServices() =>
        new ServiceCollection()
            .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
            .BuildServiceProvider();
}
