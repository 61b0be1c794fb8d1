using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dashboard.Storage;

/// <summary>SQLite specifics: where the file lives, and the pragmas that make an acknowledged delivery durable.</summary>
public static class SqliteStore
{
    /// <summary>Anchors a relative file to the content root, so the store does not move with the working directory.</summary>
    public static string Resolve(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var dataSource = builder.DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
            return builder.ToString();

        if (!Path.IsPathRooted(dataSource)) dataSource = Path.GetFullPath(Path.Combine(contentRoot, dataSource));
        Directory.CreateDirectory(Path.GetDirectoryName(dataSource)!);
        builder.DataSource = dataSource;
        builder.Pooling = true;
        return builder.ToString();
    }

    /// <summary>The folder of the database file: other state that belongs with the store lives beside it.</summary>
    public static string? FolderOf(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return Path.IsPathRooted(dataSource) ? Path.GetDirectoryName(dataSource) : null;
    }

    public static DbContextOptionsBuilder UseDashboardSqlite(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable("__Migrations"))
            .AddInterceptors(DurabilityPragmas.Instance);

    /// <summary>
    /// WAL lets dashboards read while deliveries are written; synchronous=FULL makes a committed delivery survive a
    /// power cut, which is what our 200 promises. Both are set on every physical connection.
    /// </summary>
    private sealed class DurabilityPragmas : DbConnectionInterceptor
    {
        public static readonly DurabilityPragmas Instance = new();
        // busy_timeout lets SQLite itself wait, in short steps, for a writer that does not take the write gate (admin
        // changes, another process such as a backup).
        private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=3000;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(
            DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
