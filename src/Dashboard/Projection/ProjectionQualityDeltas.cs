using Dashboard.Deliveries.Quality;
using Dashboard.Ingestion;
using Dashboard.Projection.ReadModel;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Projection;

/// <summary>
/// What a projector batch changes in the data-quality counts, read off the rows it is about to save: deliveries it
/// quarantined, envelopes it quarantined, snapshots it found out of order, events it found repeated.
/// </summary>
internal static class ProjectionQualityDeltas
{
    /// <summary>Call after the batch's one DetectChanges, before saving; <paramref name="batch"/> is what the batch projected.</summary>
    public static async Task<List<QualityDelta>> OfAsync(DashboardDbContext db, IReadOnlyList<Delivery> batch, CancellationToken ct)
    {
        var received = batch.ToDictionary(d => d.Id, d => (d.ReceivedAt, d.Status));
        var deltas = batch.Where(d => d.Status == DeliveryStatus.Quarantined)
            .Select(d => new QualityDelta(QualityDelta.QuarterOf(d.ReceivedAt), Quarantined: 1)).ToList();
        foreach (var snapshot in db.ChangeTracker.Entries<IdibuSnapshot>().Where(e => e.State == EntityState.Added && e.Entity.OutOfOrder))
            deltas.Add(new QualityDelta(QualityDelta.QuarterOf(received[snapshot.Entity.DeliveryId].ReceivedAt), OutOfOrder: 1));
        foreach (var envelope in db.ChangeTracker.Entries<QuarantinedEnvelope>().Where(e => e.State == EntityState.Added))
        {
            var (at, status) = received[envelope.Entity.DeliveryId];
            if (status != DeliveryStatus.Quarantined) deltas.Add(new QualityDelta(QualityDelta.QuarterOf(at), QuarantinedEnvelopes: 1));
        }

        // A repeat is counted on the delivery that first carried the event, which may be long before this batch.
        var repeats = db.ChangeTracker.Entries<FirstbirdEventRow>()
            .Select(e => (e.Entity.DeliveryId, Count: e.State switch
            {
                EntityState.Added => e.Entity.RepeatCount,
                EntityState.Modified => e.Entity.RepeatCount - e.Property(r => r.RepeatCount).OriginalValue,
                _ => 0,
            }))
            .Where(r => r.Count != 0).ToList();
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
