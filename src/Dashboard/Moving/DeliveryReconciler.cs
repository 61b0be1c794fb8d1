using System.Globalization;
using Dashboard.Deliveries;
using Dashboard.Deliveries.Quality;
using Dashboard.DeliveryLog;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Moving;

/// <summary>
/// Before a second pass: checks that the deliveries the target already holds are this source's (same id, same
/// dedupe key), and brings them up to date. A delivery is append-only apart from a few columns, but those can change
/// between passes: its duplicate count (a sender retried), redaction (retention) and erasure. A PostgreSQL source
/// can also commit an id after a higher one was copied (two instances writing at once); such a gap is filled here.
/// </summary>
public sealed class DeliveryReconciler(OpenedStore source, OpenedStore target, Action<string> report)
{
    private sealed record Fingerprint(long Id, string DedupeKey, int DuplicateCount, DateTime? LastDuplicateAt, DateTime? RedactedAt, bool Erased)
    {
        // PostgreSQL keeps microseconds, SQLite .NET's 100 ns ticks: compare what both can hold.
        public bool SameContentAs(Fingerprint other) => RedactedAt.Micro() == other.RedactedAt.Micro() && Erased == other.Erased;

        public bool SameCountsAs(Fingerprint other) =>
            DuplicateCount == other.DuplicateCount && LastDuplicateAt.Micro() == other.LastDuplicateAt.Micro();
    }

    /// <summary>Returns how many deliveries were refreshed or filled in, and whether the read model had to be rebuilt.</summary>
    public async Task<(int Refreshed, bool ReadModelReset)> ReconcileAsync(long upTo, CancellationToken ct)
    {
        var missing = new List<long>();
        var changedContent = new List<long>();
        var changedCounts = new List<long>();
        await using (var from = await source.Factory.CreateDbContextAsync(ct))
        await using (var to = await target.Factory.CreateDbContextAsync(ct))
        {
            await using var theirs = Fingerprints(from, upTo).GetAsyncEnumerator(ct);
            await using var ours = Fingerprints(to, upTo).GetAsyncEnumerator(ct);
            var hasTheirs = await theirs.MoveNextAsync();
            var hasOurs = await ours.MoveNextAsync();
            while (hasOurs)
            {
                if (hasTheirs && theirs.Current.Id < ours.Current.Id)
                {
                    missing.Add(theirs.Current.Id);
                    hasTheirs = await theirs.MoveNextAsync();
                    continue;
                }
                if (!hasTheirs || theirs.Current.Id != ours.Current.Id || theirs.Current.DedupeKey != ours.Current.DedupeKey)
                    throw new MoveRefusedException(
                        $"The target already holds deliveries that are not this source's (delivery {ours.Current.Id.ToString(CultureInfo.InvariantCulture)} " +
                        "differs or is missing in the source). It is another store: move into an empty database (or drop this one) instead of mixing two delivery logs.");
                if (!theirs.Current.SameContentAs(ours.Current)) changedContent.Add(ours.Current.Id);
                else if (!theirs.Current.SameCountsAs(ours.Current)) changedCounts.Add(ours.Current.Id);
                hasTheirs = await theirs.MoveNextAsync();
                hasOurs = await ours.MoveNextAsync();
            }
            for (; hasTheirs; hasTheirs = await theirs.MoveNextAsync()) missing.Add(theirs.Current.Id);
        }

        if (missing.Count + changedContent.Count + changedCounts.Count == 0) return (0, false);
        report(string.Create(CultureInfo.InvariantCulture,
            $"deliveries: {missing.Count:N0} filled in, {changedContent.Count:N0} redacted or erased since, {changedCounts.Count:N0} with new duplicate counts"));
        await ApplyAsync(missing, changedContent, changedCounts, ct);
        return (missing.Count + changedContent.Count + changedCounts.Count, changedContent.Count > 0);
    }

    private static IAsyncEnumerable<Fingerprint> Fingerprints(DashboardDbContext db, long upTo) =>
        db.Deliveries.AsNoTracking().Where(d => d.Id <= upTo).OrderBy(d => d.Id)
            .Select(d => new Fingerprint(d.Id, d.DedupeKey, d.DuplicateCount, d.LastDuplicateAt, d.RedactedAt, d.Status == DeliveryStatus.Erased))
            .AsAsyncEnumerable();

    private async Task ApplyAsync(List<long> missing, List<long> changedContent, List<long> changedCounts, CancellationToken ct)
    {
        foreach (var chunk in missing.Chunk(500))
        {
            await using var from = await source.Factory.CreateDbContextAsync(ct);
            await DeliveryLogCopy.InsertAsync(target,
                await from.Deliveries.AsNoTracking().Where(d => chunk.Contains(d.Id)).OrderBy(d => d.Id).ToListAsync(ct), ct);
        }

        await using var to = await target.Factory.CreateDbContextAsync(ct);
        await using var transaction = await to.Database.BeginTransactionAsync(ct);
        foreach (var chunk in changedCounts.Chunk(500))
        {
            await using var from = await source.Factory.CreateDbContextAsync(ct);
            var counts = await from.Deliveries.Where(d => chunk.Contains(d.Id))
                .ToDictionaryAsync(d => d.Id, d => (d.DuplicateCount, d.LastDuplicateAt), ct);
            // Only the counters: the target's own projection status stays true.
            foreach (var delivery in await to.Deliveries.Where(d => chunk.Contains(d.Id)).ToListAsync(ct))
                (delivery.DuplicateCount, delivery.LastDuplicateAt) = counts[delivery.Id];
            await to.SaveChangesAsync(ct);
            to.ChangeTracker.Clear();
        }
        foreach (var chunk in changedContent.Chunk(500))
        {
            await using var from = await source.Factory.CreateDbContextAsync(ct);
            to.Deliveries.UpdateRange(await from.Deliveries.AsNoTracking().Where(d => chunk.Contains(d.Id)).ToListAsync(ct));
            await to.SaveChangesAsync(ct);
            to.ChangeTracker.Clear();
        }
        // A redacted or erased body changes what the read model holds (an erased candidate must leave it): rebuild it
        // whole, in the same transaction, so a move stopped here cannot leave a stale read model behind.
        if (changedContent.Count > 0) await DeliveryReplay.EmptyReadModelAndQueueAllAsync(to, ct);
        else if (changedCounts.Count > 0) await DeliveryQualityRollup.RecountAsync(to, ct);
        await transaction.CommitAsync(ct);
    }
}

internal static class Instants
{
    public static long? Micro(this DateTime? value) => value is { } v ? v.Ticks / 10 : null;
}
