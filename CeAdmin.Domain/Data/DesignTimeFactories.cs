using Microsoft.EntityFrameworkCore.Design;

namespace CeAdmin.Domain.Data;

/// <summary>Used by dotnet-ef only: one factory per provider so each keeps its own migrations.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        (SqliteAppDbContext)new AppDbContextOptions(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=design.db" }).Create();
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        (PostgresAppDbContext)new AppDbContextOptions(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=127.0.0.1;Database=ceadmin_design" }).Create();
}
