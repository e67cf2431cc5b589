using CeAdmin.Domain.Audit;
using CeAdmin.Domain.Data;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CeAdmin.Tests.Audit;

/// <summary>
/// The real app with the demo data on the provider under test: SQLite by default, a fresh PostgreSQL database
/// when CEADMIN_TEST_POSTGRES is set (test.sh runs the integration tests there too), so that the events the
/// web layer records (sign-in, roles, sessions) are checked on both.
/// </summary>
public sealed class AuditedServer : IAsyncDisposable
{
    private readonly string? _pgDatabase;

    private AuditedServer(AppServer server, string? pgDatabase, string connectionString) =>
        (Server, _pgDatabase, ConnectionString) = (server, pgDatabase, connectionString);

    public AppServer Server { get; }

    /// <summary>The app's database, for the command line on it.</summary>
    public string ConnectionString { get; }

    public static async Task<AuditedServer> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(settings ?? []) { ["FORWARDEDHEADERS_ENABLED"] = "true" };
        string? database = null;
        if (TestApp.PostgresServer is { Length: > 0 } server)
        {
            database = "ceadmin_web_" + Guid.NewGuid().ToString("N")[..12];
            await ExecuteAsync(server, $"CREATE DATABASE {database}");
            all["Database:Provider"] = "Postgres";
            all["Database:ConnectionString"] = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        }
        var app = await Task.Run(() => new AppServer(all));
        return new AuditedServer(app, database, all.TryGetValue("Database:ConnectionString", out var cs) && cs is not null ? cs : app.ConnectionString);
    }

    public AppDbContext Db() => Server.Services.GetRequiredService<AppDbContextOptions>().Create();

    /// <summary>The rows after <paramref name="afterId"/>, oldest first.</summary>
    public async Task<List<AuditEntry>> RowsAfterAsync(long afterId)
    {
        await using var db = Db();
        return await db.AuditEntries.AsNoTracking().Where(e => e.Id > afterId).OrderBy(e => e.Id).ToListAsync();
    }

    public async Task<long> LastIdAsync()
    {
        await using var db = Db();
        return await db.AuditEntries.MaxAsync(e => (long?)e.Id) ?? 0;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        if (_pgDatabase is not null && TestApp.PostgresServer is { } server)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {_pgDatabase} WITH (FORCE)");
        }
    }
}
