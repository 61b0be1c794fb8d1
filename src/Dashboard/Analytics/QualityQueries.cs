using Dashboard.Ingestion;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Analytics;

/// <summary>How clean the incoming traffic is, over deliveries received in the date range.</summary>
internal static class QualityQueries
{
    public static async Task<QualityFigures> QualityAsync(DashboardDbContext db, AnalyticsFilter filter, CancellationToken ct)
    {
        var deliveries = db.Deliveries.AsNoTracking()
            .Where(d => d.ReceivedAt >= filter.FromUtc && d.ReceivedAt < filter.ToUtcExclusive);

        var count = await deliveries.CountAsync(ct);
        var repeatedDeliveries = await deliveries.SumAsync(d => d.DuplicateCount, ct);
        var repeatedEvents = await db.FirstbirdEvents.AsNoTracking()
            .Where(e => e.RepeatCount > 0 && deliveries.Any(d => d.Id == e.DeliveryId))
            .SumAsync(e => e.RepeatCount, ct);
        var quarantined = await deliveries.CountAsync(d => d.Status == DeliveryStatus.Quarantined, ct);
        var quarantinedEnvelopes = await db.QuarantinedEnvelopes.AsNoTracking()
            .CountAsync(q => deliveries.Any(d => d.Id == q.DeliveryId && d.Status != DeliveryStatus.Quarantined), ct);
        var outOfOrder = await db.IdibuSnapshots.AsNoTracking()
            .CountAsync(s => s.OutOfOrder && deliveries.Any(d => d.Id == s.DeliveryId), ct);
        var authFailures = await db.AuthFailures.AsNoTracking()
            .Where(a => a.HourStart >= filter.FromUtc && a.HourStart < filter.ToUtcExclusive)
            .SumAsync(a => a.Count, ct);

        return new QualityFigures(count, repeatedDeliveries + repeatedEvents, quarantined + quarantinedEnvelopes, outOfOrder, authFailures);
    }
}
