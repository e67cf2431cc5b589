using CeAdmin.Domain.Records;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CeAdmin.Tests.Records;

/// <summary>
/// The TraineeRegion migration's data fix on a database that had roster records with the institution's
/// region: the demo database is taken back to the migration before it, given such records, and migrated again.
/// </summary>
public sealed class TraineeRegionMigrationTests() : IntegrationTest(demo: true)
{
    [Fact]
    public async Task Roster_records_take_the_region_the_persons_imported_records_give_and_the_rest_are_listed()
    {
        long[] picked;
        int rosterCount;
        await using (var db = App.Db())
        {
            // Three people of Guangzhou's districts with a single roster record each.
            picked = await db.CeRecords.Where(r => r.Source == RecordSource.Roster && r.RegionCode.StartsWith("4401") && !r.IdNumber.StartsWith("440100")
                    && db.CeRecords.Count(o => o.IdNumber == r.IdNumber) == 1)
                .OrderBy(r => r.Id).Select(r => r.Id).Take(3).ToArrayAsync();
            rosterCount = await db.CeRecords.CountAsync(r => r.Source == RecordSource.Roster);
        }
        Assert.Equal(3, picked.Length);
        var (corrected, confirmed, unresolved) = (picked[0], picked[1], picked[2]);

        await using (var db = App.Db())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_TraineeRegion", StringComparison.Ordinal)) - 1];
            await db.GetService<IMigrator>().MigrateAsync(before);

            // As the roster used to make them: the institution's (广州市) region and authority.
            await db.Database.ExecuteSqlAsync($"""UPDATE "CeRecords" SET "RegionCode" = '440100', "AuthorityName" = '广州市教育局' WHERE "Id" IN ({corrected}, {confirmed}, {unresolved})""");
            // An authority imported other records of two of them, with their own regions.
            await CopyAsImportAsync(db, corrected, "440106");
            await CopyAsImportAsync(db, confirmed, "440100");
            await db.GetService<IMigrator>().MigrateAsync();
        }

        await using var check = App.Db();
        var fixes = await check.Set<RecordRegionFix>().AsNoTracking().ToDictionaryAsync(f => f.RecordId);
        Assert.Equal(rosterCount, fixes.Count);
        Assert.False(await check.CeRecords.AnyAsync(r => r.Source == RecordSource.Import && fixes.Keys.Contains(r.Id)));

        var a = await check.CeRecords.SingleAsync(r => r.Id == corrected);
        var tianhe = await check.Authorities.SingleAsync(x => x.Name == "广州市天河区教育局");
        Assert.Equal(("440106", tianhe.Id, "广州市天河区教育局"), (a.RegionCode, a.AuthorityId, a.AuthorityName));
        Assert.Equal((RegionFixOutcome.Corrected, "440100", "440106"), (fixes[corrected].Outcome, fixes[corrected].OldRegionCode, fixes[corrected].NewRegionCode));

        Assert.Equal("440100", (await check.CeRecords.SingleAsync(r => r.Id == confirmed)).RegionCode);
        Assert.Equal(RegionFixOutcome.Confirmed, fixes[confirmed].Outcome);

        var c = await check.CeRecords.SingleAsync(r => r.Id == unresolved);
        Assert.Equal("440100", c.RegionCode);
        Assert.Equal((RegionFixOutcome.Unresolved, null, c.IdNumber[..6]), (fixes[unresolved].Outcome, fixes[unresolved].NewRegionCode, fixes[unresolved].SuggestedRegionCode));
        Assert.Contains("待核实", fixes[unresolved].Reason);
        Assert.Equal("", c.WorkUnit);
    }

    private static Task CopyAsImportAsync(DbContext db, long id, string region) => db.Database.ExecuteSqlAsync($"""
        INSERT INTO "CeRecords" ("PersonName", "Gender", "IdNumber", "RegionCode", "SeriesId", "AuthorityId", "AuthorityName", "CatalogCourseId",
            "CourseName", "SubjectType", "StudyMode", "StartDate", "EndDate", "Days", "Result", "Hours", "InstitutionId", "InstitutionName",
            "Year", "Location", "Content", "Remarks", "ClassId", "Source", "CreatedAt")
        SELECT "PersonName", "Gender", "IdNumber", {region}, "SeriesId", NULL, '', NULL, '专业技术人员职业道德与诚信建设', '公需科目', "StudyMode",
            "StartDate", "EndDate", "Days", "Result", "Hours", "InstitutionId", "InstitutionName", "Year", "Location", "Content", NULL, NULL, 'Import', "CreatedAt"
        FROM "CeRecords" WHERE "Id" = {id}
        """);
}
