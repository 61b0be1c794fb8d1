using System.Security.Claims;
using Dashboard.Access.Rights;
using Dashboard.Admin.Audit;
using Dashboard.Deliveries.Quality;
using Dashboard.DeliveryLog;
using Dashboard.Projection;
using Dashboard.Senders;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Deliveries;

public sealed record RebuildProgress(bool Running, int Total, int Remaining, DateTime? StartedAt)
{
    public double Fraction => Total == 0 ? 1 : 1 - (double)Remaining / Total;
}

/// <summary>
/// Sends deliveries through today's parser again. Replay removes what a delivery produced on its own and queues it
/// for the projector; rebuild empties the whole read model and queues every delivery, in arrival order, while
/// ingestion goes on (new deliveries simply queue behind). Either changes the figures before the projector gets to
/// them, so both say so at once.
/// </summary>
public sealed class DeliveryReplay(
    IDbContextFactory<DashboardDbContext> factory, DeliveryProjector projector, ActingPerson acting, AuditLog audit, DashboardChanges changes,
    TimeProvider clock)
{
    private RebuildProgress _rebuild = new(false, 0, 0, null);

    public async Task<int> ReplayAsync(IReadOnlyList<long> ids, ClaimsPrincipal actor, CancellationToken ct)
    {
        await acting.EnsureAdminAsync(actor, ct);
        var replayed = 0;
        await projector.RunBetweenBatchesAsync(async () =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            replayed = await QueueAgainAsync(db, ids, ct);
        }, ct);
        changes.Publish();
        await audit.RecordAsync(actor, "delivery.replayed", ids.Count == 1 ? $"delivery {ids[0]}" : $"{ids.Count} deliveries", null, ct);
        return replayed;
    }

    /// <summary>Takes away what the deliveries produced on their own and queues them for the projector again.</summary>
    /// <remarks>A caller already in a transaction (a store move inserts and queues a chunk together) keeps it.</remarks>
    public static async Task<int> QueueAgainAsync(DashboardDbContext db, IReadOnlyList<long> ids, CancellationToken ct)
    {
        var queued = 0;
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var watermark = await DeliveryStandings.WatermarkAsync(db, ct);
        foreach (var chunk in ids.Chunk(500))
        {
            var taken = await DeliveryQualityRollup.ProducedByAsync(db, chunk, ct);
            foreach (var sender in SenderRegistry.All) await sender.ForgetAsync(db, chunk, ct);
            // Above the watermark a delivery waits in the normal case; below it, it is queued on its row.
            queued += await db.Deliveries.Where(d => chunk.Contains(d.Id) && d.Status != DeliveryStatus.Erased).ExecuteUpdateAsync(set => set
                .SetProperty(d => d.Status, d => d.Id > watermark ? DeliveryStatus.Accepted : DeliveryStatus.Queued)
                .SetProperty(d => d.StatusReason, (string?)null)
                .SetProperty(d => d.ProjectedAt, (DateTime?)null), ct);
            await DeliveryQualityRollup.AddAsync(db, taken, ct);
        }
        if (transaction is not null) await transaction.CommitAsync(ct);
        return queued;
    }

    public async Task<RebuildProgress> ProgressAsync(CancellationToken ct)
    {
        if (!_rebuild.Running) return _rebuild;
        await using var db = await factory.CreateDbContextAsync(ct);
        var remaining = await DeliveryStandings.CountWaitingAsync(db, ct, upToId: LastQueuedId);
        _rebuild = _rebuild with { Remaining = remaining, Running = remaining > 0 };
        return _rebuild;
    }

    private long LastQueuedId { get; set; }

    /// <summary>Empties the read model and queues every delivery; returns at once, the projector does the work.</summary>
    public async Task<RebuildProgress> StartRebuildAsync(ClaimsPrincipal actor, CancellationToken ct)
    {
        await acting.EnsureAdminAsync(actor, ct);
        await projector.RunBetweenBatchesAsync(async () =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var total = await EmptyReadModelAndQueueAllAsync(db, ct);
            LastQueuedId = await db.Deliveries.MaxAsync(d => (long?)d.Id, ct) ?? 0;
            await transaction.CommitAsync(ct);
            _rebuild = new RebuildProgress(total > 0, total, total, clock.GetUtcNow().UtcDateTime);
        }, ct);
        changes.Publish();
        await audit.RecordAsync(actor, "readmodel.rebuilt", null, $"{_rebuild.Total} deliveries queued", ct);
        return _rebuild;
    }

    /// <summary>
    /// Empties every read-model table and queues every delivery but the erased ones (tombstones stay erased); returns
    /// how many were queued. Runs in the caller's transaction; a rebuild and a store move share it.
    /// </summary>
    public static async Task<int> EmptyReadModelAndQueueAllAsync(DashboardDbContext db, CancellationToken ct)
    {
        await DeliveryQualityRollup.HoldLogWritersAsync(db, ct);
        foreach (var sender in SenderRegistry.All) await sender.EmptyAsync(db, ct);
        await ReadModelEpoch.BeginNewAsync(db, ct);
        // The watermark goes back to the start, which queues every delivery in the normal case without touching its
        // row; only rows that say something else (quarantined, failed, queued, a note, a time of their own) are reset.
        await db.ProjectionWatermark.ExecuteUpdateAsync(set => set.SetProperty(w => w.DeliveryId, 0L), ct);
        await db.ProjectedBatches.ExecuteDeleteAsync(ct);
        await db.Deliveries
            .Where(d => d.Status != DeliveryStatus.Erased
                        && (d.Status != DeliveryStatus.Accepted || d.StatusReason != null || d.ProjectedAt != null))
            .ExecuteUpdateAsync(set => set
                .SetProperty(d => d.Status, DeliveryStatus.Accepted)
                .SetProperty(d => d.StatusReason, (string?)null)
                .SetProperty(d => d.ProjectedAt, (DateTime?)null), ct);
        var queued = await db.Deliveries.CountAsync(d => d.Status != DeliveryStatus.Erased, ct);
        await DeliveryQualityRollup.RecountAsync(db, ct);
        return queued;
    }
}
