using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CeAdmin.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ComplianceCertificates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PlanLeadDays",
                table: "HoursRules",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "ProfessionalExcessCountsAsElective",
                table: "HoursRules",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "PublicExcessCountsAsElective",
                table: "HoursRules",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReportingDeadline",
                table: "HoursRules",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<int>(
                name: "ReviewWorkingDays",
                table: "HoursRules",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "Certificates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Token = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    MaskedIdNumber = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    SeriesId = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordIds = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PublicHours = table.Column<decimal>(type: "TEXT", precision: 8, scale: 1, nullable: false),
                    ProfessionalHours = table.Column<decimal>(type: "TEXT", precision: 8, scale: 1, nullable: false),
                    ElectiveHours = table.Column<decimal>(type: "TEXT", precision: 8, scale: 1, nullable: false),
                    Required = table.Column<int>(type: "INTEGER", nullable: false),
                    Met = table.Column<bool>(type: "INTEGER", nullable: false),
                    Missing = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IssuerUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    IssuerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Certificates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CertificateVerifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CertificateId = table.Column<long>(type: "INTEGER", nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ClientAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CertificateVerifications", x => x.Id);
                });

            migrationBuilder.UpdateData(
                table: "HoursRules",
                keyColumn: "Year",
                keyValue: 2016,
                columns: new[] { "PlanLeadDays", "ProfessionalExcessCountsAsElective", "PublicExcessCountsAsElective", "ReportingDeadline", "ReviewWorkingDays" },
                values: new object[] { 7, true, false, new DateOnly(2017, 1, 31), 10 });

            migrationBuilder.UpdateData(
                table: "HoursRules",
                keyColumn: "Year",
                keyValue: 2017,
                columns: new[] { "PlanLeadDays", "ProfessionalExcessCountsAsElective", "PublicExcessCountsAsElective", "ReportingDeadline", "ReviewWorkingDays" },
                values: new object[] { 7, true, false, new DateOnly(2018, 1, 31), 10 });

            migrationBuilder.UpdateData(
                table: "HoursRules",
                keyColumn: "Year",
                keyValue: 2018,
                columns: new[] { "PlanLeadDays", "ProfessionalExcessCountsAsElective", "PublicExcessCountsAsElective", "ReportingDeadline", "ReviewWorkingDays" },
                values: new object[] { 7, true, false, new DateOnly(2019, 1, 31), 10 });

            migrationBuilder.UpdateData(
                table: "HoursRules",
                keyColumn: "Year",
                keyValue: 2019,
                columns: new[] { "PlanLeadDays", "ProfessionalExcessCountsAsElective", "PublicExcessCountsAsElective", "ReportingDeadline", "ReviewWorkingDays" },
                values: new object[] { 7, true, false, new DateOnly(2020, 1, 31), 10 });

            migrationBuilder.UpdateData(
                table: "HoursRules",
                keyColumn: "Year",
                keyValue: 2020,
                columns: new[] { "PlanLeadDays", "ProfessionalExcessCountsAsElective", "PublicExcessCountsAsElective", "ReportingDeadline", "ReviewWorkingDays" },
                values: new object[] { 7, true, false, new DateOnly(2021, 1, 31), 10 });

            migrationBuilder.UpdateData(
                table: "HoursRules",
                keyColumn: "Year",
                keyValue: 2021,
                columns: new[] { "PlanLeadDays", "ProfessionalExcessCountsAsElective", "PublicExcessCountsAsElective", "ReportingDeadline", "ReviewWorkingDays" },
                values: new object[] { 7, true, false, new DateOnly(2022, 1, 31), 10 });

            migrationBuilder.UpdateData(
                table: "HoursRules",
                keyColumn: "Year",
                keyValue: 2022,
                columns: new[] { "PlanLeadDays", "ProfessionalExcessCountsAsElective", "PublicExcessCountsAsElective", "ReportingDeadline", "ReviewWorkingDays" },
                values: new object[] { 7, true, false, new DateOnly(2023, 1, 31), 10 });

            migrationBuilder.UpdateData(
                table: "HoursRules",
                keyColumn: "Year",
                keyValue: 2023,
                columns: new[] { "PlanLeadDays", "ProfessionalExcessCountsAsElective", "PublicExcessCountsAsElective", "ReportingDeadline", "ReviewWorkingDays" },
                values: new object[] { 7, true, false, new DateOnly(2024, 1, 31), 10 });

            migrationBuilder.UpdateData(
                table: "HoursRules",
                keyColumn: "Year",
                keyValue: 2024,
                columns: new[] { "PlanLeadDays", "ProfessionalExcessCountsAsElective", "PublicExcessCountsAsElective", "ReportingDeadline", "ReviewWorkingDays" },
                values: new object[] { 7, true, false, new DateOnly(2025, 1, 31), 10 });

            migrationBuilder.UpdateData(
                table: "HoursRules",
                keyColumn: "Year",
                keyValue: 2025,
                columns: new[] { "PlanLeadDays", "ProfessionalExcessCountsAsElective", "PublicExcessCountsAsElective", "ReportingDeadline", "ReviewWorkingDays" },
                values: new object[] { 7, true, false, new DateOnly(2026, 1, 31), 10 });

            migrationBuilder.UpdateData(
                table: "HoursRules",
                keyColumn: "Year",
                keyValue: 2026,
                columns: new[] { "PlanLeadDays", "ProfessionalExcessCountsAsElective", "PublicExcessCountsAsElective", "ReportingDeadline", "ReviewWorkingDays" },
                values: new object[] { 7, true, false, new DateOnly(2027, 1, 31), 10 });

            migrationBuilder.UpdateData(
                table: "HoursRules",
                keyColumn: "Year",
                keyValue: 2027,
                columns: new[] { "PlanLeadDays", "ProfessionalExcessCountsAsElective", "PublicExcessCountsAsElective", "ReportingDeadline", "ReviewWorkingDays" },
                values: new object[] { 7, true, false, new DateOnly(2028, 1, 31), 10 });

            migrationBuilder.UpdateData(
                table: "HoursRules",
                keyColumn: "Year",
                keyValue: 2028,
                columns: new[] { "PlanLeadDays", "ProfessionalExcessCountsAsElective", "PublicExcessCountsAsElective", "ReportingDeadline", "ReviewWorkingDays" },
                values: new object[] { 7, true, false, new DateOnly(2029, 1, 31), 10 });

            migrationBuilder.UpdateData(
                table: "HoursRules",
                keyColumn: "Year",
                keyValue: 2029,
                columns: new[] { "PlanLeadDays", "ProfessionalExcessCountsAsElective", "PublicExcessCountsAsElective", "ReportingDeadline", "ReviewWorkingDays" },
                values: new object[] { 7, true, false, new DateOnly(2030, 1, 31), 10 });

            migrationBuilder.UpdateData(
                table: "HoursRules",
                keyColumn: "Year",
                keyValue: 2030,
                columns: new[] { "PlanLeadDays", "ProfessionalExcessCountsAsElective", "PublicExcessCountsAsElective", "ReportingDeadline", "ReviewWorkingDays" },
                values: new object[] { 7, true, false, new DateOnly(2031, 1, 31), 10 });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_Token",
                table: "Certificates",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CertificateVerifications_CertificateId",
                table: "CertificateVerifications",
                column: "CertificateId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Certificates");

            migrationBuilder.DropTable(
                name: "CertificateVerifications");

            migrationBuilder.DropColumn(
                name: "PlanLeadDays",
                table: "HoursRules");

            migrationBuilder.DropColumn(
                name: "ProfessionalExcessCountsAsElective",
                table: "HoursRules");

            migrationBuilder.DropColumn(
                name: "PublicExcessCountsAsElective",
                table: "HoursRules");

            migrationBuilder.DropColumn(
                name: "ReportingDeadline",
                table: "HoursRules");

            migrationBuilder.DropColumn(
                name: "ReviewWorkingDays",
                table: "HoursRules");
        }
    }
}
