using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Dashboard.LoadTests.Targets;

/// <summary>
/// The floor: a bare Kestrel endpoint that only appends the raw body to SQLite, with the same group commit and the
/// same durability (WAL, synchronous=FULL) as the app. Nothing can receive faster on this stack, so the app's
/// throughput is reported as a share of it.
/// </summary>
public static class FloorServer
{
    private sealed record Pending(string Provider, byte[] Body, TaskCompletionSource<long> Stored);

    public static async Task<int> RunAsync(int port, string databasePath)
    {
        var queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(20_000) { SingleReader = true });
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        await Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;" +
            "CREATE TABLE IF NOT EXISTS raw (id INTEGER PRIMARY KEY, provider TEXT NOT NULL, body BLOB NOT NULL, received TEXT NOT NULL);");

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/health", () => Results.Ok());
        app.MapPost("/webhooks/{provider}/{key}", async (string provider, HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            var pending = new Pending(provider, buffer.ToArray(), new(TaskCreationOptions.RunContinuationsAsynchronously));
            if (!queue.Writer.TryWrite(pending)) return Results.StatusCode(503);
            return Results.Json(new { deliveryId = await pending.Stored.Task });
        });

        var writer = Task.Run(() => WriteAsync(connection, queue.Reader));
        await app.RunAsync();
        queue.Writer.TryComplete();
        await writer;
        return 0;
    }

    private static async Task WriteAsync(SqliteConnection connection, ChannelReader<Pending> queue)
    {
        var batch = new List<Pending>(512);
        while (await queue.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < 512 && queue.TryRead(out var pending)) batch.Add(pending);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO raw (provider, body, received) VALUES ($provider, $body, $received) RETURNING id";
            var provider = insert.Parameters.Add("$provider", SqliteType.Text);
            var body = insert.Parameters.Add("$body", SqliteType.Blob);
            var received = insert.Parameters.Add("$received", SqliteType.Text);
            var ids = new long[batch.Count];
            for (var i = 0; i < batch.Count; i++)
            {
                provider.Value = batch[i].Provider;
                body.Value = batch[i].Body;
                received.Value = DateTime.UtcNow.ToString("O");
                ids[i] = (long)(await insert.ExecuteScalarAsync())!;
            }
            await transaction.CommitAsync();
            for (var i = 0; i < batch.Count; i++) batch[i].Stored.SetResult(ids[i]);
        }
    }

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
