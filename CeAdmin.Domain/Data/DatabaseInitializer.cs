using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CeAdmin.Domain.Data;

/// <summary>Data an empty database receives at start, after its migrations (the demo data, CeAdmin.Demo, when enabled).</summary>
public interface IStartupData
{
    Task SeedIfEmptyAsync(AppDbContext db, CancellationToken ct);
}

/// <summary>Applies the provider's migrations, then seeds the startup data into an empty database (or, on a non-migrating instance, checks the schema is current).</summary>
public sealed class DatabaseInitializer(AppDbContextOptions options, DatabaseOptions database, IEnumerable<IStartupData> startupData, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken ct = default)
    {
        await using var db = options.Create();
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (!database.MigrateOnStart)
        {
            if (pending.Count > 0)
                throw new InvalidOperationException($"The database lacks {pending.Count} migration(s) ({string.Join(", ", pending)}); start the instance with Database:MigrateOnStart=true first.");
            return;
        }
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s) on {Provider}: {Names}", pending.Count, options.Provider, string.Join(", ", pending));
            await db.Database.MigrateAsync(ct);
            // Rows from before the audit chain copied identifiers in plain text (a no-op once done).
            var masked = await Audit.AuditLegacyRows.MaskAsync(db, ct);
            if (masked > 0) logger.LogInformation("Masked personal identifiers in {Count} audit row(s) written before the audit chain", masked);
        }
        foreach (var data in startupData) await data.SeedIfEmptyAsync(db, ct);
    }
}
