using Microsoft.EntityFrameworkCore.Migrations;

namespace CeAdmin.Domain.Data.Migrations;

/// <summary>
/// Hand-written data fix of the TraineeRegion migration (both providers call it from Up; keep the call
/// when a migration is regenerated). Before it, a roster record took its institution's plan region;
/// the record's region is now the trainee's own. For every roster record it writes one
/// RecordRegionFixes row (docs/decisions/0010-trainee-region.md):
/// - the same person's records imported by an authority (whose 所属地区 an authority entered for the
///   person) give his region: the one of the same 申报年度 first, else the latest. A different region is
///   Corrected (the record takes it and the 主管部门 that follows from it), the same one Confirmed;
/// - with no such record the region stays and the row is Unresolved, with the ID number's county as a
///   hint when it lies inside the old region (an ID number tells where a person was registered at
///   birth, not where he works, so it is never applied).
/// Portable SQL: double-quoted names, substr, ||, LIMIT in scalar subqueries (SQLite and PostgreSQL).
/// </summary>
public static class TraineeRegionFix
{
    public static void Apply(MigrationBuilder migrationBuilder)
    {
        foreach (var sql in Statements) migrationBuilder.Sql(sql);
    }

    private const string Corrected = "'Corrected'";

    private static readonly string[] Statements =
    [
        """
        INSERT INTO "RecordRegionFixes" ("RecordId", "OldRegionCode", "NewRegionCode", "SuggestedRegionCode", "Outcome", "Reason")
        SELECT r."Id", r."RegionCode",
               (SELECT i."RegionCode" FROM "CeRecords" i
                WHERE i."IdNumber" = r."IdNumber" AND i."Source" = 'Import'
                ORDER BY CASE WHEN i."Year" = r."Year" THEN 0 ELSE 1 END, i."EndDate" DESC, i."Id" DESC
                LIMIT 1),
               NULL, 'Unresolved', ''
        FROM "CeRecords" r
        WHERE r."Source" = 'Roster'
        """,
        """
        UPDATE "RecordRegionFixes" SET
            "Outcome" = CASE WHEN "NewRegionCode" IS NULL THEN 'Unresolved' WHEN "NewRegionCode" = "OldRegionCode" THEN 'Confirmed' ELSE 'Corrected' END,
            "Reason" = CASE
                WHEN "NewRegionCode" IS NULL THEN '没有该学员由主管部门导入的记录，所属地区仍为施教机构所在地区，待核实'
                WHEN "NewRegionCode" = "OldRegionCode" THEN '该学员由主管部门导入的记录的所属地区与之一致'
                ELSE '按该学员由主管部门导入的记录更正所属地区和主管部门' END
        """,
        """
        UPDATE "RecordRegionFixes" SET "SuggestedRegionCode" = (
            SELECT g."Code" FROM "Regions" g, "CeRecords" r
            WHERE r."Id" = "RecordRegionFixes"."RecordId" AND g."Code" = substr(r."IdNumber", 1, 6)
              AND g."Code" <> "RecordRegionFixes"."OldRegionCode"
              AND substr(g."Code", 1, length(CASE
                    WHEN "RecordRegionFixes"."OldRegionCode" LIKE '%0000' THEN substr("RecordRegionFixes"."OldRegionCode", 1, 2)
                    WHEN "RecordRegionFixes"."OldRegionCode" LIKE '%00' THEN substr("RecordRegionFixes"."OldRegionCode", 1, 4)
                    ELSE "RecordRegionFixes"."OldRegionCode" END)) = CASE
                    WHEN "RecordRegionFixes"."OldRegionCode" LIKE '%0000' THEN substr("RecordRegionFixes"."OldRegionCode", 1, 2)
                    WHEN "RecordRegionFixes"."OldRegionCode" LIKE '%00' THEN substr("RecordRegionFixes"."OldRegionCode", 1, 4)
                    ELSE "RecordRegionFixes"."OldRegionCode" END)
        WHERE "Outcome" = 'Unresolved'
        """,
        $"""
        UPDATE "CeRecords" SET "RegionCode" = (
            SELECT f."NewRegionCode" FROM "RecordRegionFixes" f WHERE f."RecordId" = "CeRecords"."Id" AND f."Outcome" = {Corrected})
        WHERE "Id" IN (SELECT "RecordId" FROM "RecordRegionFixes" WHERE "Outcome" = {Corrected})
        """,
        // The nearest approved authority of the record's series: its county, then its city, then the province.
        $"""
        UPDATE "CeRecords" SET "AuthorityId" = (
            SELECT a."Id" FROM "Authorities" a
            WHERE a."ApprovedAt" IS NOT NULL AND a."SeriesId" = "CeRecords"."SeriesId"
              AND a."RegionCode" IN ("CeRecords"."RegionCode", substr("CeRecords"."RegionCode", 1, 4) || '00', substr("CeRecords"."RegionCode", 1, 2) || '0000')
            ORDER BY CASE WHEN a."RegionCode" = "CeRecords"."RegionCode" THEN 0
                          WHEN a."RegionCode" = substr("CeRecords"."RegionCode", 1, 4) || '00' THEN 1 ELSE 2 END, a."Id"
            LIMIT 1)
        WHERE "Id" IN (SELECT "RecordId" FROM "RecordRegionFixes" WHERE "Outcome" = {Corrected})
        """,
        $"""
        UPDATE "CeRecords" SET "AuthorityName" = COALESCE((SELECT a."Name" FROM "Authorities" a WHERE a."Id" = "CeRecords"."AuthorityId"), '')
        WHERE "Id" IN (SELECT "RecordId" FROM "RecordRegionFixes" WHERE "Outcome" = {Corrected})
        """,
    ];
}
