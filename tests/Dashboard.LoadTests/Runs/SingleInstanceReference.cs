using System.Diagnostics;
using Dashboard.LoadTests.Client;
using Dashboard.LoadTests.Targets;
using Dashboard.LoadTests.Traffic;
using static Dashboard.LoadTests.Runs.RetryingSender;

namespace Dashboard.LoadTests.Runs;

/// <summary>The drill's yardstick: what one instance shows when sent the deliveries the two instances acknowledged.</summary>
public static class SingleInstanceReference
{
    private const int InFlight = 16;
    private static readonly TimeSpan ProjectionDeadline = TimeSpan.FromMinutes(5);

    /// <summary>
    /// One fresh instance is sent each distinct acknowledged delivery once, in the order of the shared store's log (the
    /// order its projector took them), then as many repeated copies of each as the shared store counted; once it has
    /// projected everything, its figures are read. Sixteen are in flight, but a snapshot of a candidate is sent only
    /// once the one before it is acknowledged: which snapshots arrived out of order is a figure, and it depends on
    /// the order of each candidate's snapshots (the other figures do not depend on order at all).
    /// </summary>
    public static async Task<SortedDictionary<string, string>> FiguresAsync(
        TargetProcess app, AppStore store, IReadOnlyList<LoadRequest> traffic,
        IReadOnlyList<StoreInspector.StoredDelivery> stored, Dictionary<long, string> candidateOf,
        IReadOnlyDictionary<string, int> acknowledgedCopies, TextWriter log)
    {
        // Each acknowledged delivery once, at the place of its body's row in the shared log.
        var acknowledgedOfBody = traffic.DistinctBy(DeliveryIdentity.Of).Where(t => acknowledgedCopies.ContainsKey(DeliveryIdentity.Of(t)))
            .GroupBy(DeliveryIdentity.BodyKey).ToDictionary(g => g.Key, g => new Queue<LoadRequest>(g));
        var inOrder = new List<(StoreInspector.StoredDelivery Row, LoadRequest Request)>();
        foreach (var row in stored)
            if (acknowledgedOfBody.TryGetValue(row.Key, out var left) && left.TryDequeue(out var request)) inOrder.Add((row, request));

        using var sender = new OpenLoopSender(Launch.LoadTargetFor(app));
        var clock = Stopwatch.StartNew();
        var result = NewResult(inOrder.Count);
        using (var slots = new SemaphoreSlim(InFlight))
        {
            var lastOfCandidate = new Dictionary<string, Task>();
            var sending = new List<Task>(inOrder.Count);
            foreach (var delivery in inOrder)
            {
                // Slots are taken in order, so whatever a delivery waits for already holds one: no deadlock.
                await slots.WaitAsync();
                var before = candidateOf.TryGetValue(delivery.Row.Id, out var candidate) ? lastOfCandidate.GetValueOrDefault(candidate) : null;
                var send = SendAfterAsync(before, sender, delivery.Request, clock, result, slots);
                if (candidate is not null) lastOfCandidate[candidate] = send;
                sending.Add(send);
            }
            await Task.WhenAll(sending);
        }
        var distinctTime = clock.Elapsed;

        // Repeated copies change nothing but the repeat counts, so their order does not matter either.
        var copies = inOrder.SelectMany(d => Enumerable.Repeat(d.Request, d.Row.DuplicateCount)).ToList();
        var repeats = NewResult(copies.Count);
        await Parallel.ForEachAsync(copies, new ParallelOptions { MaxDegreeOfParallelism = InFlight },
            async (copy, _) => await UntilAcknowledgedAsync(sender, copy, clock, repeats));
        result.Elapsed = distinctTime;
        log.WriteLine($"single instance on {store.Name}: {inOrder.Count:N0} distinct deliveries, {InFlight} in flight, in {distinctTime.TotalSeconds:F1} s " +
                      $"({result.AcknowledgedPerSecond:N0}/s, p99 {result.PercentileMs(99):F1} ms), then {copies.Count:N0} repeated copies in {(clock.Elapsed - distinctTime).TotalSeconds:F1} s");
        if (!await InstancesDrill.WaitForProjectionAsync(store, ProjectionDeadline)) log.WriteLine("  the single instance did NOT finish projecting in time");
        using var api = new DashboardApi(app.Address, Launch.ApiToken);
        return await api.FiguresAsync();
    }

    private static async Task SendAfterAsync(
        Task? before, OpenLoopSender sender, LoadRequest request, Stopwatch clock, LoadResult result, SemaphoreSlim slots)
    {
        try
        {
            if (before is not null) await before;
            await UntilAcknowledgedAsync(sender, request, clock, result);
        }
        finally
        {
            slots.Release();
        }
    }
}
