using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IdibuCandidates_CreatedAt",
                table: "IdibuCandidates");

            migrationBuilder.DropIndex(
                name: "IX_IdibuApplications_FirstObservedAt",
                table: "IdibuApplications");

            migrationBuilder.DropIndex(
                name: "IX_Deliveries_ReceivedAt",
                table: "Deliveries");

            migrationBuilder.CreateIndex(
                name: "IX_IdibuCandidates_CreatedAt_Source_ConsultantId_Location",
                table: "IdibuCandidates",
                columns: new[] { "CreatedAt", "Source", "ConsultantId", "Location" });

            migrationBuilder.CreateIndex(
                name: "IX_IdibuApplications_FirstObservedAt_CandidateId_VacancyId_CurrentStatusKey",
                table: "IdibuApplications",
                columns: new[] { "FirstObservedAt", "CandidateId", "VacancyId", "CurrentStatusKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_ReceivedAt_Status_DuplicateCount",
                table: "Deliveries",
                columns: new[] { "ReceivedAt", "Status", "DuplicateCount" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IdibuCandidates_CreatedAt_Source_ConsultantId_Location",
                table: "IdibuCandidates");

            migrationBuilder.DropIndex(
                name: "IX_IdibuApplications_FirstObservedAt_CandidateId_VacancyId_CurrentStatusKey",
                table: "IdibuApplications");

            migrationBuilder.DropIndex(
                name: "IX_Deliveries_ReceivedAt_Status_DuplicateCount",
                table: "Deliveries");

            migrationBuilder.CreateIndex(
                name: "IX_IdibuCandidates_CreatedAt",
                table: "IdibuCandidates",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_IdibuApplications_FirstObservedAt",
                table: "IdibuApplications",
                column: "FirstObservedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_ReceivedAt",
                table: "Deliveries",
                column: "ReceivedAt");
        }
    }
}
