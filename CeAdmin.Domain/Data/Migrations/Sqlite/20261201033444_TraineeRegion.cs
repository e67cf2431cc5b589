using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CeAdmin.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TraineeRegion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "WorkUnit",
                table: "CeRecords",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "RecordRegionFixes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecordId = table.Column<long>(type: "INTEGER", nullable: false),
                    OldRegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    NewRegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    SuggestedRegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordRegionFixes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecordRegionFixes_CeRecords_RecordId",
                        column: x => x.RecordId,
                        principalTable: "CeRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RecordRegionFixes_RecordId_Outcome",
                table: "RecordRegionFixes",
                columns: new[] { "RecordId", "Outcome" });

            // Hand-written data fix (keep this call when the migration is regenerated).
            TraineeRegionFix.Apply(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RecordRegionFixes");

            migrationBuilder.DropColumn(
                name: "WorkUnit",
                table: "CeRecords");
        }
    }
}
