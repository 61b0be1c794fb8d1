using Dashboard.Deliveries.Quality;
using Dashboard.Projection.ReadModel;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;
using Dashboard.Instances;
using Dashboard.Senders.Firstbird;
using Dashboard.Senders.Idibu;

namespace Dashboard.Projection;

/// <summary>
/// What a projector batch changes in the data-quality counts, read off what it is about to write: deliveries it
/// quarantined, envelopes it quarantined, snapshots it found out of order, events it found repeated.
/// </summary>
internal static class ProjectionQualityDeltas
{
    public static async Task<List<QualityDelta>> OfAsync(
        DashboardDbContext db, IReadOnlyList<DeliveryVerdict> batch, ProjectionBatchRows rows, CancellationToken ct)
    {
        var received = batch.ToDictionary(v => v.Delivery.Id, v => (v.Delivery.ReceivedAt, v.Quarantined));
        var deltas = batch.Where(v => v.Quarantined)
            .Select(v => new QualityDelta(QualityDelta.QuarterOf(v.Delivery.ReceivedAt), Quarantined: 1)).ToList();
        foreach (var snapshot in rows.NewSnapshots.Where(s => s.OutOfOrder))
            deltas.Add(new QualityDelta(QualityDelta.QuarterOf(received[snapshot.DeliveryId].ReceivedAt), OutOfOrder: 1));
        foreach (var envelope in rows.NewQuarantinedEnvelopes)
        {
            var (at, quarantined) = received[envelope.DeliveryId];
            if (!quarantined) deltas.Add(new QualityDelta(QualityDelta.QuarterOf(at), QuarantinedEnvelopes: 1));
        }

        // A repeat is counted on the delivery that first carried the event, which may be long before this batch.
        var repeats = rows.EventsByHash.Values.OfType<FirstbirdEventRow>().Distinct()
            .Select(e => (e.DeliveryId, Count: rows.RepeatsAdded(e))).Where(r => r.Count != 0).ToList();
        var earlier = repeats.Select(r => r.DeliveryId).Where(id => !received.ContainsKey(id)).Distinct().ToList();
        var earlierReceived = earlier.Count == 0
            ? []
            : await db.Deliveries.AsNoTracking().Where(d => earlier.Contains(d.Id)).Select(d => new { d.Id, d.ReceivedAt })
                .ToDictionaryAsync(d => d.Id, d => d.ReceivedAt, ct);
        foreach (var (deliveryId, count) in repeats)
        {
            var at = received.TryGetValue(deliveryId, out var inBatch) ? inBatch.ReceivedAt : earlierReceived[deliveryId];
            deltas.Add(new QualityDelta(QualityDelta.QuarterOf(at), RepeatedEvents: count));
        }
        return deltas;
    }
}
