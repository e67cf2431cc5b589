using System.Data.Common;
using System.Globalization;
using System.Text;
using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Plans;
using CeAdmin.Domain.Records;
using CeAdmin.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;

namespace CeAdmin.Domain.Statistics;

/// <summary>
/// Keeps <see cref="StatCell"/> and <see cref="PersonYear"/> current. <see cref="Capture"/> reads, before a save,
/// what it changes in records, plans, classes, plan cases and hours rules; <see cref="ApplyAsync"/> writes the
/// summary after the save, on its connection and in its transaction (the save interceptor calls both), so the
/// summary commits or rolls back with the change. <see cref="RebuildAsync"/> recounts everything from the source
/// tables (the migration that made the tables, the rebuild command, bulk loads) and <see cref="CheckAsync"/> tells
/// whether the stored summary equals that recount.
/// </summary>
/// <remarks>
/// Additive numbers (records, hours) move by deltas: an upsert adds them. Numbers that are not additive are
/// recounted for the cells a save touched, from rows the cell lock already guards: people and those who met the
/// year's rule from the cell's <see cref="PersonYear"/> rows, plan numbers from the cell's plans. On PostgreSQL
/// the cell rows are locked (by the upsert) before any recount, in key order, so two saves on one cell take
/// turns and the second recounts after the first committed; a rule change locks the whole table. SQLite has
/// one writer at a time. Plain commands on the saving connection: no EF execution strategy or change tracker is
/// involved, so the same code runs inside a retried unit of work.
/// </remarks>
public static class StatisticsSummary
{
    private const int Chunk = 400;

    /// <summary>A record's part in the summary, with the sign of its arrival (+1) or departure (−1).</summary>
    internal readonly record struct RecordPart(int Sign, int Year, int SeriesId, string RegionCode, string IdNumber, string SubjectType, bool Passed, long HoursTenths);

    internal readonly record struct CellKey(int Year, int SeriesId, string RegionCode) : IComparable<CellKey>
    {
        public int CompareTo(CellKey other) =>
            Year != other.Year ? Year.CompareTo(other.Year)
            : SeriesId != other.SeriesId ? SeriesId.CompareTo(other.SeriesId)
            : string.CompareOrdinal(RegionCode, other.RegionCode);
    }

    /// <summary>What one save changes in the summary, read before the save (original values are gone after it).</summary>
    public sealed class Changes
    {
        internal List<RecordPart> Records { get; } = [];
        internal HashSet<CellKey> PlanCells { get; } = [];
        internal HashSet<int> PlanIds { get; } = [];
        /// <summary>Classes added in this save: their plan id is only final after it (the plan may be new too).</summary>
        internal List<TrainingClass> AddedClasses { get; } = [];
        internal int? RulesFrom { get; set; }

        public bool IsEmpty => Records.Count == 0 && PlanCells.Count == 0 && PlanIds.Count == 0 && AddedClasses.Count == 0 && RulesFrom is null;
    }

    public static long Tenths(decimal hours) => (long)Math.Round(hours * 10m, MidpointRounding.AwayFromZero);

    public static decimal Hours(long tenths) => tenths / 10m;

    /// <summary>The summary's part of the pending changes of <paramref name="db"/>; null when the save touches none of it.</summary>
    public static Changes? Capture(DbContext db)
    {
        var changes = new Changes();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            switch (entry.Entity)
            {
                case CeRecord:
                    CaptureRecord(entry, changes);
                    break;
                case TrainingPlan:
                    if (entry.State != EntityState.Modified || Changed(entry, nameof(TrainingPlan.Year), nameof(TrainingPlan.SeriesId), nameof(TrainingPlan.RegionCode), nameof(TrainingPlan.ApprovedAt)))
                    {
                        if (entry.State != EntityState.Added) changes.PlanCells.Add(PlanCell(entry.OriginalValues));
                        if (entry.State != EntityState.Deleted) changes.PlanCells.Add(PlanCell(entry.CurrentValues));
                    }
                    break;
                case TrainingClass added when entry.State == EntityState.Added:
                    changes.AddedClasses.Add(added);
                    break;
                case TrainingClass:
                    if (entry.State == EntityState.Deleted || Changed(entry, nameof(TrainingClass.PlanId), nameof(TrainingClass.PlannedEnrolment)))
                    {
                        changes.PlanIds.Add((int)entry.OriginalValues[nameof(TrainingClass.PlanId)]!);
                        if (entry.State != EntityState.Deleted) changes.PlanIds.Add((int)entry.CurrentValues[nameof(TrainingClass.PlanId)]!);
                    }
                    break;
                case ReviewCase review when review.Kind == ReviewKind.TrainingPlan:
                    if (entry.State != EntityState.Modified || Changed(entry, nameof(ReviewCase.SubmittedAt)))
                        changes.PlanIds.Add(review.SubjectId);
                    break;
                case HoursRule rule:
                    var year = entry.State == EntityState.Added ? rule.Year : Math.Min(rule.Year, (int)entry.OriginalValues[nameof(HoursRule.Year)]!);
                    changes.RulesFrom = Math.Min(changes.RulesFrom ?? int.MaxValue, year);
                    break;
            }
        }
        return changes.IsEmpty ? null : changes;
    }

    private static readonly string[] RecordFields =
        [nameof(CeRecord.Year), nameof(CeRecord.SeriesId), nameof(CeRecord.RegionCode), nameof(CeRecord.IdNumber), nameof(CeRecord.SubjectType), nameof(CeRecord.Result), nameof(CeRecord.Hours)];

    private static void CaptureRecord(EntityEntry entry, Changes changes)
    {
        if (entry.State == EntityState.Modified && !Changed(entry, RecordFields)) return;
        if (entry.State != EntityState.Added) changes.Records.Add(Part(-1, entry.OriginalValues));
        if (entry.State != EntityState.Deleted) changes.Records.Add(Part(+1, entry.CurrentValues));
    }

    private static RecordPart Part(int sign, PropertyValues v) => new(sign,
        (int)v[nameof(CeRecord.Year)]!, (int)v[nameof(CeRecord.SeriesId)]!, (string)v[nameof(CeRecord.RegionCode)]!, (string)v[nameof(CeRecord.IdNumber)]!,
        (string)v[nameof(CeRecord.SubjectType)]!, (string)v[nameof(CeRecord.Result)]! == RecordValues.Passed, Tenths((decimal)v[nameof(CeRecord.Hours)]!));

    private static CellKey PlanCell(PropertyValues v) =>
        new((int)v[nameof(TrainingPlan.Year)]!, (int)v[nameof(TrainingPlan.SeriesId)]!, (string)v[nameof(TrainingPlan.RegionCode)]!);

    private static bool Changed(EntityEntry entry, params string[] properties) =>
        properties.Any(p => entry.Property(p) is { IsModified: true } prop && !Equals(prop.OriginalValue, prop.CurrentValue));

    /// <summary>Writes <paramref name="changes"/> into the summary inside the save's transaction (after the save).</summary>
    public static async Task ApplyAsync(DbConnection connection, DbTransaction transaction, Changes changes, CancellationToken ct)
    {
        var sql = new Commands(connection, transaction);
        foreach (var added in changes.AddedClasses) changes.PlanIds.Add(added.PlanId);
        if (changes.PlanIds.Count > 0)
        {
            foreach (var ids in changes.PlanIds.Order().Chunk(Chunk))
            {
                var list = string.Join(", ", ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));
                await sql.ReadAsync($"""SELECT "Year", "SeriesId", "RegionCode" FROM "TrainingPlans" WHERE "Id" IN ({list})""",
                    r => changes.PlanCells.Add(new CellKey(r.GetInt32(0), r.GetInt32(1), r.GetString(2))), ct);
            }
        }

        var cellDeltas = changes.Records.GroupBy(p => new CellKey(p.Year, p.SeriesId, p.RegionCode)).ToDictionary(g => g.Key, g => g.ToList());
        // Every touched cell is locked (upserted) first, in key order, before any recount reads its rows.
        var touched = cellDeltas.Keys.Union(changes.PlanCells).Order().ToList();
        foreach (var chunk in touched.Chunk(Chunk))
            await UpsertCellsAsync(sql, chunk.Select(k => (k, cellDeltas.GetValueOrDefault(k) ?? [])).ToList(), ct);

        var personDeltas = changes.Records.Where(p => p.Passed)
            .GroupBy(p => (Cell: new CellKey(p.Year, p.SeriesId, p.RegionCode), p.IdNumber))
            .OrderBy(g => g.Key.Cell).ThenBy(g => g.Key.IdNumber, StringComparer.Ordinal).ToList();
        if (personDeltas.Count > 0)
        {
            foreach (var chunk in personDeltas.Chunk(Chunk)) await UpsertPeopleAsync(sql, chunk, ct);
            var people = personDeltas.Select(g => (g.Key.IdNumber, g.Key.Cell.Year)).Distinct().ToList();
            foreach (var chunk in people.Chunk(Chunk))
            {
                var (values, parameters) = Values(chunk.Select(p => new object[] { p.IdNumber, p.Year }));
                if (personDeltas.Any(g => g.Any(p => p.Sign < 0)))
                    await sql.ExecuteAsync($"""DELETE FROM "PersonYears" WHERE "PassedRecords" <= 0 AND ("IdNumber", "Year") IN (VALUES {values})""", parameters, ct);
                await sql.ExecuteAsync($"""
                    UPDATE "PersonYears" SET "Split" = ((SELECT COUNT(*) FROM "PersonYears" q WHERE q."IdNumber" = "PersonYears"."IdNumber" AND q."Year" = "PersonYears"."Year") > 1)
                    WHERE ("IdNumber", "Year") IN (VALUES {values})
                    """, parameters, ct);
            }
            foreach (var chunk in personDeltas.Select(g => g.Key.Cell).Distinct().Chunk(Chunk))
                await RecountPeopleAsync(sql, chunk, ct);
        }

        foreach (var chunk in changes.PlanCells.Order().Chunk(Chunk)) await RecountPlansAsync(sql, chunk, ct);

        if (changes.RulesFrom is { } from)
        {
            // A rule decides who met it in its year and in the later years that follow it: recount them all, with
            // every other summary writer kept out until this commits (PostgreSQL; SQLite has one writer anyway).
            if (IsPostgres(connection)) await sql.ExecuteAsync("""LOCK TABLE "StatCells" IN SHARE ROW EXCLUSIVE MODE""", [], ct);
            await sql.ExecuteAsync(RecountPeopleSql("\"Year\" >= @from"), [("@from", from)], ct);
        }
    }

    private static async Task UpsertCellsAsync(Commands sql, List<(CellKey Key, List<RecordPart> Parts)> cells, CancellationToken ct)
    {
        var (values, parameters) = Values(cells.Select(c =>
        {
            long Hours(Func<RecordPart, bool> which) => c.Parts.Where(p => p.Passed && which(p)).Sum(p => p.Sign * p.HoursTenths);
            return new object[]
            {
                c.Key.Year, c.Key.SeriesId, c.Key.RegionCode, c.Parts.Sum(p => p.Sign), Hours(_ => true),
                Hours(p => p.SubjectType == RecordValues.Public), Hours(p => p.SubjectType == RecordValues.Professional), Hours(p => p.SubjectType == RecordValues.Elective),
            };
        }));
        await sql.ExecuteAsync($"""
            INSERT INTO "StatCells" ("Year", "SeriesId", "RegionCode", "Records", "PassedHoursTenths", "PublicHoursTenths", "ProfessionalHoursTenths", "ElectiveHoursTenths",
                "PlansSubmitted", "PlansApproved", "Classes", "PlannedEnrolment", "People", "MetAnnual", "MetPublic", "MetProfessional", "MetElective")
            SELECT v.*, 0, 0, 0, 0, 0, 0, 0, 0, 0 FROM (VALUES {values}) AS v WHERE TRUE
            ON CONFLICT ("Year", "SeriesId", "RegionCode") DO UPDATE SET
                "Records" = "StatCells"."Records" + excluded."Records",
                "PassedHoursTenths" = "StatCells"."PassedHoursTenths" + excluded."PassedHoursTenths",
                "PublicHoursTenths" = "StatCells"."PublicHoursTenths" + excluded."PublicHoursTenths",
                "ProfessionalHoursTenths" = "StatCells"."ProfessionalHoursTenths" + excluded."ProfessionalHoursTenths",
                "ElectiveHoursTenths" = "StatCells"."ElectiveHoursTenths" + excluded."ElectiveHoursTenths"
            """, parameters, ct);
    }

    private static async Task UpsertPeopleAsync(Commands sql, IEnumerable<IGrouping<(CellKey Cell, string IdNumber), RecordPart>> people, CancellationToken ct)
    {
        var (values, parameters) = Values(people.Select(g =>
        {
            long Hours(Func<RecordPart, bool> which) => g.Where(which).Sum(p => p.Sign * p.HoursTenths);
            return new object[]
            {
                g.Key.Cell.Year, g.Key.Cell.SeriesId, g.Key.Cell.RegionCode, g.Key.IdNumber, g.Sum(p => p.Sign), Hours(_ => true),
                Hours(p => p.SubjectType == RecordValues.Public), Hours(p => p.SubjectType == RecordValues.Professional), Hours(p => p.SubjectType == RecordValues.Elective),
            };
        }));
        await sql.ExecuteAsync($"""
            INSERT INTO "PersonYears" ("Year", "SeriesId", "RegionCode", "IdNumber", "PassedRecords", "HoursTenths", "PublicHoursTenths", "ProfessionalHoursTenths", "ElectiveHoursTenths", "Split")
            SELECT v.*, FALSE FROM (VALUES {values}) AS v WHERE TRUE
            ON CONFLICT ("Year", "SeriesId", "RegionCode", "IdNumber") DO UPDATE SET
                "PassedRecords" = "PersonYears"."PassedRecords" + excluded."PassedRecords",
                "HoursTenths" = "PersonYears"."HoursTenths" + excluded."HoursTenths",
                "PublicHoursTenths" = "PersonYears"."PublicHoursTenths" + excluded."PublicHoursTenths",
                "ProfessionalHoursTenths" = "PersonYears"."ProfessionalHoursTenths" + excluded."ProfessionalHoursTenths",
                "ElectiveHoursTenths" = "PersonYears"."ElectiveHoursTenths" + excluded."ElectiveHoursTenths"
            """, parameters, ct);
    }

    private static Task RecountPeopleAsync(Commands sql, IReadOnlyCollection<CellKey> cells, CancellationToken ct)
    {
        var (values, parameters) = Values(cells.Select(c => new object[] { c.Year, c.SeriesId, c.RegionCode }));
        return sql.ExecuteAsync(RecountPeopleSql($"""("Year", "SeriesId", "RegionCode") IN (VALUES {values})"""), parameters, ct);
    }

    private static Task RecountPlansAsync(Commands sql, IReadOnlyCollection<CellKey> cells, CancellationToken ct)
    {
        var (values, parameters) = Values(cells.Select(c => new object[] { c.Year, c.SeriesId, c.RegionCode }));
        return sql.ExecuteAsync(RecountPlansSql($"""("Year", "SeriesId", "RegionCode") IN (VALUES {values})"""), parameters, ct);
    }

    // ---------------------------------------------------------------- the SQL (portable: SQLite and PostgreSQL)

    private const string CellOfPerson = """p."Year" = "StatCells"."Year" AND p."SeriesId" = "StatCells"."SeriesId" AND p."RegionCode" = "StatCells"."RegionCode" """;

    /// <summary>
    /// The year's rule as <see cref="HoursRuleBook"/> reads it: the latest rule of that year or before, else the first.
    /// </summary>
    private static string Rule(string column) => $"""
        COALESCE((SELECT r."{column}" FROM "HoursRules" r WHERE r."Year" <= "StatCells"."Year" ORDER BY r."Year" DESC LIMIT 1),
                 (SELECT r."{column}" FROM "HoursRules" r ORDER BY r."Year" LIMIT 1))
        """;

    /// <summary>
    /// ComplianceRule.Met in SQL on a person-year's tenths: 公需 and 专业 each reach their requirement, and 选修 does
    /// with the excess the year's rule credits to it (what the compliance query evaluates; a test checks they agree).
    /// </summary>
    private static string Met => $"""
        p."PublicHoursTenths" >= 10 * {Rule("PublicRequired")}
        AND p."ProfessionalHoursTenths" >= 10 * {Rule("ProfessionalRequired")}
        AND p."ElectiveHoursTenths"
            + CASE WHEN {Rule("ProfessionalExcessCountsAsElective")} THEN p."ProfessionalHoursTenths" - 10 * {Rule("ProfessionalRequired")} ELSE 0 END
            + CASE WHEN {Rule("PublicExcessCountsAsElective")} THEN p."PublicHoursTenths" - 10 * {Rule("PublicRequired")} ELSE 0 END
            >= 10 * {Rule("ElectiveRequired")}
        """;

    /// <summary>People and those who met the year's rule, of the cells <paramref name="where"/> selects, from their <see cref="PersonYear"/> rows.</summary>
    private static string RecountPeopleSql(string where) => $"""
        UPDATE "StatCells" SET
            "People" = (SELECT COUNT(*) FROM "PersonYears" p WHERE {CellOfPerson}),
            "MetAnnual" = (SELECT COUNT(*) FROM "PersonYears" p WHERE {CellOfPerson} AND {Met}),
            "MetPublic" = (SELECT COUNT(*) FROM "PersonYears" p WHERE {CellOfPerson} AND p."PublicHoursTenths" >= 10 * {Rule("PublicRequired")}),
            "MetProfessional" = (SELECT COUNT(*) FROM "PersonYears" p WHERE {CellOfPerson} AND p."ProfessionalHoursTenths" >= 10 * {Rule("ProfessionalRequired")}),
            "MetElective" = (SELECT COUNT(*) FROM "PersonYears" p WHERE {CellOfPerson} AND p."ElectiveHoursTenths" >= 10 * {Rule("ElectiveRequired")})
        WHERE {where}
        """;

    private const string CellOfPlan = """p."Year" = "StatCells"."Year" AND p."SeriesId" = "StatCells"."SeriesId" AND p."RegionCode" = "StatCells"."RegionCode" """;

    /// <summary>
    /// Plans submitted (a plan case that was ever submitted, or approved) and approved; classes and planned enrolment
    /// of approved plans: of the cells <paramref name="where"/> selects, from their plans.
    /// </summary>
    private static string RecountPlansSql(string where) => $"""
        UPDATE "StatCells" SET
            "PlansSubmitted" = (SELECT COUNT(*) FROM "TrainingPlans" p WHERE {CellOfPlan}
                AND (p."ApprovedAt" IS NOT NULL OR EXISTS (SELECT 1 FROM "ReviewCases" c WHERE c."Kind" = '{nameof(ReviewKind.TrainingPlan)}' AND c."SubjectId" = p."Id" AND c."SubmittedAt" IS NOT NULL))),
            "PlansApproved" = (SELECT COUNT(*) FROM "TrainingPlans" p WHERE {CellOfPlan} AND p."ApprovedAt" IS NOT NULL),
            "Classes" = (SELECT COUNT(*) FROM "TrainingClasses" k JOIN "TrainingPlans" p ON p."Id" = k."PlanId" WHERE {CellOfPlan} AND p."ApprovedAt" IS NOT NULL),
            "PlannedEnrolment" = (SELECT COALESCE(SUM(k."PlannedEnrolment"), 0) FROM "TrainingClasses" k JOIN "TrainingPlans" p ON p."Id" = k."PlanId" WHERE {CellOfPlan} AND p."ApprovedAt" IS NOT NULL)
        WHERE {where}
        """;

    private static string TenthsOf(string hours) => $"CAST(ROUND({hours} * 10) AS BIGINT)";

    private static string PassedTenths(string? subjectType) =>
        $"""SUM(CASE WHEN "Result" = '{RecordValues.Passed}'{(subjectType is null ? "" : $""" AND "SubjectType" = '{subjectType}'""")} THEN {TenthsOf("\"Hours\"")} ELSE 0 END)""";

    /// <summary>
    /// The whole summary recounted from the records, plans, classes, plan cases and hours rules: what
    /// <see cref="RebuildAsync"/> runs, and what the migration that made the tables runs once.
    /// </summary>
    public static IReadOnlyList<string> RebuildStatements { get; } =
    [
        """DELETE FROM "PersonYears" """,
        """DELETE FROM "StatCells" """,
        $"""
        INSERT INTO "PersonYears" ("Year", "SeriesId", "RegionCode", "IdNumber", "PassedRecords", "HoursTenths", "PublicHoursTenths", "ProfessionalHoursTenths", "ElectiveHoursTenths", "Split")
        SELECT "Year", "SeriesId", "RegionCode", "IdNumber", COUNT(*), SUM({TenthsOf("\"Hours\"")}),
            {PassedTenths(RecordValues.Public)}, {PassedTenths(RecordValues.Professional)}, {PassedTenths(RecordValues.Elective)}, FALSE
        FROM "CeRecords" WHERE "Result" = '{RecordValues.Passed}'
        GROUP BY "Year", "SeriesId", "RegionCode", "IdNumber"
        """,
        """
        UPDATE "PersonYears" SET "Split" = TRUE
        WHERE ("IdNumber", "Year") IN (SELECT "IdNumber", "Year" FROM "PersonYears" GROUP BY "IdNumber", "Year" HAVING COUNT(*) > 1)
        """,
        $"""
        INSERT INTO "StatCells" ("Year", "SeriesId", "RegionCode", "Records", "PassedHoursTenths", "PublicHoursTenths", "ProfessionalHoursTenths", "ElectiveHoursTenths",
            "PlansSubmitted", "PlansApproved", "Classes", "PlannedEnrolment", "People", "MetAnnual", "MetPublic", "MetProfessional", "MetElective")
        SELECT "Year", "SeriesId", "RegionCode", COUNT(*), {PassedTenths(null)},
            {PassedTenths(RecordValues.Public)}, {PassedTenths(RecordValues.Professional)}, {PassedTenths(RecordValues.Elective)}, 0, 0, 0, 0, 0, 0, 0, 0, 0
        FROM "CeRecords" GROUP BY "Year", "SeriesId", "RegionCode"
        """,
        """
        INSERT INTO "StatCells" ("Year", "SeriesId", "RegionCode", "Records", "PassedHoursTenths", "PublicHoursTenths", "ProfessionalHoursTenths", "ElectiveHoursTenths",
            "PlansSubmitted", "PlansApproved", "Classes", "PlannedEnrolment", "People", "MetAnnual", "MetPublic", "MetProfessional", "MetElective")
        SELECT DISTINCT "Year", "SeriesId", "RegionCode", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 FROM "TrainingPlans" WHERE TRUE
        ON CONFLICT ("Year", "SeriesId", "RegionCode") DO NOTHING
        """,
        RecountPlansSql("TRUE"),
        RecountPeopleSql("TRUE"),
        """DELETE FROM "StatCells" WHERE "Records" = 0 AND "PlansSubmitted" = 0 AND "PlansApproved" = 0 AND "Classes" = 0""",
    ];

    /// <summary>Recounts the whole summary from the source tables, in one transaction.</summary>
    public static Task RebuildAsync(AppDbContext db, CancellationToken ct = default) =>
        db.InTransactionAsync(async (d, token) =>
        {
            var sql = Commands.Of(d);
            foreach (var statement in RebuildStatements) await sql.ExecuteAsync(statement, [], token);
            return true;
        }, ct);

    /// <summary>How the stored summary differs from a full recount: rows in one and not in the other.</summary>
    public sealed record Difference(int CellsOnlyStored, int CellsOnlyRecounted, int PeopleOnlyStored, int PeopleOnlyRecounted)
    {
        public bool None => CellsOnlyStored + CellsOnlyRecounted + PeopleOnlyStored + PeopleOnlyRecounted == 0;

        public override string ToString() =>
            $"cells: {CellsOnlyStored} stored rows not in the recount, {CellsOnlyRecounted} recounted rows not stored; " +
            $"person-years: {PeopleOnlyStored} stored rows not in the recount, {PeopleOnlyRecounted} recounted rows not stored";
    }

    private const string NonEmptyCell = """ WHERE "Records" <> 0 OR "PlansSubmitted" <> 0 OR "PlansApproved" <> 0 OR "Classes" <> 0 OR "PlannedEnrolment" <> 0""";

    /// <summary>
    /// Compares the stored summary with a full recount: copies it aside, rebuilds in a transaction, compares row
    /// by row both ways, and keeps the rebuild only when <paramref name="repair"/> (the recount is the truth).
    /// </summary>
    public static async Task<Difference> CheckAsync(AppDbContext db, bool repair, CancellationToken ct = default)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(token);
            var sql = Commands.Of(db);
            await sql.ExecuteAsync("""CREATE TEMPORARY TABLE "StatCellsStored" AS SELECT * FROM "StatCells" """, [], token);
            await sql.ExecuteAsync("""CREATE TEMPORARY TABLE "PersonYearsStored" AS SELECT * FROM "PersonYears" """, [], token);
            foreach (var statement in RebuildStatements) await sql.ExecuteAsync(statement, [], token);
            const string cells = """SELECT "Year", "SeriesId", "RegionCode", "Records", "PassedHoursTenths", "PublicHoursTenths", "ProfessionalHoursTenths", "ElectiveHoursTenths", "PlansSubmitted", "PlansApproved", "Classes", "PlannedEnrolment", "People", "MetAnnual", "MetPublic", "MetProfessional", "MetElective" FROM """;
            const string people = """SELECT "Year", "SeriesId", "RegionCode", "IdNumber", "PassedRecords", "HoursTenths", "PublicHoursTenths", "ProfessionalHoursTenths", "ElectiveHoursTenths", "Split" FROM """;
            var difference = new Difference(
                await sql.CountAsync($"""{cells}"StatCellsStored"{NonEmptyCell} EXCEPT {cells}"StatCells"{NonEmptyCell}""", token),
                await sql.CountAsync($"""{cells}"StatCells"{NonEmptyCell} EXCEPT {cells}"StatCellsStored"{NonEmptyCell}""", token),
                await sql.CountAsync($"""{people}"PersonYearsStored" EXCEPT {people}"PersonYears" """, token),
                await sql.CountAsync($"""{people}"PersonYears" EXCEPT {people}"PersonYearsStored" """, token));
            await sql.ExecuteAsync("""DROP TABLE "StatCellsStored" """, [], token);
            await sql.ExecuteAsync("""DROP TABLE "PersonYearsStored" """, [], token);
            if (repair) await tx.CommitAsync(token);
            else await tx.RollbackAsync(token);
            return difference;
        }, ct);
    }

    // ---------------------------------------------------------------- commands

    private static bool IsPostgres(DbConnection connection) => connection is Npgsql.NpgsqlConnection;

    /// <summary>"(@p0, @p1), (@p2, @p3)" and its parameters, for a VALUES list.</summary>
    private static (string Sql, List<(string, object)> Parameters) Values(IEnumerable<object[]> rows)
    {
        var text = new StringBuilder();
        var parameters = new List<(string, object)>();
        foreach (var row in rows)
        {
            text.Append(text.Length == 0 ? "(" : ", (");
            for (var i = 0; i < row.Length; i++)
            {
                var name = "@p" + parameters.Count.ToString(CultureInfo.InvariantCulture);
                text.Append(i == 0 ? name : ", " + name);
                parameters.Add((name, row[i]));
            }
            text.Append(')');
        }
        return (text.ToString(), parameters);
    }

    private sealed class Commands(DbConnection connection, DbTransaction? transaction)
    {
        public static Commands Of(AppDbContext db) =>
            new(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction());

        private DbCommand Command(string text, IEnumerable<(string Name, object Value)> parameters)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = text;
            foreach (var (name, value) in parameters)
            {
                var p = command.CreateParameter();
                p.ParameterName = name;
                p.Value = value;
                command.Parameters.Add(p);
            }
            return command;
        }

        public async Task ExecuteAsync(string text, IEnumerable<(string, object)> parameters, CancellationToken ct)
        {
            await using var command = Command(text, parameters);
            await command.ExecuteNonQueryAsync(ct);
        }

        public async Task<int> CountAsync(string query, CancellationToken ct)
        {
            await using var command = Command($"SELECT COUNT(*) FROM ({query}) AS x", []);
            return Convert.ToInt32(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        }

        public async Task ReadAsync(string text, Action<DbDataReader> row, CancellationToken ct)
        {
            await using var command = Command(text, []);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) row(reader);
        }
    }
}
