using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Dashboard.Tests.Support;

/// <summary>Looks at a test's store directly, below the app, in whichever database the suite runs on.</summary>
public static class StoreProbe
{
    /// <summary>
    /// Returns once a session of this database waits for the advisory lock <paramref name="key"/>: the signal that a
    /// writer is held back, rather than a fixed wait after which it merely has not finished yet.
    /// </summary>
    public static async Task WaitForLockWaiterAsync(string connectionString, long key, TimeSpan patience)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // A bigint advisory key shows in pg_locks as its high half (classid) and its low half (objid).
        await using var waiting = new NpgsqlCommand(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND classid = @high AND objid = @low " +
            "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())", connection);
        waiting.Parameters.AddWithValue("high", (long)(uint)(key >> 32));
        waiting.Parameters.AddWithValue("low", (long)(uint)key);
        var until = DateTime.UtcNow + patience;
        while ((long)(await waiting.ExecuteScalarAsync())! == 0)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"Nobody waited for advisory lock {key:x} within {patience}.");
            await Task.Delay(20);
        }
    }

    /// <summary>Every table.column whose text (or bytes read as UTF-8 text) contains <paramref name="needle"/>.</summary>
    public static async Task<List<string>> PlacesHoldingAsync(TestDatabase database, string needle)
    {
        await using var connection = Open(database);
        await connection.OpenAsync();
        var columns = new List<(string Table, string Column, bool Bytes)>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = database.IsPostgreSql
                ? "SELECT table_name, column_name, data_type = 'bytea' FROM information_schema.columns WHERE table_schema = current_schema()"
                : "SELECT m.name, p.name, 0 FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) columns.Add((reader.GetString(0), reader.GetString(1), Convert.ToBoolean(reader.GetValue(2))));
        }

        var found = new List<string>();
        foreach (var (table, column, bytes) in columns)
        {
            await using var probe = connection.CreateCommand();
            probe.CommandText = (database.IsPostgreSql, bytes) switch
            {
                (true, true) => $"SELECT count(*) FROM \"{table}\" WHERE position(convert_to(@needle, 'UTF8') in \"{column}\") > 0",
                (true, false) => $"SELECT count(*) FROM \"{table}\" WHERE strpos(CAST(\"{column}\" AS text), @needle) > 0",
                _ => $"SELECT count(*) FROM \"{table}\" WHERE instr(CAST(\"{column}\" AS TEXT), @needle) > 0",
            };
            var parameter = probe.CreateParameter();
            parameter.ParameterName = "needle";
            parameter.Value = needle;
            probe.Parameters.Add(parameter);
            if (Convert.ToInt64(await probe.ExecuteScalarAsync()) > 0) found.Add($"{table}.{column}");
        }
        return found;
    }

    /// <summary>
    /// Takes every write lock the delivery log needs and holds it until disposed, as a long backup or a stuck
    /// administrator's session would.
    /// </summary>
    public static async Task<IAsyncDisposable> BlockWritersAsync(TestDatabase database)
    {
        var connection = database.IsPostgreSql
            ? (DbConnection)new NpgsqlConnection(database.ConnectionString + ";Pooling=false")
            : new SqliteConnection(database.ConnectionString + ";Pooling=False");
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var take = connection.CreateCommand();
        take.Transaction = transaction;
        take.CommandText = database.IsPostgreSql
            ? "LOCK TABLE \"Deliveries\" IN ACCESS EXCLUSIVE MODE"
            : "DELETE FROM \"Deliveries\" WHERE 0"; // any write takes SQLite's single write lock for the transaction
        await take.ExecuteNonQueryAsync();
        return new Blocker(connection, transaction);
    }

    private static DbConnection Open(TestDatabase database) => database.IsPostgreSql
        ? new NpgsqlConnection(database.ConnectionString)
        : new SqliteConnection(database.ConnectionString);

    private sealed class Blocker(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.RollbackAsync();
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
