using Dashboard.Deliveries;
using Dashboard.Deliveries.Quality;
using Dashboard.DeliveryLog;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Moving;

/// <summary>What a pass over the delivery log did.</summary>
public sealed record DeliveryCopyResult(int Copied, int Refreshed, bool ReadModelReset);

/// <summary>
/// Copies the delivery log in id order, a chunk per transaction, every column and id kept. Each chunk is queued for
/// the projector in the same transaction (<see cref="DeliveryReplay.QueueAgainAsync"/>): whatever point a move is
/// stopped at, every delivery in the target is either projected there or waiting, so a second run only has to
/// carry on. Erased deliveries stay erased tombstones.
/// </summary>
public sealed class DeliveryLogCopy(OpenedStore source, OpenedStore target, int chunkSize, Action<string> report, TimeProvider clock)
{
    // Bodies go up to a MiB: a chunk also stops at this many body bytes, so a chunk of big ones fits in memory.
    private static readonly System.Globalization.CultureInfo Inv = System.Globalization.CultureInfo.InvariantCulture;

    private const long ChunkBodyBytes = 32L * 1024 * 1024;

    /// <summary>Called after each committed chunk with the number copied so far; tests stop a move here.</summary>
    public Func<int, CancellationToken, Task>? AfterChunk { get; init; }

    public async Task<DeliveryCopyResult> CopyAsync(CancellationToken ct)
    {
        long copiedUpTo;
        int refreshed;
        bool reset;
        await using (var to = await target.Factory.CreateDbContextAsync(ct))
            copiedUpTo = await to.Deliveries.MaxAsync(d => (long?)d.Id, ct) ?? 0;
        if (copiedUpTo == 0)
        {
            // A fresh target: whatever read model it holds (an app started on it once) was not derived from this log.
            await using var to = await target.Factory.CreateDbContextAsync(ct);
            await DeliveryReplay.EmptyReadModelAndQueueAllAsync(to, ct);
            (refreshed, reset) = (0, true);
        }
        else
        {
            report(string.Create(Inv, $"deliveries: the target already holds deliveries up to id {copiedUpTo:N0}; checking them against the source"));
            (refreshed, reset) = await new DeliveryReconciler(source, target, report).ReconcileAsync(copiedUpTo, ct);
        }
        var copied = await CopyAfterAsync(copiedUpTo, ct);
        if (copied == 0) report("deliveries: nothing new to copy");
        return new DeliveryCopyResult(copied, refreshed, reset);
    }

    private async Task<int> CopyAfterAsync(long after, CancellationToken ct)
    {
        int total;
        await using (var from = await source.Factory.CreateDbContextAsync(ct))
            total = await from.Deliveries.CountAsync(d => d.Id > after, ct);
        var copied = 0;
        var started = clock.GetTimestamp();
        var lastReport = started;
        while (true)
        {
            var chunk = await ReadChunkAsync(after, ct);
            if (chunk.Count == 0) break;
            await InsertAsync(target, chunk, ct);
            after = chunk[^1].Id;
            copied += chunk.Count;

            var now = clock.GetTimestamp();
            if (clock.GetElapsedTime(lastReport, now) >= TimeSpan.FromSeconds(1) || copied >= total)
            {
                var rate = copied / Math.Max(clock.GetElapsedTime(started, now).TotalSeconds, 0.001);
                report(string.Create(Inv, $"deliveries {copied:N0} / {Math.Max(total, copied):N0} ({Percent(copied, Math.Max(total, copied))}), {rate:N0}/s"));
                lastReport = now;
            }
            if (AfterChunk is not null) await AfterChunk(copied, ct);
        }
        return copied;
    }

    private async Task<List<Delivery>> ReadChunkAsync(long after, CancellationToken ct)
    {
        await using var from = await source.Factory.CreateDbContextAsync(ct);
        var next = await from.Deliveries.AsNoTracking().Where(d => d.Id > after).OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.BodyLength }).Take(chunkSize).ToListAsync(ct);
        var ids = new List<long>();
        long bytes = 0;
        foreach (var d in next)
        {
            if (ids.Count > 0 && bytes + d.BodyLength > ChunkBodyBytes) break;
            ids.Add(d.Id);
            bytes += d.BodyLength;
        }
        return await from.Deliveries.AsNoTracking().Where(d => ids.Contains(d.Id)).OrderBy(d => d.Id).ToListAsync(ct);
    }

    /// <summary>Inserts deliveries with their ids and queues them for the projector, in one transaction.</summary>
    internal static async Task InsertAsync(OpenedStore target, IReadOnlyList<Delivery> deliveries, CancellationToken ct)
    {
        await using var to = await target.Factory.CreateDbContextAsync(ct);
        to.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await to.Database.BeginTransactionAsync(ct);
        to.Deliveries.AddRange(deliveries);
        await to.SaveChangesAsync(ct);
        to.ChangeTracker.Clear();
        await DeliveryQualityRollup.AddAsync(to, deliveries.Select(DeliveryQualityRollup.Logged), ct);
        await DeliveryReplay.QueueAgainAsync(to, deliveries.Select(d => d.Id).ToList(), ct);
        await transaction.CommitAsync(ct);
    }

    internal static string Percent(long done, long total) =>
        total == 0 ? "100%" : $"{Math.Floor(100.0 * done / total).ToString(System.Globalization.CultureInfo.InvariantCulture)}%";
}
