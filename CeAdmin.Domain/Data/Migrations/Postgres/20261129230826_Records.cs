using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CeAdmin.Domain.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Records : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CeRecords_IdNumber",
                table: "CeRecords");

            migrationBuilder.DropIndex(
                name: "IX_CeRecords_SeriesId_Year_RegionCode_Id",
                table: "CeRecords");

            migrationBuilder.CreateIndex(
                name: "IX_CeRecords_AuthorityId",
                table: "CeRecords",
                column: "AuthorityId");

            migrationBuilder.CreateIndex(
                name: "IX_CeRecords_IdNumber_StartDate_EndDate_CourseName",
                table: "CeRecords",
                columns: new[] { "IdNumber", "StartDate", "EndDate", "CourseName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CeRecords_PersonName",
                table: "CeRecords",
                column: "PersonName");

            migrationBuilder.CreateIndex(
                name: "IX_CeRecords_SeriesId_Id_RegionCode",
                table: "CeRecords",
                columns: new[] { "SeriesId", "Id", "RegionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_CeRecords_SeriesId_Year_Id_RegionCode",
                table: "CeRecords",
                columns: new[] { "SeriesId", "Year", "Id", "RegionCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CeRecords_AuthorityId",
                table: "CeRecords");

            migrationBuilder.DropIndex(
                name: "IX_CeRecords_IdNumber_StartDate_EndDate_CourseName",
                table: "CeRecords");

            migrationBuilder.DropIndex(
                name: "IX_CeRecords_PersonName",
                table: "CeRecords");

            migrationBuilder.DropIndex(
                name: "IX_CeRecords_SeriesId_Id_RegionCode",
                table: "CeRecords");

            migrationBuilder.DropIndex(
                name: "IX_CeRecords_SeriesId_Year_Id_RegionCode",
                table: "CeRecords");

            migrationBuilder.CreateIndex(
                name: "IX_CeRecords_IdNumber",
                table: "CeRecords",
                column: "IdNumber");

            migrationBuilder.CreateIndex(
                name: "IX_CeRecords_SeriesId_Year_RegionCode_Id",
                table: "CeRecords",
                columns: new[] { "SeriesId", "Year", "RegionCode", "Id" });
        }
    }
}
