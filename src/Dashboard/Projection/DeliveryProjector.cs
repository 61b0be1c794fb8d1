using System.Diagnostics;
using Dashboard.Deliveries.Quality;
using Dashboard.Ingestion;
using Dashboard.Ingestion.Firstbird;
using Dashboard.Ingestion.Idibu;
using Dashboard.Projection.ReadModel;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Projection;

/// <summary>
/// Turns accepted deliveries into the read model, in order of arrival, in batches. Each batch's read-model changes
/// and its deliveries' "projected" marks commit together, so a restart simply carries on with what is left.
/// A delivery the projector cannot handle is marked failed with the reason; it never stops the others.
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
    private const int BacklogBatchSize = 2_000;

    // A batch's writes share one transaction, and the delivery log waits for the write gate meanwhile. Work grows
    // with what the bodies list, so a batch also stops at this many body bytes; it always takes at least one delivery.
    private const long BatchBodyBytes = 256 * 1024;
    private const long BacklogBatchBodyBytes = 10 * BatchBodyBytes;
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
        // A big batch holds the write gate for a long commit; while senders are waiting for answers, stay small.
        var bigBatch = _inBacklog && signal.QuietFor(SendersBusyWithin);
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            var waiting = await db.Deliveries.AsNoTracking()
                .Where(d => d.Status == DeliveryStatus.Accepted)
                .OrderBy(d => d.Id)
                .Select(d => new { d.Id, d.BodyLength })
                .Take(bigBatch ? BacklogBatchSize : BatchSize)
                .ToListAsync(cancellationToken);
            ids = WithinByteBudget(waiting.Select(d => (d.Id, d.BodyLength)), bigBatch ? BacklogBatchBodyBytes : BatchBodyBytes);
            _inBacklog = waiting.Count >= BatchSize;
        }
        if (ids.Count == 0) return 0;

        try
        {
            await ProjectAsync(ids, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && ids.Count > 1)
        {
            logger.LogWarning(ex, "A batch of {Count} deliveries failed to project; retrying them one at a time", ids.Count);
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
            await ProjectAsync([id], cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Delivery {DeliveryId} could not be projected", id);
            await MarkFailedAsync(id, $"{ex.GetType().Name}: {ex.Message}", cancellationToken);
        }
    }

    private async Task ProjectAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        // Reading and folding happen outside any transaction: SQLite has one writer, and the delivery log's group
        // commit must not wait behind a projection's reads. Every other writer of the read model (replay, rebuild,
        // retention, erasure, another instance's projector) waits for the turn this batch holds, so what was read is
        // still true when SaveChanges writes everything (and the "projected" marks) in one short transaction.
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // Nothing reads tracked rows through EF between here and the save, so changes are detected once, before it.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var deliveries = await db.Deliveries.Where(d => ids.Contains(d.Id)).OrderBy(d => d.Id).ToListAsync(cancellationToken);
        var parsed = deliveries.Where(d => d.Status == DeliveryStatus.Accepted).AsParallel().AsOrdered().Select(Parse).ToList();
        var rows = await ProjectionBatchRows.LoadAsync(db, ids,
            parsed.Select(p => p.Idibu?.Delivery).OfType<IdibuDelivery>().ToList(),
            parsed.Select(p => p.Firstbird).OfType<FirstbirdBatch>().Where(b => b.QuarantineReason is null).ToList(),
            cancellationToken);
        var idibu = new IdibuProjection(rows);
        var firstbird = new FirstbirdProjection(rows);
        var now = clock.GetUtcNow().UtcDateTime;

        foreach (var delivery in parsed)
        {
            ProjectOne(delivery, idibu, firstbird);
            delivery.Delivery.ProjectedAt = now;
        }
        db.ChangeTracker.DetectChanges();
        await StampChangesAsync(db, rows, cancellationToken);
        var counted = await ProjectionQualityDeltas.OfAsync(db, parsed.Select(p => p.Delivery).ToList(), cancellationToken);
        using var turn = await writeGate.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await DeliveryQualityRollup.AddAsync(db, counted, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Gives the batch the next read-model version and stamps it on every candidate and referral application of the batch
    /// and every vacancy it added or changed, so figures kept in memory catch up by reading just those. Runs after the one DetectChanges;
    /// the entry API marks what it sets as modified by itself.
    /// </summary>
    private static async Task StampChangesAsync(DashboardDbContext db, ProjectionBatchRows rows, CancellationToken ct)
    {
        var candidates = rows.Candidates.Values.OfType<IdibuCandidate>().ToList();
        var vacancies = rows.Vacancies.Values.OfType<IdibuVacancy>()
            .Where(v => db.Entry(v).State is EntityState.Added or EntityState.Modified).ToList();
        var referrals = rows.Referrals.Values.OfType<ReferralApplication>().ToList();
        if (candidates.Count == 0 && vacancies.Count == 0 && referrals.Count == 0) return;

        // The migration that made the clock put its row in; a store that lost it gets it back rather than stop projecting.
        var clock = await db.ReadModelClock.SingleOrDefaultAsync(c => c.Id == ReadModelClock.SingleRowId, ct)
                    ?? db.ReadModelClock.Add(new ReadModelClock { Id = ReadModelClock.SingleRowId }).Entity;
        var version = clock.Version + 1;
        db.Entry(clock).Property(c => c.Version).CurrentValue = version;
        foreach (var candidate in candidates) db.Entry(candidate).Property(c => c.ChangeVersion).CurrentValue = version;
        foreach (var vacancy in vacancies) db.Entry(vacancy).Property(v => v.ChangeVersion).CurrentValue = version;
        foreach (var referral in referrals) db.Entry(referral).Property(r => r.ChangeVersion).CurrentValue = version;
    }

    private sealed record ParsedDelivery(Delivery Delivery, IdibuParseResult? Idibu, FirstbirdBatch? Firstbird);

    private static ParsedDelivery Parse(Delivery delivery) => delivery.Provider switch
    {
        Providers.Idibu => new(delivery, IdibuPayloadParser.Parse(delivery.Body, delivery.ContentType, delivery.EventHeader), null),
        Providers.Firstbird => new(delivery, null, FirstbirdEnvelopeParser.Parse(delivery.Body, delivery.ContentType)),
        _ => new(delivery, null, null),
    };

    private static void ProjectOne(ParsedDelivery parsed, IdibuProjection idibu, FirstbirdProjection firstbird)
    {
        var delivery = parsed.Delivery;
        switch (delivery.Provider)
        {
            case Providers.Idibu:
                if (parsed.Idibu!.Delivery is not { } snapshot)
                {
                    Quarantine(delivery, parsed.Idibu.QuarantineReason);
                    return;
                }
                idibu.Apply(delivery, snapshot);
                break;
            case Providers.Firstbird:
                var batch = parsed.Firstbird!;
                if (batch.QuarantineReason is not null || batch.UnderstoodCount == 0)
                {
                    Quarantine(delivery, batch.QuarantineReason ?? "no event in the batch could be understood");
                    return;
                }
                firstbird.Apply(delivery, batch);
                break;
            default:
                Quarantine(delivery, $"unknown provider '{delivery.Provider}'");
                return;
        }
        delivery.Status = DeliveryStatus.Projected;
    }

    // The parser may have changed since the delivery was accepted; today's parser decides.
    private static void Quarantine(Delivery delivery, string? reason)
    {
        delivery.Status = DeliveryStatus.Quarantined;
        delivery.StatusReason = reason ?? "not understood";
    }

    private async Task MarkFailedAsync(long id, string reason, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var clipped = reason.Length <= 1024 ? reason : reason[..1024];
        await db.Deliveries.Where(d => d.Id == id).ExecuteUpdateAsync(
            set => set.SetProperty(d => d.Status, DeliveryStatus.Failed).SetProperty(d => d.StatusReason, clipped),
            cancellationToken);
    }
}
