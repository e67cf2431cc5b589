using Microsoft.EntityFrameworkCore.Migrations;

namespace CeAdmin.Domain.Data.Migrations;

/// <summary>
/// Hand-written data fix of the QualificationRegion migration (both providers call it from Up; keep the
/// call when the migration is regenerated): an existing qualification takes its institution's region, as
/// InstitutionService writes it for new ones (the decision record "one scope filter").
/// Portable SQL (SQLite and PostgreSQL).
/// </summary>
public static class QualificationRegionFix
{
    public static void Apply(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""
        UPDATE "TrainingQualifications"
        SET "RegionCode" = (SELECT i."RegionCode" FROM "Institutions" i WHERE i."Id" = "TrainingQualifications"."InstitutionId")
        """);
}
