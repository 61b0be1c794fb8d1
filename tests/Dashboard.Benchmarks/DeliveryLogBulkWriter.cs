using System.Security.Cryptography;
using System.Text.Json;
using Dashboard.DeliveryLog;
using Dashboard.Senders;
using Dashboard.Simulation;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Dashboard.Benchmarks;

/// <summary>
/// Appends generated deliveries to the delivery log exactly as the receiver would store them (classified, hashed,
/// deduplicated by the same keys), but in large transactions: filling a store is not what is being measured. On
/// PostgreSQL the rows go in by binary COPY, which is what makes a store of millions of deliveries a matter of minutes.
/// </summary>
public sealed class DeliveryLogBulkWriter(BenchStore store)
{
    private static readonly string[] Columns =
    [
        "Provider", "ReceivedAt", "DedupeKey", "SenderDeliveryId", "EventHeader", "EventName", "UserAgent", "ContentType",
        "HeadersJson", "Body", "BodySha256", "BodyLength", "Status", "StatusReason", "DuplicateCount",
    ];

    private readonly HashSet<string> _stored = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _repeatsByKey = new(StringComparer.Ordinal);

    public int Written { get; private set; }
    public int Duplicates { get; private set; }

    public sealed record PreparedDelivery(Delivery Delivery);

    /// <summary>Does what the receiver does before it stores a body; CPU only, so it can run beside the writes.</summary>
    public static PreparedDelivery Prepare(SampleDelivery sample)
    {
        var headers = new SortedDictionary<string, string>(sample.Headers.ToDictionary(), StringComparer.OrdinalIgnoreCase);
        var deliveryId = headers.GetValueOrDefault("X-Idibu-Delivery");
        var eventHeader = headers.GetValueOrDefault("X-Idibu-Event");
        var contentType = headers.GetValueOrDefault("Content-Type");
        var sender = SenderRegistry.Find(sample.Provider)!;
        var classification = sender.Classify(sample.Body, contentType, eventHeader);
        var bodyHash = Convert.ToHexStringLower(SHA256.HashData(sample.Body));
        return new PreparedDelivery(new Delivery
        {
            Provider = sample.Provider,
            ReceivedAt = sample.At.UtcDateTime,
            DedupeKey = sender.DedupeKey(deliveryId, bodyHash),
            SenderDeliveryId = deliveryId,
            EventHeader = eventHeader,
            EventName = classification.EventName,
            UserAgent = headers.GetValueOrDefault("User-Agent"),
            ContentType = contentType,
            HeadersJson = JsonSerializer.Serialize(headers),
            Body = sample.Body,
            BodySha256 = bodyHash,
            BodyLength = sample.Body.Length,
            Status = classification.Understood ? DeliveryStatus.Accepted : DeliveryStatus.Quarantined,
            StatusReason = classification.QuarantineReason ?? classification.Note,
        });
    }

    public async Task AppendAsync(IReadOnlyList<PreparedDelivery> batch, CancellationToken ct)
    {
        // A repeat is never a second row: the receiver counts it on the first copy.
        var fresh = new List<Delivery>(batch.Count);
        foreach (var prepared in batch)
        {
            var d = prepared.Delivery;
            if (_stored.Add(d.DedupeKey)) fresh.Add(d);
            else
            {
                _repeatsByKey[d.DedupeKey] = _repeatsByKey.GetValueOrDefault(d.DedupeKey) + 1;
                Duplicates++;
            }
        }
        if (store.IsPostgreSql) await CopyAsync(fresh, ct);
        else await InsertAsync(fresh, ct);
        Written += fresh.Count;
    }

    /// <summary>Records the repeats the way the receiver does: a count on the first copy.</summary>
    public async Task WriteDuplicateCountsAsync(CancellationToken ct)
    {
        await using var connection = Connect();
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = store.IsPostgreSql
            ? "UPDATE \"Deliveries\" SET \"DuplicateCount\" = @count WHERE \"DedupeKey\" = @key"
            : "UPDATE Deliveries SET DuplicateCount = @count WHERE DedupeKey = @key";
        var count = update.CreateParameter();
        count.ParameterName = "@count";
        var key = update.CreateParameter();
        key.ParameterName = "@key";
        update.Parameters.Add(count);
        update.Parameters.Add(key);
        foreach (var (dedupeKey, repeats) in _repeatsByKey)
        {
            key.Value = dedupeKey;
            count.Value = repeats;
            await update.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }

    private System.Data.Common.DbConnection Connect() =>
        store.IsPostgreSql ? new NpgsqlConnection(store.ConnectionString) : new SqliteConnection(store.ConnectionString);

    private static object?[] Values(Delivery d) =>
    [
        d.Provider, d.ReceivedAt, d.DedupeKey, d.SenderDeliveryId, d.EventHeader, d.EventName, d.UserAgent, d.ContentType,
        d.HeadersJson, d.Body, d.BodySha256, d.BodyLength, d.Status.ToString(), d.StatusReason, 0,
    ];

    private async Task InsertAsync(IReadOnlyList<Delivery> rows, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(store.ConnectionString);
        await connection.OpenAsync(ct);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText =
            $"INSERT INTO Deliveries ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select(c => "$" + c))})";
        var parameters = Columns.Select(c => insert.Parameters.Add(new SqliteParameter { ParameterName = "$" + c })).ToArray();
        await insert.PrepareAsync(ct);
        foreach (var row in rows)
        {
            var values = Values(row);
            for (var i = 0; i < values.Length; i++) parameters[i].Value = values[i] ?? DBNull.Value;
            await insert.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }

    private async Task CopyAsync(IReadOnlyList<Delivery> rows, CancellationToken ct)
    {
        NpgsqlDbType[] types =
        [
            NpgsqlDbType.Varchar, NpgsqlDbType.TimestampTz, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar,
            NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Text, NpgsqlDbType.Bytea,
            NpgsqlDbType.Varchar, NpgsqlDbType.Integer, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Integer,
        ];
        await using var connection = new NpgsqlConnection(store.ConnectionString);
        await connection.OpenAsync(ct);
        var columns = string.Join(", ", Columns.Select(c => $"\"{c}\""));
        await using var import = await connection.BeginBinaryImportAsync($"COPY \"Deliveries\" ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await import.StartRowAsync(ct);
            var values = Values(row);
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] is null) await import.WriteNullAsync(ct);
                else await import.WriteAsync(values[i]!, types[i], ct);
            }
        }
        await import.CompleteAsync(ct);
    }
}
