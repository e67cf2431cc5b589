using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CeAdmin.Domain.Data.Migrations.Postgres
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "ProfessionalExcessCountsAsElective",
                table: "HoursRules",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "PublicExcessCountsAsElective",
                table: "HoursRules",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReportingDeadline",
                table: "HoursRules",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<int>(
                name: "ReviewWorkingDays",
                table: "HoursRules",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "Certificates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    PersonName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    MaskedIdNumber = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SeriesId = table.Column<int>(type: "integer", nullable: false),
                    RecordIds = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PublicHours = table.Column<decimal>(type: "numeric(8,1)", precision: 8, scale: 1, nullable: false),
                    ProfessionalHours = table.Column<decimal>(type: "numeric(8,1)", precision: 8, scale: 1, nullable: false),
                    ElectiveHours = table.Column<decimal>(type: "numeric(8,1)", precision: 8, scale: 1, nullable: false),
                    Required = table.Column<int>(type: "integer", nullable: false),
                    Met = table.Column<bool>(type: "boolean", nullable: false),
                    Missing = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IssuerUnitId = table.Column<int>(type: "integer", nullable: false),
                    IssuerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Certificates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CertificateVerifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CertificateId = table.Column<long>(type: "bigint", nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ClientAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
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
