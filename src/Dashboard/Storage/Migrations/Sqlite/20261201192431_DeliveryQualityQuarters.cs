using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeliveryQualityQuarters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DeliveryQualityQuarters",
                columns: table => new
                {
                    Quarter = table.Column<long>(type: "INTEGER", nullable: false),
                    Deliveries = table.Column<long>(type: "INTEGER", nullable: false),
                    DuplicateDeliveries = table.Column<long>(type: "INTEGER", nullable: false),
                    Quarantined = table.Column<long>(type: "INTEGER", nullable: false),
                    QuarantinedEnvelopes = table.Column<long>(type: "INTEGER", nullable: false),
                    OutOfOrder = table.Column<long>(type: "INTEGER", nullable: false),
                    RepeatedEvents = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeliveryQualityQuarters", x => x.Quarter);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeliveryQualityQuarters");
        }
    }
}
