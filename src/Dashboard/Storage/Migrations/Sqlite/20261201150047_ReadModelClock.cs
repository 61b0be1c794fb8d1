using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReadModelClock : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ChangeVersion",
                table: "ReferralApplications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ChangeVersion",
                table: "IdibuVacancies",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ChangeVersion",
                table: "IdibuCandidates",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "ReadModelClock",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    Epoch = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReadModelClock", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "ReadModelClock",
                columns: new[] { "Id", "Epoch", "Version" },
                values: new object[] { 1, 0L, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_ReferralApplications_ChangeVersion",
                table: "ReferralApplications",
                column: "ChangeVersion");

            migrationBuilder.CreateIndex(
                name: "IX_IdibuVacancies_ChangeVersion",
                table: "IdibuVacancies",
                column: "ChangeVersion");

            migrationBuilder.CreateIndex(
                name: "IX_IdibuCandidates_ChangeVersion",
                table: "IdibuCandidates",
                column: "ChangeVersion");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReadModelClock");

            migrationBuilder.DropIndex(
                name: "IX_ReferralApplications_ChangeVersion",
                table: "ReferralApplications");

            migrationBuilder.DropIndex(
                name: "IX_IdibuVacancies_ChangeVersion",
                table: "IdibuVacancies");

            migrationBuilder.DropIndex(
                name: "IX_IdibuCandidates_ChangeVersion",
                table: "IdibuCandidates");

            migrationBuilder.DropColumn(
                name: "ChangeVersion",
                table: "ReferralApplications");

            migrationBuilder.DropColumn(
                name: "ChangeVersion",
                table: "IdibuVacancies");

            migrationBuilder.DropColumn(
                name: "ChangeVersion",
                table: "IdibuCandidates");
        }
    }
}
