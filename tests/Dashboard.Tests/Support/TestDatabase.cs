using Microsoft.Data.Sqlite;
using Npgsql;

namespace Dashboard.Tests.Support;

/// <summary>
/// A store of a test's own, removed when the test is done: a SQLite file in a folder of its own, or, when the suite
/// runs against PostgreSQL (<c>DASHBOARD_TEST_PROVIDER=PostgreSQL</c>), a fresh database on the server named by
/// <c>DASHBOARD_TEST_POSTGRES</c> (the README's test command starts a throw-away one).
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public const string ProviderVariable = "DASHBOARD_TEST_PROVIDER";
    public const string ServerVariable = "DASHBOARD_TEST_POSTGRES";

    public TestDatabase() : this(ProviderUnderTest)
    {
    }

    public TestDatabase(string provider)
    {
        Provider = provider;
        Folder = Path.Combine(Path.GetTempPath(), "dashboard-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        FilePath = Path.Combine(Folder, "dashboard.db");
        if (IsPostgreSql)
        {
            DatabaseName = $"test_{Guid.NewGuid():N}";
            using var connection = new NpgsqlConnection(ServerConnectionString ?? throw NoServer());
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{DatabaseName}\"", connection);
            create.ExecuteNonQuery();
        }
    }

    /// <summary>The provider this run of the suite tests: <c>Sqlite</c> unless the environment says otherwise.</summary>
    public static string ProviderUnderTest =>
        Environment.GetEnvironmentVariable(ProviderVariable) is { Length: > 0 } p ? p : "Sqlite";

    /// <summary>The throw-away server's connection string, when there is one.</summary>
    public static string? ServerConnectionString => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } s ? s : null;

    public string Provider { get; }
    public bool IsPostgreSql => string.Equals(Provider, "PostgreSQL", StringComparison.OrdinalIgnoreCase);
    public string? DatabaseName { get; }

    /// <summary>The app's data folder (key ring, scratch files); with SQLite also the database file's.</summary>
    public string Folder { get; }
    public string FilePath { get; }

    public string ConnectionString => IsPostgreSql
        ? new NpgsqlConnectionStringBuilder(ServerConnectionString ?? throw NoServer()) { Database = DatabaseName }.ConnectionString
        : $"Data Source={FilePath}";

    private static InvalidOperationException NoServer() => new(
        $"{ServerVariable} is not set: run the suite with tests/run.sh, which starts a throw-away PostgreSQL server.");

    public void Dispose()
    {
        if (IsPostgreSql)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(ServerConnectionString);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a closing host; the temp folder is cleaned by the OS in time.
        }
    }
}
