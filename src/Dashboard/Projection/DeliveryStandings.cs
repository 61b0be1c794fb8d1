using Dashboard.DeliveryLog;
using Dashboard.Projection.ReadModel;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Projection;

/// <summary>
/// Where a delivery stands as people and tools see it (accepted, projected, quarantined, failed, erased), from its
/// row's status and the projection watermark: an accepted row at or below the watermark is projected, one above it
/// waits, and a row queued again by a replay waits wherever it is.
/// </summary>
public static class DeliveryStandings
{
    /// <summary>The statuses a delivery can be shown with, in the order the console lists them.</summary>
    public static readonly IReadOnlyList<DeliveryStatus> Shown =
        [DeliveryStatus.Accepted, DeliveryStatus.Projected, DeliveryStatus.Quarantined, DeliveryStatus.Failed, DeliveryStatus.Erased];

    public static async Task<long> WatermarkAsync(DashboardDbContext db, CancellationToken ct) =>
        await db.ProjectionWatermark.AsNoTracking().Where(w => w.Id == ProjectionWatermark.SingleRowId)
            .Select(w => (long?)w.DeliveryId).SingleOrDefaultAsync(ct) ?? 0;

    public static DeliveryStatus ShownStatus(DeliveryStatus stored, long id, long watermark) => stored switch
    {
        DeliveryStatus.Accepted when id <= watermark => DeliveryStatus.Projected,
        DeliveryStatus.Queued => DeliveryStatus.Accepted,
        _ => stored,
    };

    /// <summary>The deliveries shown with <paramref name="status"/>.</summary>
    public static IQueryable<Delivery> WithStatus(IQueryable<Delivery> deliveries, DeliveryStatus status, long watermark) => status switch
    {
        DeliveryStatus.Accepted => deliveries.Where(d =>
            (d.Status == DeliveryStatus.Accepted && d.Id > watermark) || d.Status == DeliveryStatus.Queued),
        DeliveryStatus.Projected => deliveries.Where(d => d.Status == DeliveryStatus.Accepted && d.Id <= watermark),
        _ => deliveries.Where(d => d.Status == status),
    };

    /// <summary>How many deliveries wait for the projector, at most up to <paramref name="upToId"/>.</summary>
    public static async Task<int> CountWaitingAsync(DashboardDbContext db, CancellationToken ct, long upToId = long.MaxValue)
    {
        var watermark = await WatermarkAsync(db, ct);
        // Two counts, each along the (status, id) index, rather than one OR that reads the whole log.
        return await db.Deliveries.CountAsync(d => d.Status == DeliveryStatus.Accepted && d.Id > watermark && d.Id <= upToId, ct)
               + await db.Deliveries.CountAsync(d => d.Status == DeliveryStatus.Queued && d.Id <= upToId, ct);
    }

    /// <summary>How many deliveries are shown with each status (only those that occur).</summary>
    public static async Task<Dictionary<DeliveryStatus, int>> CountsAsync(DashboardDbContext db, CancellationToken ct)
    {
        var watermark = await WatermarkAsync(db, ct);
        var stored = await db.Deliveries.GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var projected = await db.Deliveries.CountAsync(d => d.Status == DeliveryStatus.Accepted && d.Id <= watermark, ct);
        var counts = new Dictionary<DeliveryStatus, int>();
        void Add(DeliveryStatus status, int count)
        {
            if (count > 0) counts[status] = counts.GetValueOrDefault(status) + count;
        }
        foreach (var s in stored)
        {
            if (s.Key != DeliveryStatus.Accepted) Add(s.Key == DeliveryStatus.Queued ? DeliveryStatus.Accepted : s.Key, s.Count);
            else
            {
                Add(DeliveryStatus.Projected, projected);
                Add(DeliveryStatus.Accepted, s.Count - projected);
            }
        }
        return counts;
    }

    /// <summary>When a delivery shown as projected was projected: its own time after a replay, else its batch's.</summary>
    public static async Task<DateTime?> ProjectedAtAsync(DashboardDbContext db, long id, DateTime? ownTime, CancellationToken ct) =>
        ownTime ?? await db.ProjectedBatches.AsNoTracking().Where(b => b.UpToDeliveryId >= id).OrderBy(b => b.UpToDeliveryId)
            .Select(b => (DateTime?)b.ProjectedAt).FirstOrDefaultAsync(ct);
}
