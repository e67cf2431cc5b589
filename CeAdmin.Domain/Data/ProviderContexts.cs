using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Data;

/// <summary>The embedded default; migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

/// <summary>The scale-out database; migrations in Data/Migrations/Postgres.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
