using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SenderChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SignatureCheck",
                table: "Deliveries",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SenderSettings",
                columns: table => new
                {
                    Provider = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    BasicUsername = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    BasicPasswordHash = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AllowedIps = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    ProtectedHmacSecret = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    EnforceHmac = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SenderSettings", x => x.Provider);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SenderSettings");

            migrationBuilder.DropColumn(
                name: "SignatureCheck",
                table: "Deliveries");
        }
    }
}
