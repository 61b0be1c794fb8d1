using System.Diagnostics;
using System.Threading.Channels;
using Dashboard.Deliveries.Quality;
using Dashboard.Instances;
using Dashboard.Projection;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.DeliveryLog;

/// <summary>What the sender is told about one delivery.</summary>
public sealed record DeliveryReceipt(long DeliveryId, bool Duplicate, DeliveryStatus Status, string? Reason);

/// <summary>The store could not take the delivery now; the sender should retry.</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The single writer of the delivery log. Requests hand their delivery over and wait; the writer takes everything
/// waiting and commits it in one transaction (group commit), so a durable fsync is paid once per batch rather than
/// once per request. Duplicates are found against the unique dedupe key, in the batch and in the store: each new row
/// is inserted only if its key is not there yet (<c>ON CONFLICT DO NOTHING</c>), so where several instances share the
/// store the unique index decides which copy is first and the others are answered as its duplicates.
/// </summary>
public sealed class DeliveryLogWriter(
    IDbContextFactory<DashboardDbContext> factory,
    IDeliveryLogListener listener,
    DashboardChanges changes,
    StoreWriteGate writeGate,
    StoreDialect dialect,
    InstanceMessages instances,
    TimeProvider clock,
    ILogger<DeliveryLogWriter> logger) : BackgroundService
{
    private const int MaxBatch = 2_048;
    private static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(4);

    // A batch's worth is always taken; beyond it, only as many as the log commits in a second at its measured pace.
    private readonly DeliveryLogAdmission _admission = new(MaxBatch, TimeSpan.FromSeconds(1));

    private readonly Channel<PendingWrite> _queue = Channel.CreateBounded<PendingWrite>(
        new BoundedChannelOptions(20_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private sealed record PendingWrite(Delivery Delivery)
    {
        public TaskCompletionSource<DeliveryReceipt> Completion { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Returns once the delivery is committed; throws <see cref="StoreUnavailableException"/> when it is not.</summary>
    public async Task<DeliveryReceipt> AppendAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        var pending = new PendingWrite(delivery);
        listener.Arrived();
        if (!_admission.Admits(_queue.Reader.Count) || !_queue.Writer.TryWrite(pending))
            throw new StoreUnavailableException("the delivery log is at capacity");
        try
        {
            // Waiting on after the sender's own timeout helps nobody; a late commit is answered as a duplicate on retry.
            return await pending.Completion.Task.WaitAsync(AnswerWithin, clock, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw new StoreUnavailableException("the delivery log did not commit in time", ex);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingWrite>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending)) batch.Add(pending);
                var started = Stopwatch.GetTimestamp();
                await CommitAsync(batch, stoppingToken);
                // Only a commit with more waiting behind it shows the log's pace; a quiet log's commits are mostly fsync.
                if (_queue.Reader.Count > 0) _admission.Committed(batch.Count, Stopwatch.GetElapsedTime(started));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        while (_queue.Reader.TryRead(out var left))
            left.Completion.TrySetException(new StoreUnavailableException("the app is shutting down"));
    }

    private async Task CommitAsync(List<PendingWrite> batch, CancellationToken cancellationToken)
    {
        try
        {
            var receipts = await CommitBatchAsync(batch, CancellationToken.None);
            // A duplicate leaves the projector nothing to do, so nothing else would tell the figures that count it;
            // told before its sender is answered, so an answer asked for after that one counts it.
            if (receipts.Any(r => r.Duplicate)) changes.Publish();
            for (var i = 0; i < batch.Count; i++) batch[i].Completion.TrySetResult(receipts[i]);
            listener.Committed();
            instances.Announce(InstanceTopic.Deliveries);
        }
        catch (Exception ex) when (batch.Count > 1 && !cancellationToken.IsCancellationRequested)
        {
            // One bad row must not sink its neighbours: fall back to one transaction each.
            logger.LogWarning(ex, "Group commit of {Count} deliveries failed; committing them one by one", batch.Count);
            foreach (var pending in batch) await CommitAsync([pending], cancellationToken);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "The delivery log could not commit; the sender is told to retry");
            var unavailable = new StoreUnavailableException("the delivery log could not commit", ex);
            foreach (var pending in batch) pending.Completion.TrySetException(unavailable);
        }
    }

    private async Task<DeliveryReceipt[]> CommitBatchAsync(List<PendingWrite> batch, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.Database.SetCommandTimeout(TimeSpan.FromSeconds(3));

        using var hold = await writeGate.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Where instances share a PostgreSQL store, their commits of the log go one at a time: ids are then handed out in
        // commit order, and the projector, which goes by id, never meets a lower id committed after a higher one it
        // has already projected (a snapshot would then be projected in another order than a rebuild projects it).
        if (dialect.Provider == DatabaseEngine.PostgreSql)
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PostgreSqlAdvisoryLock.DeliveryLogKey})", cancellationToken);
        var firstInBatch = new Dictionary<string, Delivery>();
        var fresh = new List<Delivery>(batch.Count);
        foreach (var pending in batch)
        {
            if (firstInBatch.TryAdd(pending.Delivery.DedupeKey, pending.Delivery)) fresh.Add(pending.Delivery);
        }
        var sql = new SetStatements(db);
        var ids = await sql.InsertNewAsync("Deliveries", DeliveryLogRow.Columns,
            fresh.Select(DeliveryLogRow.Values).ToList(), cancellationToken);
        var storedBefore = new List<string>();
        var counted = new List<QualityDelta>(fresh.Count);
        for (var i = 0; i < fresh.Count; i++)
        {
            if (ids[i] is { } id)
            {
                fresh[i].Id = id;
                counted.Add(DeliveryQualityRollup.Logged(fresh[i]));
            }
            else storedBefore.Add(fresh[i].DedupeKey);
        }
        // Only a repeat of a delivery stored in an earlier batch costs this look-up: the insert said which ones.
        var known = storedBefore.Count == 0
            ? []
            : await db.Deliveries.AsNoTracking()
                .Where(d => storedBefore.Contains(d.DedupeKey))
                .Select(d => new { d.Id, d.DedupeKey, d.Status, d.StatusReason, d.ReceivedAt })
                .ToDictionaryAsync(d => d.DedupeKey, d => (d.Id, d.Status, d.StatusReason, d.ReceivedAt), cancellationToken);

        var receipts = new DeliveryReceipt[batch.Count];
        var duplicatesOf = new Dictionary<long, int>();
        for (var i = 0; i < batch.Count; i++)
        {
            var delivery = batch[i].Delivery;
            var stored = firstInBatch[delivery.DedupeKey];
            if (ReferenceEquals(stored, delivery) && !known.ContainsKey(delivery.DedupeKey))
            {
                receipts[i] = new DeliveryReceipt(delivery.Id, false, delivery.Status, delivery.StatusReason);
                continue;
            }
            var original = known.TryGetValue(delivery.DedupeKey, out var found)
                ? found
                : (stored.Id, stored.Status, stored.StatusReason, stored.ReceivedAt);
            receipts[i] = new DeliveryReceipt(original.Item1, true, original.Item2, original.Item3);
            duplicatesOf[original.Item1] = duplicatesOf.GetValueOrDefault(original.Item1) + 1;
            counted.Add(new QualityDelta(QualityDelta.QuarterOf(original.ReceivedAt), DuplicateDeliveries: 1));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        // In id order, as the projector updates them: two writers of the same rows then queue instead of deadlocking.
        await sql.EachAsync(
            """UPDATE "Deliveries" SET "DuplicateCount" = "DuplicateCount" + @p0, "LastDuplicateAt" = @p1 WHERE "Id" = @p2""",
            duplicatesOf.OrderBy(d => d.Key).Select(d => new object?[] { d.Value, now, d.Key }).ToList(), cancellationToken);
        await DeliveryQualityRollup.AddAsync(db, counted, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return receipts;
    }
}
