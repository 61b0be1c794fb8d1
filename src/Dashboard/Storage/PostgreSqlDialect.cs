using System.Data;
using Dashboard.DeliveryLog;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dashboard.Storage;

public sealed class PostgreSqlDialect(StorageOptions options) : StoreDialect
{
    public override DatabaseEngine Provider => DatabaseEngine.PostgreSql;

    // bytea has its own position(); the text is matched as the UTF-8 bytes a sender would have written.
    public override IQueryable<Delivery> DeliveriesContaining(DashboardDbContext db, string text) =>
        db.Deliveries.FromSqlInterpolated($"SELECT * FROM \"Deliveries\" WHERE position(convert_to({text}, 'UTF8') in \"Body\") > 0");

    // Deleted and overwritten rows are gone from every query at commit; autovacuum reclaims their space.
    public override Task BeforeErasureAsync(DashboardDbContext db, CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// Copies every table into a schema of its own, in one snapshot, and opens contexts whose search path is that
    /// schema: the same SQL then runs against the copy. The schema is dropped afterwards.
    /// </summary>
    public override async Task<ScratchStore> CopyAsync(CancellationToken ct)
    {
        var schema = $"scratch_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(options.ConnectionString))
        {
            await connection.OpenAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            var live = (string)(await Scalar(connection, "SELECT current_schema()", ct))!;
            var tables = new List<string>();
            await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()", connection))
            await using (var reader = await list.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct)) tables.Add(reader.GetString(0));

            await Execute(connection, $"CREATE SCHEMA {Quote(schema)}", ct);
            foreach (var table in tables)
            {
                var target = $"{Quote(schema)}.{Quote(table)}";
                await Execute(connection, $"CREATE TABLE {target} (LIKE {Quote(live)}.{Quote(table)} INCLUDING ALL)", ct);
                await Execute(connection, $"INSERT INTO {target} SELECT * FROM {Quote(live)}.{Quote(table)}", ct);
            }
            await ContinueIdentitiesAsync(connection, schema, ct);
            await transaction.CommitAsync(ct);
        }

        var scratch = new NpgsqlConnectionStringBuilder(options.ConnectionString) { SearchPath = schema, Pooling = false }.ConnectionString;
        var contextOptions = (DbContextOptions<PostgreSqlDashboardDbContext>)new DbContextOptionsBuilder<PostgreSqlDashboardDbContext>()
            .UseDashboardPostgreSql(scratch).Options;
        return new ScratchStore(new ContextFactory(() => new PostgreSqlDashboardDbContext(contextOptions)), async () =>
        {
            await using var connection = new NpgsqlConnection(options.ConnectionString);
            await connection.OpenAsync(CancellationToken.None);
            await Execute(connection, $"DROP SCHEMA IF EXISTS {Quote(schema)} CASCADE", CancellationToken.None);
        });
    }

    /// <summary>Copied rows keep their ids; the copy's identity columns must carry on after them, not restart at 1.</summary>
    public static async Task ContinueIdentitiesAsync(NpgsqlConnection connection, string schema, CancellationToken ct)
    {
        var identities = new List<(string Table, string Column)>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = @schema AND is_identity = 'YES'", connection))
        {
            list.Parameters.AddWithValue("schema", schema);
            await using var reader = await list.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) identities.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (table, column) in identities)
        {
            var qualified = $"{Quote(schema)}.{Quote(table)}";
            await Execute(connection,
                $"SELECT setval(pg_get_serial_sequence('{qualified.Replace("'", "''")}', '{column.Replace("'", "''")}'), " +
                $"COALESCE((SELECT MAX({Quote(column)}) FROM {qualified}), 0) + 1, false)", ct);
        }
    }

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(ct);
    }
}
