using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Dashboard.LoadTests.Targets;

/// <summary>
/// Reads a target's store directly, beside the app, to check what its answers promised: a SQLite file (given by its
/// path) or a PostgreSQL database (an <see cref="AppStore"/>). SQL given to <see cref="CountAsync(AppStore, string)"/>
/// names tables and columns in double quotes, which both read the same.
/// </summary>
public static class StoreInspector
{
    public static Task<long> CountAsync(string databasePath, string sql) => CountAsync(AppStore.Sqlite(databasePath), sql);

    public static async Task<long> CountAsync(AppStore store, string sql)
    {
        await using var connection = await OpenAsync(store);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public static Task<long> WaitingForProjectionAsync(string databasePath) => WaitingForProjectionAsync(AppStore.Sqlite(databasePath));

    public static Task<long> WaitingForProjectionAsync(AppStore store) =>
        CountAsync(store, "SELECT COUNT(*) FROM \"Deliveries\" WHERE (\"Status\" = 'Accepted' AND \"Id\" > " +
                          "(SELECT \"DeliveryId\" FROM \"ProjectionWatermark\" WHERE \"Id\" = 1)) OR \"Status\" = 'Queued'");

    /// <summary>Every (provider, body hash) in the log.</summary>
    public static Task<HashSet<string>> StoredBodiesAsync(string databasePath) => StoredBodiesAsync(AppStore.Sqlite(databasePath));

    public static async Task<HashSet<string>> StoredBodiesAsync(AppStore store) =>
        (await StoredInOrderAsync(store)).Select(d => d.Key).ToHashSet();

    /// <summary>One row of the delivery log: its (provider, body hash) key and how many later copies it absorbed.</summary>
    public sealed record StoredDelivery(long Id, string Key, int DuplicateCount);

    /// <summary>Every row of the delivery log in the order the projector takes them (by id).</summary>
    public static async Task<IReadOnlyList<StoredDelivery>> StoredInOrderAsync(AppStore store)
    {
        await using var connection = await OpenAsync(store);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Id\", \"Provider\", \"BodySha256\", \"DuplicateCount\" FROM \"Deliveries\" ORDER BY \"Id\"";
        var stored = new List<StoredDelivery>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            stored.Add(new StoredDelivery(reader.GetInt64(0), $"{reader.GetString(1)}\t{reader.GetString(2)}", reader.GetInt32(3)));
        return stored;
    }

    /// <summary>The candidate each projected idibu candidate snapshot was about, by delivery id.</summary>
    public static async Task<Dictionary<long, string>> CandidateOfDeliveryAsync(AppStore store)
    {
        await using var connection = await OpenAsync(store);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"DeliveryId\", \"CandidateId\" FROM \"IdibuSnapshots\"";
        var candidates = new Dictionary<long, string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) candidates[reader.GetInt64(0)] = reader.GetString(1);
        return candidates;
    }

    public static Task<string> IntegrityCheckAsync(string databasePath) => IntegrityCheckAsync(AppStore.Sqlite(databasePath));

    /// <summary>
    /// SQLite: <c>PRAGMA integrity_check</c>. PostgreSQL has no such check of a whole database; what matters here is
    /// that every index is valid and that the unique dedupe key holds, so that is what is checked: "ok" or what failed.
    /// </summary>
    public static async Task<string> IntegrityCheckAsync(AppStore store)
    {
        await using var connection = await OpenAsync(store);
        var lines = new List<string>();
        if (!store.IsPostgreSql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
            return string.Join("; ", lines);
        }
        await using (var invalid = connection.CreateCommand())
        {
            invalid.CommandText = "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE NOT i.indisvalid OR NOT i.indisready";
            await using var reader = await invalid.ExecuteReaderAsync();
            while (await reader.ReadAsync()) lines.Add($"index {reader.GetString(0)} is not valid");
        }
        await using (var twice = connection.CreateCommand())
        {
            twice.CommandText = "SELECT COUNT(*) FROM (SELECT \"DedupeKey\" FROM \"Deliveries\" GROUP BY \"DedupeKey\" HAVING COUNT(*) > 1) AS t";
            if (Convert.ToInt64(await twice.ExecuteScalarAsync()) is > 0 and var keys) lines.Add($"{keys} dedupe keys stored more than once");
        }
        return lines.Count == 0 ? "ok" : string.Join("; ", lines);
    }

    internal static async Task<DbConnection> OpenAsync(AppStore store)
    {
        DbConnection connection = store.IsPostgreSql
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(store.Location) { Pooling = false }.ConnectionString)
            : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = store.Location, Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }
}
