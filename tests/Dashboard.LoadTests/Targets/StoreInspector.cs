using Microsoft.Data.Sqlite;

namespace Dashboard.LoadTests.Targets;

/// <summary>Reads a target's SQLite store directly, beside the app, to check what its answers promised.</summary>
public static class StoreInspector
{
    public static async Task<long> CountAsync(string databasePath, string sql)
    {
        await using var connection = await OpenAsync(databasePath);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public static Task<long> WaitingForProjectionAsync(string databasePath) =>
        CountAsync(databasePath, "SELECT COUNT(*) FROM Deliveries WHERE Status = 'Accepted'");

    /// <summary>Every (provider, body hash) in the log.</summary>
    public static async Task<HashSet<string>> StoredBodiesAsync(string databasePath)
    {
        await using var connection = await OpenAsync(databasePath);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Provider, BodySha256 FROM Deliveries";
        var stored = new HashSet<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) stored.Add($"{reader.GetString(0)}\t{reader.GetString(1)}");
        return stored;
    }

    public static async Task<string> IntegrityCheckAsync(string databasePath)
    {
        await using var connection = await OpenAsync(databasePath);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        return string.Join("; ", lines);
    }

    private static async Task<SqliteConnection> OpenAsync(string databasePath)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }
}
