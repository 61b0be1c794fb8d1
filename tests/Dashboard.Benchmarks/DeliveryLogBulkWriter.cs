using System.Security.Cryptography;
using System.Text.Json;
using Dashboard.Ingestion;
using Dashboard.Simulation;
using Microsoft.Data.Sqlite;

namespace Dashboard.Benchmarks;

/// <summary>
/// Appends generated deliveries to the delivery log exactly as the receiver would store them (classified, hashed,
/// deduplicated by the same keys), but in large transactions: filling a store is not what is being measured.
/// </summary>
public sealed class DeliveryLogBulkWriter(string connectionString)
{
    private readonly Dictionary<string, long> _idByDedupeKey = new(StringComparer.Ordinal);
    private readonly Dictionary<long, int> _repeatsById = [];

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
        var classification = DeliveryClassifier.Classify(sample.Provider, sample.Body, contentType, eventHeader);
        var bodyHash = Convert.ToHexStringLower(SHA256.HashData(sample.Body));
        return new PreparedDelivery(new Delivery
        {
            Provider = sample.Provider,
            ReceivedAt = sample.At.UtcDateTime,
            DedupeKey = DedupeKeys.For(sample.Provider, deliveryId, bodyHash),
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
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO Deliveries (Provider, ReceivedAt, DedupeKey, SenderDeliveryId, EventHeader, EventName, UserAgent, ContentType,
                HeadersJson, Body, BodySha256, BodyLength, Status, StatusReason, DuplicateCount)
            VALUES ($provider, $receivedAt, $dedupeKey, $senderDeliveryId, $eventHeader, $eventName, $userAgent, $contentType,
                $headersJson, $body, $bodySha256, $bodyLength, $status, $statusReason, 0)
            RETURNING Id
            """;
        var names = new[]
        {
            "$provider", "$receivedAt", "$dedupeKey", "$senderDeliveryId", "$eventHeader", "$eventName", "$userAgent", "$contentType",
            "$headersJson", "$body", "$bodySha256", "$bodyLength", "$status", "$statusReason",
        };
        var parameters = names.Select(n => insert.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
        await insert.PrepareAsync(ct);

        foreach (var prepared in batch)
        {
            var d = prepared.Delivery;
            if (_idByDedupeKey.TryGetValue(d.DedupeKey, out var original))
            {
                _repeatsById[original] = _repeatsById.GetValueOrDefault(original) + 1;
                Duplicates++;
                continue;
            }
            object?[] values =
            [
                d.Provider, d.ReceivedAt, d.DedupeKey, d.SenderDeliveryId, d.EventHeader, d.EventName, d.UserAgent, d.ContentType,
                d.HeadersJson, d.Body, d.BodySha256, d.BodyLength, d.Status.ToString(), d.StatusReason,
            ];
            for (var i = 0; i < values.Length; i++) parameters[i].Value = values[i] ?? DBNull.Value;
            _idByDedupeKey[d.DedupeKey] = (long)(await insert.ExecuteScalarAsync(ct))!;
            Written++;
        }
        await transaction.CommitAsync(ct);
    }

    /// <summary>Records the repeats the way the receiver does: a count on the first copy, never a second row.</summary>
    public async Task WriteDuplicateCountsAsync(CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = "UPDATE Deliveries SET DuplicateCount = $count WHERE Id = $id";
        var count = update.Parameters.Add(new SqliteParameter { ParameterName = "$count" });
        var id = update.Parameters.Add(new SqliteParameter { ParameterName = "$id" });
        foreach (var (deliveryId, repeats) in _repeatsById)
        {
            id.Value = deliveryId;
            count.Value = repeats;
            await update.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }
}
