using Npgsql;

namespace Dashboard.LoadTests.Targets;

/// <summary>
/// Where a target keeps its store: a SQLite file, or a database of its own on a PostgreSQL server
/// (<see cref="Location"/> is then its Npgsql connection string).
/// </summary>
public sealed record AppStore(bool IsPostgreSql, string Location)
{
    public static AppStore Sqlite(string path) => new(false, path);

    public static AppStore PostgreSql(string connectionString) => new(true, connectionString);

    /// <summary>A store named on the command line (<c>--store</c>): a SQLite file, or a PostgreSQL database by its connection string.</summary>
    public static AppStore Given(string store) =>
        store.Contains("Host=", StringComparison.OrdinalIgnoreCase) ? PostgreSql(store) : Sqlite(Path.GetFullPath(store));

    /// <summary>What <c>ConnectionStrings:Dashboard</c> says for this store.</summary>
    public string ConnectionString => IsPostgreSql ? Location : $"Data Source={Location}";

    /// <summary>The file, or the database's name: what a report names.</summary>
    public string Name => IsPostgreSql ? $"PostgreSQL database {new NpgsqlConnectionStringBuilder(Location).Database}" : Location;

    /// <summary>The SQLite file for the targets that only know SQLite (floor, naive, the SQLite-only drills).</summary>
    public string SqlitePath => IsPostgreSql
        ? throw new InvalidOperationException("This target keeps its store in a SQLite file; it cannot use a PostgreSQL database.")
        : Location;
}

/// <summary>A PostgreSQL server on which each run creates databases of its own.</summary>
public sealed class PostgresServer(string serverConnectionString)
{
    /// <summary>The environment variable the test command sets to its throw-away server's connection string.</summary>
    public const string Variable = "DASHBOARD_TEST_POSTGRES";

    public static string? FromEnvironment => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    public string ConnectionString { get; } = serverConnectionString;

    /// <summary>Creates an empty database with a fresh name beginning <paramref name="prefix"/>.</summary>
    public async Task<AppStore> CreateDatabaseAsync(string prefix)
    {
        var name = $"{Clean(prefix)}_{DateTime.UtcNow:yyyyMMdd_HHmmss}_{Guid.NewGuid().ToString("N")[..6]}";
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return AppStore.PostgreSql(new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString);
    }

    public async Task DropDatabaseAsync(AppStore store)
    {
        if (!store.IsPostgreSql) return;
        var name = new NpgsqlConnectionStringBuilder(store.Location).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static string Clean(string prefix) =>
        new(prefix.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
}
