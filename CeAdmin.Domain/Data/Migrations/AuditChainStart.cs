using Microsoft.EntityFrameworkCore.Migrations;

namespace CeAdmin.Domain.Data.Migrations;

/// <summary>
/// Hand-written part of the AuditChain migration (keep the call when the migration is regenerated):
/// rows written before the chain existed are data writes that succeeded; the chain head starts after
/// them, so they stay outside the chain (their identifiers are masked at start by
/// <see cref="Audit.AuditLegacyRows"/>) until the retention job archives them.
/// </summary>
public static class AuditChainStart
{
    public static void Apply(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            UPDATE "AuditEntries" SET "Event" = 'DataWrite', "Result" = 'Succeeded', "Target" = "Entity" || '#' || "EntityKey";
            """);
        migrationBuilder.Sql("""
            INSERT INTO "AuditChainHeads" ("Id", "LastId", "LastHash", "FirstId", "FirstPreviousHash")
            SELECT 1, COALESCE(MAX("Id"), 0), '', COALESCE(MAX("Id"), 0) + 1, '' FROM "AuditEntries";
            """);
    }
}
