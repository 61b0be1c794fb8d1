using System.Diagnostics;
using Dashboard.Deliveries.Quality;
using Dashboard.DeliveryLog;
using Dashboard.Instances;
using Dashboard.Projection.ReadModel;
using Dashboard.Senders;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Projection;

/// <summary>
/// Turns accepted deliveries into the read model, in order of arrival, in batches. Each batch's read-model changes
/// and the projection watermark commit together, so a restart simply carries on with what is left.
/// A delivery the projector cannot handle is marked failed with the reason; it never stops the others. Each sender
/// folds its own deliveries (<see cref="ISenderBatch"/>; docs/architecture.md, "The way of a delivery").
/// </summary>
public sealed class DeliveryProjector(
    IDbContextFactory<DashboardDbContext> factory,
    ProjectionSignal signal,
    DashboardChanges changes,
    StoreWriteGate writeGate,
    ProjectionTurns turns,
    TimeProvider clock,
    ILogger<DeliveryProjector> logger) : BackgroundService
{
    private const int BatchSize = 200;

    // A backlog (a rebuild, a replay, a burst) is worked through in bigger batches: the per-batch set queries and the
    // durable commit are then shared by many more deliveries. Live traffic keeps small batches and fresh dashboards.
    private const int BacklogBatchSize = 5_000;

    // A batch's writes share one transaction, and the delivery log waits for the write gate meanwhile. Work grows
    // with what the bodies list, so a batch also stops at this many body bytes; it always takes at least one delivery.
    private const long BatchBodyBytes = 256 * 1024;

    // Behind while senders keep sending: a batch's fixed cost (its set reads, its commit) is shared by more deliveries,
    // or the projector, yielding half its time to the senders, never catches up; the write turn stays short enough.
    private const int CatchUpBatchSize = 2_000;
    private const long CatchUpBatchBodyBytes = 8 * BatchBodyBytes;
    private const long BacklogBatchBodyBytes = 25 * BatchBodyBytes;
    private static readonly TimeSpan SendersBusyWithin = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxYield = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(5);
    private bool _inBacklog;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var started = Stopwatch.GetTimestamp();
                if (await ProjectPendingAsync(stoppingToken) == 0) await signal.WaitAsync(IdlePoll, stoppingToken);
                else if (!signal.QuietFor(SendersBusyWithin))
                {
                    // Senders are waiting for answers: the projector takes at most about half the machine, so a
                    // burst is acknowledged first and projected as soon as it eases. A figure can trail; an answer cannot.
                    var spent = Stopwatch.GetElapsedTime(started);
                    await Task.Delay(spent < MaxYield ? spent : MaxYield, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The store itself is failing (locked, full); wait and try again rather than die.
                logger.LogError(ex, "Projection pass failed; retrying shortly");
                await Task.Delay(TimeSpan.FromSeconds(2), clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Projects one batch of waiting deliveries; returns how many it handled.</summary>
    public async Task<int> ProjectPendingAsync(CancellationToken cancellationToken)
    {
        await using var turn = await turns.TakeAsync(cancellationToken);
        return await ProjectNextBatchAsync(cancellationToken);
    }

    private async Task<int> ProjectNextBatchAsync(CancellationToken cancellationToken)
    {
        List<long> ids;
        long watermark;
        // A big batch holds the write gate for a long commit; while senders are waiting for answers, stay small.
        var bigBatch = _inBacklog && signal.QuietFor(SendersBusyWithin);
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            var take = bigBatch ? BacklogBatchSize : _inBacklog ? CatchUpBatchSize : BatchSize;
            watermark = await DeliveryStandings.WatermarkAsync(db, cancellationToken);
            // Deliveries a replay queued again come first (they are older); then those above the watermark, in order of
            // arrival. Two reads along the (status, id) index rather than one OR that would read the whole log.
            var waiting = await db.Deliveries.AsNoTracking()
                .Where(d => d.Status == DeliveryStatus.Queued)
                .OrderBy(d => d.Id)
                .Select(d => new { d.Id, d.BodyLength })
                .Take(take)
                .ToListAsync(cancellationToken);
            if (waiting.Count < take)
            {
                waiting.AddRange(await db.Deliveries.AsNoTracking()
                    .Where(d => d.Status == DeliveryStatus.Accepted && d.Id > watermark)
                    .OrderBy(d => d.Id)
                    .Select(d => new { d.Id, d.BodyLength })
                    .Take(take - waiting.Count)
                    .ToListAsync(cancellationToken));
            }
            ids = WithinByteBudget(waiting.Select(d => (d.Id, d.BodyLength)),
                bigBatch ? BacklogBatchBodyBytes : _inBacklog ? CatchUpBatchBodyBytes : BatchBodyBytes);
            _inBacklog = waiting.Count >= BatchSize;
        }
        if (ids.Count == 0) return 0;

        try
        {
            await ProjectAsync(ids, watermark, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && ids.Count > 1)
        {
            logger.LogWarning(ex, "A batch of {Count} deliveries failed to project; retrying them one at a time", ids.Count);
            // In order of id, so the watermark only ever passes deliveries that were projected or marked failed.
            foreach (var id in ids) await ProjectAloneAsync(id, cancellationToken);
        }
        changes.Publish();
        return ids.Count;
    }

    private static List<long> WithinByteBudget(IEnumerable<(long Id, int BodyLength)> waiting, long budget)
    {
        var ids = new List<long>();
        long bytes = 0;
        foreach (var (id, length) in waiting)
        {
            if (ids.Count > 0 && bytes + length > budget) break;
            ids.Add(id);
            bytes += length;
        }
        return ids;
    }

    /// <summary>Runs <paramref name="work"/> between batches (of every instance), so it never interleaves with a projection.</summary>
    public async Task RunBetweenBatchesAsync(Func<Task> work, CancellationToken cancellationToken)
    {
        await using (await turns.TakeAsync(cancellationToken)) await work();
        signal.Notify();
    }

    /// <summary>Projects every waiting delivery; for tests, tools and rebuilds.</summary>
    public async Task ProjectAllPendingAsync(CancellationToken cancellationToken)
    {
        while (await ProjectPendingAsync(cancellationToken) > 0)
        {
        }
    }

    private async Task ProjectAloneAsync(long id, CancellationToken cancellationToken)
    {
        try
        {
            long watermark;
            await using (var db = await factory.CreateDbContextAsync(cancellationToken))
                watermark = await DeliveryStandings.WatermarkAsync(db, cancellationToken);
            await ProjectAsync([id], watermark, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Delivery {DeliveryId} could not be projected", id);
            await MarkFailedAsync(id, $"{ex.GetType().Name}: {ex.Message}", cancellationToken);
        }
    }

    private async Task ProjectAsync(IReadOnlyList<long> ids, long watermark, CancellationToken cancellationToken)
    {
        // Reading and folding happen outside any transaction: SQLite has one writer, and the delivery log's group
        // commit must not wait behind a projection's reads. Every other writer of the read model (replay, rebuild,
        // retention, erasure, another instance's projector) waits for the turn this batch holds, so what was read is
        // still true when the batch writes everything (and moves the watermark) in one short transaction.
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var deliveries = await db.Deliveries.AsNoTracking()
            .Where(d => ids.Contains(d.Id) && (d.Status == DeliveryStatus.Queued || (d.Status == DeliveryStatus.Accepted && d.Id > watermark)))
            .OrderBy(d => d.Id)
            .Select(d => new WaitingDelivery(d.Id, d.Provider, d.ReceivedAt, d.ContentType, d.EventHeader, d.Body, d.BodySha256, d.Status))
            .ToListAsync(cancellationToken);
        // The parser may have changed since a delivery was accepted; today's parser decides.
        var parsed = deliveries.AsParallel().AsOrdered()
            .Select(d => SenderRegistry.Find(d.Provider) is { } sender ? new ParsedDelivery(d, sender, sender.Parse(d)) : new ParsedDelivery(d, null, null))
            .ToList();
        var batches = new List<ISenderBatch>();
        var batchOf = new Dictionary<ISender, ISenderBatch>();
        foreach (var sender in SenderRegistry.All)
        {
            var batch = sender.StartBatch();
            await batch.LoadAsync(db, ids, parsed.Where(p => p.Sender == sender).Select(p => p.Parsed!).ToList(), cancellationToken);
            batches.Add(batch);
            batchOf[sender] = batch;
        }
        var verdicts = parsed.Select(p => new DeliveryVerdict(p.Delivery, p.Sender is null
            ? $"unknown provider '{p.Delivery.Provider}'"
            : batchOf[p.Sender].Apply(p.Delivery, p.Parsed!))).ToList();

        var version = await StampChangesAsync(db, batches, cancellationToken);
        var counted = await QualityDeltasAsync(db, verdicts, batches, cancellationToken);
        var highest = deliveries.Where(d => d.Status == DeliveryStatus.Accepted).Select(d => (long?)d.Id).Max();
        var now = clock.GetUtcNow().UtcDateTime;
        using var hold = await writeGate.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var sql = new SetStatements(db);
        foreach (var batch in batches) await batch.WriteAsync(sql, cancellationToken);
        await ProjectionBatchWriter.WriteAsync(sql, verdicts, version, highest, now, cancellationToken);
        await DeliveryQualityRollup.AddAsync(db, counted, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Gives the batch the next read-model version and lets each sender stamp it on the rows the batch changed, so
    /// figures kept in memory catch up by reading just those. Returns the version, or null when the batch changed none.
    /// </summary>
    private static async Task<long?> StampChangesAsync(DashboardDbContext db, IReadOnlyList<ISenderBatch> batches, CancellationToken ct)
    {
        if (!batches.Any(b => b.HasChanges)) return null;

        // The migration that made the clock put its row in; a store that lost it gets it back rather than stop projecting.
        var version = (await db.ReadModelClock.AsNoTracking().Where(c => c.Id == ReadModelClock.SingleRowId)
            .Select(c => (long?)c.Version).SingleOrDefaultAsync(ct) ?? 0) + 1;
        foreach (var batch in batches) batch.Stamp(version);
        return version;
    }

    /// <summary>What the batch changes in the data-quality counts: the deliveries it quarantined, and what each sender counts.</summary>
    private static async Task<List<QualityDelta>> QualityDeltasAsync(
        DashboardDbContext db, IReadOnlyList<DeliveryVerdict> verdicts, IReadOnlyList<ISenderBatch> batches, CancellationToken ct)
    {
        var received = verdicts.ToDictionary(v => v.Delivery.Id, v => (v.Delivery.ReceivedAt, v.Quarantined));
        var deltas = verdicts.Where(v => v.Quarantined)
            .Select(v => new QualityDelta(QualityDelta.QuarterOf(v.Delivery.ReceivedAt), Quarantined: 1)).ToList();
        foreach (var batch in batches) deltas.AddRange(await batch.QualityDeltasAsync(db, received, ct));
        return deltas;
    }

    private sealed record ParsedDelivery(WaitingDelivery Delivery, ISender? Sender, object? Parsed);

    private async Task MarkFailedAsync(long id, string reason, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var clipped = reason.Length <= 1024 ? reason : reason[..1024];
        await db.Deliveries.Where(d => d.Id == id).ExecuteUpdateAsync(
            set => set.SetProperty(d => d.Status, DeliveryStatus.Failed).SetProperty(d => d.StatusReason, clipped),
            cancellationToken);
    }
}
