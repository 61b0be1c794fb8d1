using System.Data.Common;
using System.Text;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dashboard.Projection;

/// <summary>
/// Writes many rows in few statements, in the caller's transaction, with SQL that SQLite and PostgreSQL read alike:
/// <c>INSERT … VALUES</c> (a row at a time, prepared once, on SQLite; many rows a statement on PostgreSQL), with
/// <c>ON CONFLICT … DO UPDATE</c> for an upsert. Values go as parameters of
/// their own CLR type (instants in UTC, as the context's converter keeps them), which both drivers store as EF does.
/// </summary>
public sealed class SetStatements(DashboardDbContext db)
{
    // Both drivers find a named parameter by a linear search, so binding and preparing grow with the square of a
    // statement's parameters. SQLite runs in the process and has no round trip to share: one row a statement, prepared
    // once and run again with the next row's values, is its fastest. PostgreSQL shares each round trip over many rows.
    private const int MaxParameters = 1_000;
    private const int MaxRows = 500;

    private readonly DbConnection _connection = db.Database.GetDbConnection();
    private readonly DbTransaction? _transaction = db.Database.CurrentTransaction?.GetDbTransaction();
    private readonly int? _timeout = db.Database.GetCommandTimeout();
    private readonly bool _inProcess = db.Database.IsSqlite();

    /// <summary>Inserts <paramref name="rows"/>; with <paramref name="keyColumns"/> &gt; 0, a row whose key exists replaces it.</summary>
    public Task InsertAsync(string table, string[] columns, IReadOnlyList<object?[]> rows, CancellationToken ct, int keyColumns = 0) =>
        EachInsertAsync(table, columns, rows, ConflictClause(columns, keyColumns),
            async (command, _, _) => await command.ExecuteNonQueryAsync(ct), ct);

    /// <summary>
    /// Inserts each row whose first column, a unique key, is not in <paramref name="table"/> yet, and answers the
    /// <c>"Id"</c> the row was given, or null where the key was there already (<c>ON CONFLICT … DO NOTHING</c>): one
    /// statement instead of a look-up before the insert, and no unique violation when another writer got there first.
    /// The keys in <paramref name="rows"/> must differ from one another.
    /// </summary>
    public async Task<long?[]> InsertNewAsync(string table, string[] columns, IReadOnlyList<object?[]> rows, CancellationToken ct)
    {
        var ids = new long?[rows.Count];
        var suffix = $" ON CONFLICT ({Quote(columns[0])}) DO NOTHING RETURNING \"Id\", {Quote(columns[0])}";
        await EachInsertAsync(table, columns, rows, suffix, async (command, start, count) =>
        {
            var rowOfKey = new Dictionary<object, int>(count);
            for (var r = start; r < start + count; r++) rowOfKey[rows[r][0]!] = r;
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) ids[rowOfKey[reader.GetValue(1)]] = reader.GetInt64(0);
        }, ct);
        return ids;
    }

    /// <summary>Binds the rows to as few statements as the database likes and hands each to <paramref name="run"/> with its first row and row count.</summary>
    private async Task EachInsertAsync(string table, string[] columns, IReadOnlyList<object?[]> rows, string suffix,
        Func<DbCommand, int, int, Task> run, CancellationToken ct)
    {
        var perStatement = _inProcess ? 1 : Math.Max(1, Math.Min(MaxRows, MaxParameters / columns.Length));
        DbCommand? full = null;
        try
        {
            for (var start = 0; start < rows.Count; start += perStatement)
            {
                var count = Math.Min(perStatement, rows.Count - start);
                var command = count == perStatement
                    ? full ??= await InsertCommandAsync(table, columns, count, suffix, ct)
                    : await InsertCommandAsync(table, columns, count, suffix, ct);
                for (var r = 0; r < count; r++)
                {
                    var row = rows[start + r];
                    for (var c = 0; c < columns.Length; c++) command.Parameters[r * columns.Length + c].Value = row[c] ?? DBNull.Value;
                }
                await run(command, start, count);
                if (command != full) await command.DisposeAsync();
            }
        }
        finally
        {
            if (full is not null) await full.DisposeAsync();
        }
    }

    private static string ConflictClause(string[] columns, int keyColumns) => keyColumns == 0
        ? ""
        : " ON CONFLICT (" + string.Join(", ", columns.Take(keyColumns).Select(Quote)) + ")" + (columns.Length == keyColumns
            ? " DO NOTHING"
            : " DO UPDATE SET " + string.Join(", ", columns.Skip(keyColumns).Select(c => $"{Quote(c)} = excluded.{Quote(c)}")));

    private async Task<DbCommand> InsertCommandAsync(string table, string[] columns, int rowCount, string suffix, CancellationToken ct)
    {
        var command = Command();
        var sql = new StringBuilder("INSERT INTO ").Append(Quote(table)).Append(" (")
            .AppendJoin(", ", columns.Select(Quote)).Append(") VALUES ");
        for (var r = 0; r < rowCount; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Length; c++)
            {
                if (c > 0) sql.Append(", ");
                sql.Append(Add(command, null));
            }
            sql.Append(')');
        }
        command.CommandText = sql.Append(suffix).ToString();
        if (_inProcess) await command.PrepareAsync(ct);
        return command;
    }

    /// <summary>Runs one statement once per set of values, prepared once: for the few row-by-row changes of a batch.</summary>
    public async Task EachAsync(string sql, IReadOnlyList<object?[]> values, CancellationToken ct)
    {
        if (values.Count == 0) return;
        await using var command = Command();
        command.CommandText = sql;
        var parameters = values[0].Select(v => Add(command, v)).ToList();
        if (values.Count > 1) await command.PrepareAsync(ct);
        foreach (var set in values)
        {
            for (var i = 0; i < set.Length; i++) command.Parameters[i].Value = set[i] ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    public async Task ExecuteAsync(string sql, CancellationToken ct, params object?[] values)
    {
        await using var command = Command();
        var names = values.Select(v => Add(command, v)).ToArray();
        command.CommandText = string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, names);
        await command.ExecuteNonQueryAsync(ct);
    }

    private DbCommand Command()
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        if (_timeout is { } seconds) command.CommandTimeout = seconds;
        return command;
    }

    private static string Add(DbCommand command, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@p" + command.Parameters.Count;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter.ParameterName;
    }

    public static string Quote(string identifier) => "\"" + identifier + "\"";
}
