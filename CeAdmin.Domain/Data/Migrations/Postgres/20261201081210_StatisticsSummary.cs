using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CeAdmin.Domain.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StatisticsSummary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CeRecords_AuthorityId",
                table: "CeRecords");

            migrationBuilder.DropIndex(
                name: "IX_CeRecords_PersonName",
                table: "CeRecords");

            migrationBuilder.CreateTable(
                name: "PersonYears",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    SeriesId = table.Column<int>(type: "integer", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    IdNumber = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    PassedRecords = table.Column<int>(type: "integer", nullable: false),
                    HoursTenths = table.Column<long>(type: "bigint", nullable: false),
                    PublicHoursTenths = table.Column<long>(type: "bigint", nullable: false),
                    ProfessionalHoursTenths = table.Column<long>(type: "bigint", nullable: false),
                    ElectiveHoursTenths = table.Column<long>(type: "bigint", nullable: false),
                    Split = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonYears", x => new { x.Year, x.SeriesId, x.RegionCode, x.IdNumber });
                });

            migrationBuilder.CreateTable(
                name: "StatCells",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    SeriesId = table.Column<int>(type: "integer", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    PlansSubmitted = table.Column<int>(type: "integer", nullable: false),
                    PlansApproved = table.Column<int>(type: "integer", nullable: false),
                    Classes = table.Column<int>(type: "integer", nullable: false),
                    PlannedEnrolment = table.Column<int>(type: "integer", nullable: false),
                    Records = table.Column<int>(type: "integer", nullable: false),
                    PassedHoursTenths = table.Column<long>(type: "bigint", nullable: false),
                    PublicHoursTenths = table.Column<long>(type: "bigint", nullable: false),
                    ProfessionalHoursTenths = table.Column<long>(type: "bigint", nullable: false),
                    ElectiveHoursTenths = table.Column<long>(type: "bigint", nullable: false),
                    People = table.Column<int>(type: "integer", nullable: false),
                    MetAnnual = table.Column<int>(type: "integer", nullable: false),
                    MetPublic = table.Column<int>(type: "integer", nullable: false),
                    MetProfessional = table.Column<int>(type: "integer", nullable: false),
                    MetElective = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatCells", x => new { x.Year, x.SeriesId, x.RegionCode });
                });

            migrationBuilder.CreateIndex(
                name: "IX_CeRecords_AuthorityId_Id",
                table: "CeRecords",
                columns: new[] { "AuthorityId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CeRecords_CourseName_Id",
                table: "CeRecords",
                columns: new[] { "CourseName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CeRecords_PersonName_Id",
                table: "CeRecords",
                columns: new[] { "PersonName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CeRecords_RegionCode_Id",
                table: "CeRecords",
                columns: new[] { "RegionCode", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CeRecords_SeriesId_CourseName_Id_RegionCode",
                table: "CeRecords",
                columns: new[] { "SeriesId", "CourseName", "Id", "RegionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_CeRecords_SeriesId_PersonName_Id_RegionCode",
                table: "CeRecords",
                columns: new[] { "SeriesId", "PersonName", "Id", "RegionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_CeRecords_SeriesId_RegionCode_Id",
                table: "CeRecords",
                columns: new[] { "SeriesId", "RegionCode", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CeRecords_Year_Id",
                table: "CeRecords",
                columns: new[] { "Year", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonYears_IdNumber_Year",
                table: "PersonYears",
                columns: new[] { "IdNumber", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonYears_Split",
                table: "PersonYears",
                columns: new[] { "Year", "SeriesId", "RegionCode" },
                filter: "\"Split\"");

            migrationBuilder.CreateIndex(
                name: "IX_StatCells_SeriesId_RegionCode_Year",
                table: "StatCells",
                columns: new[] { "SeriesId", "RegionCode", "Year" });

            // Hand-written data step (keep when regenerating): fill the new summary from the existing data.
            StatisticsSummaryFill.Apply(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PersonYears");

            migrationBuilder.DropTable(
                name: "StatCells");

            migrationBuilder.DropIndex(
                name: "IX_CeRecords_AuthorityId_Id",
                table: "CeRecords");

            migrationBuilder.DropIndex(
                name: "IX_CeRecords_CourseName_Id",
                table: "CeRecords");

            migrationBuilder.DropIndex(
                name: "IX_CeRecords_PersonName_Id",
                table: "CeRecords");

            migrationBuilder.DropIndex(
                name: "IX_CeRecords_RegionCode_Id",
                table: "CeRecords");

            migrationBuilder.DropIndex(
                name: "IX_CeRecords_SeriesId_CourseName_Id_RegionCode",
                table: "CeRecords");

            migrationBuilder.DropIndex(
                name: "IX_CeRecords_SeriesId_PersonName_Id_RegionCode",
                table: "CeRecords");

            migrationBuilder.DropIndex(
                name: "IX_CeRecords_SeriesId_RegionCode_Id",
                table: "CeRecords");

            migrationBuilder.DropIndex(
                name: "IX_CeRecords_Year_Id",
                table: "CeRecords");

            migrationBuilder.CreateIndex(
                name: "IX_CeRecords_AuthorityId",
                table: "CeRecords",
                column: "AuthorityId");

            migrationBuilder.CreateIndex(
                name: "IX_CeRecords_PersonName",
                table: "CeRecords",
                column: "PersonName");
        }
    }
}
