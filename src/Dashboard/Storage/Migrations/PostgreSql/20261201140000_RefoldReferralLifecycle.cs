using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Storage.Migrations.PostgreSql
{
    /// <summary>
    /// firstbird facts now fold by the application's lifecycle (a later rating no longer undoes a hire or a close) and
    /// idibu snapshots stamped alike are read create before update: the whole log is folded again by these rules.
    /// </summary>
    [DbContext(typeof(PostgreSqlDashboardDbContext))]
    [Migration("20261201140000_RefoldReferralLifecycle")]
    public partial class RefoldReferralLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in ReadModelRefold.Statements())
                migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Folding the log again is right for the old rules too.
            foreach (var statement in ReadModelRefold.Statements())
                migrationBuilder.Sql(statement);
        }
    }
}
