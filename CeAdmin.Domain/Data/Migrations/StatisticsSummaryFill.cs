using CeAdmin.Domain.Statistics;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CeAdmin.Domain.Data.Migrations;

/// <summary>
/// Hand-written data step of the StatisticsSummary migration (both providers call it at the end of Up; keep the
/// call when a migration is regenerated): the new summary tables are filled from the records, plans, classes, plan
/// cases and hours rules already in the database, by the same statements as the rebuild command
/// (<see cref="StatisticsSummary.RebuildStatements"/>). A later migration that changes the summary's columns must
/// copy the statements it needs here instead of calling the current ones.
/// </summary>
public static class StatisticsSummaryFill
{
    public static void Apply(MigrationBuilder migrationBuilder)
    {
        foreach (var sql in StatisticsSummary.RebuildStatements) migrationBuilder.Sql(sql);
    }
}
