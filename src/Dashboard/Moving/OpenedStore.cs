using Dashboard.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dashboard.Moving;

/// <summary>One side of a move: a store named the way the app names it, opened outside the app's own registration.</summary>
public sealed class OpenedStore
{
    public OpenedStore(StorageOptions options)
    {
        Options = options;
        // No pooling: the command opens each store for one run, and a test can drop the database right after.
        if (options.Engine == DatabaseEngine.PostgreSql)
        {
            var connection = new NpgsqlConnectionStringBuilder(options.ConnectionString) { Pooling = false }.ConnectionString;
            var contextOptions = (DbContextOptions<PostgreSqlDashboardDbContext>)new DbContextOptionsBuilder<PostgreSqlDashboardDbContext>()
                .UseDashboardPostgreSql(connection).Options;
            Factory = new ContextFactory(() => new PostgreSqlDashboardDbContext(contextOptions));
            PostgreSqlConnectionString = connection;
        }
        else
        {
            var connection = new SqliteConnectionStringBuilder(options.ConnectionString) { Pooling = false }.ConnectionString;
            var contextOptions = (DbContextOptions<SqliteDashboardDbContext>)new DbContextOptionsBuilder<SqliteDashboardDbContext>()
                .UseDashboardSqlite(connection).Options;
            Factory = new ContextFactory(() => new SqliteDashboardDbContext(contextOptions));
        }
    }

    public StorageOptions Options { get; }
    public IDbContextFactory<DashboardDbContext> Factory { get; }
    public DatabaseEngine Engine => Options.Engine;
    internal string? PostgreSqlConnectionString { get; }

    /// <summary>Where a SQLite store keeps its key ring (the app's own choice: <c>keys</c> beside the database file).</summary>
    public string KeysFolder => Path.Combine(Options.DataFolder, "keys");

    /// <summary>A SQLite store's file, or null for PostgreSQL.</summary>
    public string? SqliteFile => Engine == DatabaseEngine.Sqlite ? new SqliteConnectionStringBuilder(Options.ConnectionString).DataSource : null;

    /// <summary>Names the store for people without its secrets: a SQLite file, or a PostgreSQL database, host and port.</summary>
    public string Describe()
    {
        if (Engine == DatabaseEngine.Sqlite) return $"SQLite {SqliteFile}";
        var builder = new NpgsqlConnectionStringBuilder(Options.ConnectionString);
        return $"PostgreSQL database '{builder.Database}' on {builder.Host}:{builder.Port}";
    }

    /// <summary>Whether two descriptions name the same database (a move onto itself would empty it).</summary>
    public bool IsSameStoreAs(OpenedStore other) =>
        Engine == other.Engine && string.Equals(Describe(), other.Describe(), StringComparison.OrdinalIgnoreCase);
}
