using CeAdmin.Domain.Data;
using Microsoft.Extensions.Logging.Abstractions;

namespace CeAdmin.Tests.Records;

/// <summary>A non-migrating instance (Database:MigrateOnStart=false) refuses an out-of-date database instead of changing it.</summary>
public sealed class MigrateOnStartTests
{
    [Fact]
    public async Task A_non_migrating_instance_refuses_a_database_with_pending_migrations_and_leaves_it_alone()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ceadmin-nomigrate-{Guid.NewGuid():N}.db");
        try
        {
            var database = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={file};Pooling=False", MigrateOnStart = false };
            var options = new AppDbContextOptions(database);
            var initializer = new DatabaseInitializer(options, database, [], NullLogger<DatabaseInitializer>.Instance);

            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => initializer.InitializeAsync());
            Assert.Contains("MigrateOnStart=true", refused.Message);
            await using var db = options.Create();
            Assert.NotEmpty(await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetPendingMigrationsAsync(db.Database));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
