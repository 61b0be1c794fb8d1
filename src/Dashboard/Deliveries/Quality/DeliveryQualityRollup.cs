using Dashboard.DeliveryLog;
using Dashboard.Instances;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Deliveries.Quality;

/// <summary>
/// Keeps <see cref="DeliveryQualityQuarter"/> exact. Each writer adds signed deltas for what it changes in the same
/// transaction as the change: the delivery log for deliveries, duplicates and quarantine on arrival; the projector
/// for quarantine, quarantined envelopes, out-of-order snapshots and repeated events; a replay takes back what the
/// deliveries it queues had produced. What changes many rows at once (a rebuild, an erasure, a store moved in, a
/// store from before the counts existed) counts everything again instead.
/// </summary>
public static class DeliveryQualityRollup
{
    /// <summary>
    /// Adds the deltas, one upsert per quarter (the same SQL on SQLite and PostgreSQL), in quarter order so that two
    /// writers touching several quarters queue instead of deadlocking.
    /// </summary>
    public static async Task AddAsync(DashboardDbContext db, IEnumerable<QualityDelta> deltas, CancellationToken ct)
    {
        var byQuarter = new SortedDictionary<long, QualityDelta>();
        foreach (var delta in deltas)
            byQuarter[delta.Quarter] = byQuarter.TryGetValue(delta.Quarter, out var sum) ? sum + delta : delta;
        foreach (var d in byQuarter.Values)
        {
            if (d.IsZero) continue;
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "DeliveryQualityQuarters"
                    ("Quarter", "Deliveries", "DuplicateDeliveries", "Quarantined", "QuarantinedEnvelopes", "OutOfOrder", "RepeatedEvents")
                VALUES ({d.Quarter}, {d.Deliveries}, {d.DuplicateDeliveries}, {d.Quarantined}, {d.QuarantinedEnvelopes}, {d.OutOfOrder}, {d.RepeatedEvents})
                ON CONFLICT ("Quarter") DO UPDATE SET
                    "Deliveries" = "DeliveryQualityQuarters"."Deliveries" + excluded."Deliveries",
                    "DuplicateDeliveries" = "DeliveryQualityQuarters"."DuplicateDeliveries" + excluded."DuplicateDeliveries",
                    "Quarantined" = "DeliveryQualityQuarters"."Quarantined" + excluded."Quarantined",
                    "QuarantinedEnvelopes" = "DeliveryQualityQuarters"."QuarantinedEnvelopes" + excluded."QuarantinedEnvelopes",
                    "OutOfOrder" = "DeliveryQualityQuarters"."OutOfOrder" + excluded."OutOfOrder",
                    "RepeatedEvents" = "DeliveryQualityQuarters"."RepeatedEvents" + excluded."RepeatedEvents"
                """, ct);
        }
    }

    /// <summary>What a delivery counts for as it is written to the log (or copied into a store).</summary>
    public static QualityDelta Logged(Delivery delivery) => new(QualityDelta.QuarterOf(delivery.ReceivedAt), Deliveries: 1,
        DuplicateDeliveries: delivery.DuplicateCount, Quarantined: delivery.Status == DeliveryStatus.Quarantined ? 1 : 0);

    /// <summary>
    /// On PostgreSQL, waits for the delivery log's writers (of every instance) to be done with their batch and keeps
    /// them waiting until the caller's transaction ends, so a recount sees and replaces everything they counted. Take
    /// it before touching delivery rows: a log writer holds it while it updates them. SQLite has one writer already.
    /// </summary>
    public static async Task HoldLogWritersAsync(DashboardDbContext db, CancellationToken ct)
    {
        if (db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true)
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PostgreSqlAdvisoryLock.DeliveryLogKey})", ct);
    }

    /// <summary>
    /// Counts everything again from the delivery log and the read model, replacing what was kept. Runs in the caller's
    /// transaction, which holds the log's writers off (<see cref="HoldLogWritersAsync"/>) and the projector's turn.
    /// </summary>
    public static async Task RecountAsync(DashboardDbContext db, CancellationToken ct)
    {
        var counts = new Dictionary<long, QualityDelta>();
        void Add(QualityDelta delta) => counts[delta.Quarter] = counts.TryGetValue(delta.Quarter, out var sum) ? sum + delta : delta;

        var quarantined = DeliveryStatus.Quarantined;
        await foreach (var d in db.Deliveries.AsNoTracking()
                           .Select(d => new { d.ReceivedAt, d.DuplicateCount, Quarantined = d.Status == quarantined }).AsAsyncEnumerable().WithCancellation(ct))
            Add(new QualityDelta(QualityDelta.QuarterOf(d.ReceivedAt), 1, d.DuplicateCount, d.Quarantined ? 1 : 0));
        foreach (var at in await db.QuarantinedEnvelopes.AsNoTracking()
                     .Join(db.Deliveries.Where(d => d.Status != quarantined), q => q.DeliveryId, d => d.Id, (_, d) => d.ReceivedAt).ToListAsync(ct))
            Add(new QualityDelta(QualityDelta.QuarterOf(at), QuarantinedEnvelopes: 1));
        foreach (var at in await db.IdibuSnapshots.AsNoTracking().Where(s => s.OutOfOrder)
                     .Join(db.Deliveries, s => s.DeliveryId, d => d.Id, (_, d) => d.ReceivedAt).ToListAsync(ct))
            Add(new QualityDelta(QualityDelta.QuarterOf(at), OutOfOrder: 1));
        foreach (var e in await db.FirstbirdEvents.AsNoTracking().Where(e => e.RepeatCount > 0)
                     .Join(db.Deliveries, e => e.DeliveryId, d => d.Id, (e, d) => new { d.ReceivedAt, e.RepeatCount }).ToListAsync(ct))
            Add(new QualityDelta(QualityDelta.QuarterOf(e.ReceivedAt), RepeatedEvents: e.RepeatCount));

        await db.DeliveryQualityQuarters.ExecuteDeleteAsync(ct);
        var tracking = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.DeliveryQualityQuarters.AddRange(counts.Values.Where(c => !c.IsZero).Select(c => new DeliveryQualityQuarter
        {
            Quarter = c.Quarter, Deliveries = c.Deliveries, DuplicateDeliveries = c.DuplicateDeliveries, Quarantined = c.Quarantined,
            QuarantinedEnvelopes = c.QuarantinedEnvelopes, OutOfOrder = c.OutOfOrder, RepeatedEvents = c.RepeatedEvents,
        }));
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = tracking;
    }

    /// <summary>
    /// A store from before these counts existed has deliveries and no counts: count them once, at start, in the
    /// projector's turn with the log's writers held off (other instances may be running).
    /// </summary>
    public static async Task CountIfMissingAsync(DashboardDbContext db, ProjectionTurns turns, CancellationToken ct)
    {
        if (await db.DeliveryQualityQuarters.AnyAsync(ct) || !await db.Deliveries.AnyAsync(ct)) return;
        await using (await turns.TakeAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await HoldLogWritersAsync(db, ct);
            if (await db.DeliveryQualityQuarters.AnyAsync(ct)) return;
            await RecountAsync(db, ct);
            await transaction.CommitAsync(ct);
        }
    }

    /// <summary>
    /// What the deliveries <paramref name="ids"/> produced beyond their own arrival (quarantine, quarantined
    /// envelopes, out-of-order snapshots, events repeated), taken back before a replay removes it. Run before the removal.
    /// </summary>
    public static async Task<List<QualityDelta>> ProducedByAsync(DashboardDbContext db, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        var quarantined = DeliveryStatus.Quarantined;
        var taken = new List<QualityDelta>();
        var deliveries = await db.Deliveries.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new { d.Id, d.ReceivedAt, Quarantined = d.Status == quarantined }).ToDictionaryAsync(d => d.Id, ct);
        long QuarterOf(long id) => QualityDelta.QuarterOf(deliveries[id].ReceivedAt);

        taken.AddRange(deliveries.Values.Where(d => d.Quarantined).Select(d => new QualityDelta(QualityDelta.QuarterOf(d.ReceivedAt), Quarantined: -1)));
        foreach (var id in await db.QuarantinedEnvelopes.Where(q => ids.Contains(q.DeliveryId)).Select(q => q.DeliveryId).ToListAsync(ct))
            if (!deliveries[id].Quarantined) taken.Add(new QualityDelta(QuarterOf(id), QuarantinedEnvelopes: -1));
        foreach (var id in await db.IdibuSnapshots.Where(s => ids.Contains(s.DeliveryId) && s.OutOfOrder).Select(s => s.DeliveryId).ToListAsync(ct))
            taken.Add(new QualityDelta(QuarterOf(id), OutOfOrder: -1));
        foreach (var e in await db.FirstbirdEvents.Where(e => ids.Contains(e.DeliveryId) && e.RepeatCount > 0)
                     .Select(e => new { e.DeliveryId, e.RepeatCount }).ToListAsync(ct))
            taken.Add(new QualityDelta(QuarterOf(e.DeliveryId), RepeatedEvents: -e.RepeatCount));
        return taken;
    }
}
