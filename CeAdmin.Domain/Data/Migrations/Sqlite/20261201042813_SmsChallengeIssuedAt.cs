using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CeAdmin.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SmsChallengeIssuedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "IssuedAt",
                table: "SmsChallenges",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.CreateIndex(
                name: "IX_SmsChallenges_PhoneNumber_IssuedAt",
                table: "SmsChallenges",
                columns: new[] { "PhoneNumber", "IssuedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SmsChallenges_PhoneNumber_IssuedAt",
                table: "SmsChallenges");

            migrationBuilder.DropColumn(
                name: "IssuedAt",
                table: "SmsChallenges");
        }
    }
}
