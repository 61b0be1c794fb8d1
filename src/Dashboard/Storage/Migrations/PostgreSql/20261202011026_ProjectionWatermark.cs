using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Storage.Migrations.PostgreSql
{
    /// <summary>
    /// The projector no longer marks each delivery projected: a watermark says how far it has come. The watermark is
    /// set from the deliveries already projected (see <see cref="WatermarkCarryOver"/>).
    /// </summary>
    public partial class ProjectionWatermark : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProjectedBatches",
                columns: table => new
                {
                    UpToDeliveryId = table.Column<long>(type: "bigint", nullable: false),
                    ProjectedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectedBatches", x => x.UpToDeliveryId);
                });

            migrationBuilder.CreateTable(
                name: "ProjectionWatermark",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    DeliveryId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectionWatermark", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "ProjectionWatermark",
                columns: new[] { "Id", "DeliveryId" },
                values: new object[] { 1, 0L });

            foreach (var statement in WatermarkCarryOver.Up())
                migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in WatermarkCarryOver.Down())
                migrationBuilder.Sql(statement);

            migrationBuilder.DropTable(
                name: "ProjectedBatches");

            migrationBuilder.DropTable(
                name: "ProjectionWatermark");
        }
    }
}
