using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dashboard.Storage;

/// <summary>The table that records which migrations a store has had.</summary>
internal static class MigrationHistory
{
    /// <summary>
    /// PostgreSQL's provider learns that a new database has no migration history by reading the table and failing, and
    /// EF Core logs that failed read as an error: on a new installation's first start, and on a store move into a new
    /// database. Made beforehand (with EF Core's own script), the table is there to read. A database that does not exist
    /// yet is left for migrating to create; SQLite needs none of this.
    /// </summary>
    public static async Task EnsureTableAsync(DashboardDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql() || !await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(ct)) return;
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(ct);
    }
}
