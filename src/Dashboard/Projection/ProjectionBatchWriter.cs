using Dashboard.DeliveryLog;
using Dashboard.Projection.ReadModel;
using Dashboard.Senders;

namespace Dashboard.Projection;

/// <summary>
/// Writes the engine's part of a projector batch, in the caller's transaction and without change tracking, after each
/// sender wrote its rows (<see cref="Senders.ISenderBatch.WriteAsync"/>): the rare delivery whose own status is not
/// the normal case, the read-model version for figures kept in memory, and the watermark (see <see cref="ProjectionWatermark"/>).
/// </summary>
internal static class ProjectionBatchWriter
{
    /// <param name="version">The read-model version stamped on the batch's rows; null when the batch changed none.</param>
    /// <param name="watermark">The watermark after the batch; null when it stays.</param>
    public static async Task WriteAsync(
        SetStatements sql, IReadOnlyList<DeliveryVerdict> verdicts, long? version, long? watermark, DateTime now, CancellationToken ct)
    {
        await WriteDeliveriesAsync(sql, verdicts, now, ct);
        if (version is { } v)
        {
            await sql.ExecuteAsync(
                "INSERT INTO \"ReadModelClock\" (\"Id\", \"Version\", \"Epoch\") VALUES ({0}, {1}, 0) " +
                "ON CONFLICT (\"Id\") DO UPDATE SET \"Version\" = excluded.\"Version\"", ct, ReadModelClock.SingleRowId, v);
        }
        if (watermark is { } w)
        {
            await sql.ExecuteAsync("UPDATE \"ProjectionWatermark\" SET \"DeliveryId\" = {0} WHERE \"Id\" = {1} AND \"DeliveryId\" < {0}",
                ct, w, ProjectionWatermark.SingleRowId);
            await sql.ExecuteAsync("INSERT INTO \"ProjectedBatches\" (\"UpToDeliveryId\", \"ProjectedAt\") VALUES ({0}, {1}) " +
                                   "ON CONFLICT (\"UpToDeliveryId\") DO NOTHING", ct, w, now);
        }
    }

    /// <summary>
    /// Only what is not the normal case: a quarantined delivery keeps its reason on its row, and one a replay queued
    /// below the watermark goes back to the normal case with its own projection time. The rest the watermark covers.
    /// </summary>
    private static async Task WriteDeliveriesAsync(SetStatements sql, IReadOnlyList<DeliveryVerdict> verdicts, DateTime now, CancellationToken ct)
    {
        await sql.EachAsync("UPDATE \"Deliveries\" SET \"Status\" = @p0, \"StatusReason\" = @p1, \"ProjectedAt\" = @p2 WHERE \"Id\" = @p3", verdicts
            .Where(v => v.Quarantined)
            .Select(v => new object?[] { nameof(DeliveryStatus.Quarantined), v.QuarantineReason, now, v.Delivery.Id }).ToList(), ct);
        await sql.EachAsync("UPDATE \"Deliveries\" SET \"Status\" = @p0, \"ProjectedAt\" = @p1 WHERE \"Id\" = @p2", verdicts
            .Where(v => !v.Quarantined && v.Delivery.Status == DeliveryStatus.Queued)
            .Select(v => new object?[] { nameof(DeliveryStatus.Accepted), now, v.Delivery.Id }).ToList(), ct);
    }
}
