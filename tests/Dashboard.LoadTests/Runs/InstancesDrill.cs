using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Dashboard.LoadTests.Client;
using Dashboard.LoadTests.Targets;
using Dashboard.LoadTests.Traffic;
using HdrHistogram;

namespace Dashboard.LoadTests.Runs;

/// <summary>What the drill found, with the answers of each instance and the checks on the shared store.</summary>
public sealed record InstancesDrillResult(
    long Requests,
    long AcknowledgedByA,
    long AcknowledgedByB,
    long AcknowledgedByBoth,
    long AcknowledgedByAAfterKill,
    bool BDied,
    long Acknowledged,
    long StoredDeliveries,
    IReadOnlyList<string> AcknowledgedButMissing,
    IReadOnlyList<string> StoredTwice,
    IReadOnlyList<string> DuplicateCountsOutOfBounds,
    long StoredButNeverAcknowledged,
    bool ProjectionCaughtUp,
    IReadOnlyList<string> FiguresDifferent,
    string IntegrityCheck)
{
    public bool Passed =>
        AcknowledgedByA > 0 && AcknowledgedByB > 0 && BDied && AcknowledgedByAAfterKill > 0 && ProjectionCaughtUp &&
        AcknowledgedButMissing.Count == 0 && StoredTwice.Count == 0 && DuplicateCountsOutOfBounds.Count == 0 &&
        FiguresDifferent.Count == 0 && IntegrityCheck == "ok";
}

/// <summary>
/// Two app processes, A and B, on one fresh PostgreSQL database. Both senders' traffic goes out open-loop at a fixed
/// rate: a fifth of the deliveries to both instances at once, the rest to A and B in turn. Halfway through, B is
/// killed with SIGKILL and everything goes to A; a request to B (or to A) that got no acknowledgement is sent to A
/// again, as a sender would retry it. Once nothing waits for projection: every acknowledged delivery must be stored
/// exactly once, and A's figures must equal those of one fresh instance sent the same distinct deliveries in the
/// order the shared store holds them (and as many repeated copies of each as the shared store counted).
/// </summary>
public static class InstancesDrill
{
    private const double BothShare = 0.2;
    private const int MaxAttempts = 8;

    // A sender keeps retrying what was not acknowledged; this one gives up this long after the delivery was due.
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(3);
    private const int SingleInFlight = 16;

    // As many requests as the open-loop sender keeps open at once; beyond that a request waits for a free slot (its
    // latency still counts from when it was due), where the sender of the other runs would count it as not sent.
    private const int MaxInFlight = 4096;
    private static readonly TimeSpan FirstRetryAfter = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LongestRetryAfter = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan ProjectionDeadline = TimeSpan.FromMinutes(5);

    private enum Route { A, B, Both }

    public static async Task<InstancesDrillResult> RunAsync(
        string folder, PostgresServer server, double rate, double seconds, int seed, TextWriter log,
        IDictionary<string, string>? settings = null, bool dropDatabases = true)
    {
        var traffic = Traffic((int)(rate * seconds), seed);
        log.WriteLine($"traffic: {traffic.Count:N0} deliveries ({traffic.Count(t => t.Provider == "idibu"):N0} idibu, " +
                      $"{traffic.Count(t => t.Provider == "firstbird"):N0} firstbird batches, {traffic.Count(t => t.IsDuplicate):N0} re-sent) at {rate:N0}/s, seed {seed}");

        var shared = await server.CreateDatabaseAsync("instances_shared");
        var single = await server.CreateDatabaseAsync("instances_single");
        var targets = new List<TargetProcess>();
        try
        {
            // Both instances start together on the empty database, as a deployment starts them. The single instance
            // for the comparison starts meanwhile on a database of its own and waits, untouched, until the end.
            var starting = new[]
            {
                Launch.StartAsync(TargetKind.App, folder, shared, settings, "instance-a"),
                Launch.StartAsync(TargetKind.App, folder, shared, settings, "instance-b"),
                Launch.StartAsync(TargetKind.App, folder, single, settings, "single"),
            };
            try
            {
                await Task.WhenAll(starting);
            }
            finally
            {
                targets.AddRange(starting.Where(s => s.IsCompletedSuccessfully).Select(s => s.Result.Target));
            }
            var (a, b, reference) = (starting[0].Result.Target, starting[1].Result.Target, starting[2].Result.Target);
            log.WriteLine($"A and B started together on one empty {shared.Name}: healthy after " +
                          $"{starting[0].Result.StartUp.TotalSeconds:F1} s and {starting[1].Result.StartUp.TotalSeconds:F1} s " +
                          $"(the single instance for the comparison, on {single.Name}, after {starting[2].Result.StartUp.TotalSeconds:F1} s)");

            var sending = await SendAsync(folder, traffic, rate, seed, a, b, log);
            var bDied = b.HasExited;

            var caughtUp = await WaitForProjectionAsync(shared, ProjectionDeadline);
            log.WriteLine(caughtUp
                ? $"projection caught up {sending.Clock.Elapsed.TotalSeconds - sending.SendingEnded.TotalSeconds:F1} s after the last answer"
                : $"projection did NOT catch up within {ProjectionDeadline.TotalMinutes:F0} min: {await StoreInspector.WaitingForProjectionAsync(shared):N0} still waiting");

            // (a) Every acknowledged delivery stored, and stored once.
            var acknowledged = AckLog.Read(Path.Combine(folder, "instance-a.acks")).Concat(AckLog.Read(Path.Combine(folder, "instance-b.acks"))).ToHashSet();
            var stored = await StoreInspector.StoredInOrderAsync(shared);
            var storedKeys = stored.GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.ToList());
            var missing = acknowledged.Where(k => !storedKeys.ContainsKey(k)).ToList();
            // A body is one delivery unless the traffic sends it as several (idibu deliveries with the same body and
            // their own delivery ids: vacancy snapshots repeat from one slice of the generator to the next).
            var deliveriesOfBody = traffic.GroupBy(BodyKey).ToDictionary(g => g.Key, g => g.Select(Identity).Distinct().ToList());
            var twice = storedKeys.Where(s => s.Value.Count > (deliveriesOfBody.GetValueOrDefault(s.Key)?.Count ?? 1)).Select(s => s.Key).ToList();
            var neverAcknowledged = storedKeys.Keys.Count(k => !acknowledged.Contains(k));
            // The rows of a body count its later copies: at least those acknowledged, at most those sent.
            var outOfBounds = new List<string>();
            foreach (var (body, rows) in storedKeys)
            {
                var identities = deliveriesOfBody.GetValueOrDefault(body) ?? [];
                var (counted, acked, sentCopies) = (rows.Sum(r => r.DuplicateCount),
                    identities.Sum(i => sending.AcknowledgedCopies.GetValueOrDefault(i)), identities.Sum(i => sending.SentCopies.GetValueOrDefault(i)));
                if (counted < acked - rows.Count || counted > sentCopies - rows.Count)
                    outOfBounds.Add($"{body}: {rows.Count} rows counting {counted} repeats, {acked} copies acknowledged, {sentCopies} sent");
            }
            var integrity = await StoreInspector.IntegrityCheckAsync(shared);
            log.WriteLine($"{acknowledged.Count:N0} distinct deliveries acknowledged, {stored.Count:N0} stored; acknowledged but missing: {missing.Count}, " +
                          $"stored more than once: {twice.Count}, stored but never acknowledged: {neverAcknowledged}, " +
                          $"repeat counts outside acknowledged..sent copies: {outOfBounds.Count}; store check: {integrity}");

            // (b) A's figures against one fresh instance sent the same deliveries.
            using var apiA = new DashboardApi(a.Address, Launch.ApiToken);
            var figuresA = await apiA.FiguresAsync();
            var candidates = await StoreInspector.CandidateOfDeliveryAsync(shared);
            var figuresSingle = await SingleInstanceFiguresAsync(reference, single, traffic, stored, candidates, sending.AcknowledgedCopies, log);
            var different = DashboardApi.Figures.Where(f => figuresA[f] != figuresSingle[f]).ToList();
            await File.WriteAllTextAsync(Path.Combine(folder, "figures-a.json"), JsonSerializer.Serialize(figuresA, Indented));
            await File.WriteAllTextAsync(Path.Combine(folder, "figures-single.json"), JsonSerializer.Serialize(figuresSingle, Indented));
            log.WriteLine($"figures of A against a single instance sent the same deliveries: " +
                          (different.Count == 0 ? $"all {DashboardApi.Figures.Length} equal" : $"DIFFERENT: {string.Join(", ", different)} (figures-a.json, figures-single.json)"));

            return new InstancesDrillResult(
                sending.Requests, sending.ByA, sending.ByB, sending.ByBoth, sending.AAfterKill, bDied, acknowledged.Count, stored.Count,
                missing, twice, outOfBounds, neverAcknowledged, caughtUp, different, integrity);
        }
        finally
        {
            foreach (var target in targets) await target.DisposeAsync();
            if (dropDatabases)
            {
                await server.DropDatabaseAsync(shared);
                await server.DropDatabaseAsync(single);
            }
        }
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static string BodyKey(LoadRequest request) => $"{request.Provider}\t{request.BodySha256}";

    /// <summary>One delivery as the sender sees it: its body and its headers (a re-sent copy has both the same).</summary>
    private static string Identity(LoadRequest request) =>
        $"{BodyKey(request)}\t{string.Join(";", request.Headers.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => $"{h.Key}={h.Value}"))}";

    private static List<LoadRequest> Traffic(int count, int seed)
    {
        var candidates = Math.Max(50, count / 3);
        while (true)
        {
            var traffic = LoadTraffic.Mixed(candidates, duplicateShare: 0.05, lateShare: 0.05, seed: seed);
            if (traffic.Count >= count) return traffic.Take(count).ToList();
            candidates *= 2;
        }
    }

    private sealed record Sending(
        Stopwatch Clock, TimeSpan SendingEnded, long Requests, long ByA, long ByB, long ByBoth, long AAfterKill,
        IReadOnlyDictionary<string, int> SentCopies, IReadOnlyDictionary<string, int> AcknowledgedCopies);

    private static LoadResult NewResult(long scheduled = 0) =>
        new(new LongConcurrentHistogram(1, TimeSpan.FromMinutes(2).Ticks / 10, 3)) { Scheduled = scheduled };

    private static async Task<Sending> SendAsync(
        string folder, IReadOnlyList<LoadRequest> traffic, double rate, int seed, TargetProcess a, TargetProcess b, TextWriter log)
    {
        var random = new Random(seed);
        var killAt = traffic.Count / 2;
        var (beforeKill, afterKill, toB, retries) = (NewResult(), NewResult(), NewResult(), NewResult());
        var sent = new ConcurrentDictionary<string, int>();
        var acknowledgedCopies = new ConcurrentDictionary<string, int>();
        var acknowledgedBy = new ConcurrentDictionary<string, int>(); // bit 1: A, bit 2: B
        long killedAt = long.MaxValue, aAfterKill = 0, requests = 0, failedForGood = 0;

        await using var acksA = new AckLog(Path.Combine(folder, "instance-a.acks"));
        await using var acksB = new AckLog(Path.Combine(folder, "instance-b.acks"));
        using var senderA = new OpenLoopSender(Launch.LoadTargetFor(a));
        using var senderB = new OpenLoopSender(Launch.LoadTargetFor(b));
        var clock = Stopwatch.StartNew();
        var ticksPerRequest = Stopwatch.Frequency / rate;
        using var inFlight = new SemaphoreSlim(MaxInFlight);
        long waitedForSlot = 0;

        async Task<bool> OnceAsync(LoadRequest request, bool toA, long dueTicks, LoadResult result)
        {
            var key = Identity(request);
            sent.AddOrUpdate(key, 1, (_, n) => n + 1);
            Interlocked.Increment(ref requests);
            lock (result) result.Scheduled++;
            if (!inFlight.Wait(0))
            {
                Interlocked.Increment(ref waitedForSlot);
                await inFlight.WaitAsync();
            }
            int? status;
            try
            {
                status = toA
                    ? await senderA.SendOneAsync(request, dueTicks, clock, result, acksA,
                        at => { if (at > Interlocked.Read(ref killedAt)) Interlocked.Increment(ref aAfterKill); })
                    : await senderB.SendOneAsync(request, dueTicks, clock, result, acksB);
            }
            finally
            {
                inFlight.Release();
            }
            if (status is not (>= 200 and < 300)) return false;
            acknowledgedCopies.AddOrUpdate(key, 1, (_, n) => n + 1);
            acknowledgedBy.AddOrUpdate(key, toA ? 1 : 2, (_, bits) => bits | (toA ? 1 : 2));
            return true;
        }

        async Task DeliverAsync(LoadRequest request, Route route, long dueTicks, bool sentAfterKill)
        {
            var resultA = sentAfterKill ? afterKill : beforeKill;
            var copies = route switch
            {
                Route.A => [OnceAsync(request, true, dueTicks, resultA)],
                Route.B => [OnceAsync(request, false, dueTicks, toB)],
                _ => new[] { OnceAsync(request, true, dueTicks, resultA), OnceAsync(request, false, dueTicks, toB) },
            };
            var answered = await Task.WhenAll(copies);
            // Each request that got no acknowledgement is sent again to A, which is alive, backing off as a sender does.
            foreach (var _ in answered.Where(ok => !ok))
            {
                var done = false;
                var giveUpAt = dueTicks + (long)(GiveUpAfter.TotalSeconds * Stopwatch.Frequency);
                for (var attempt = 2; !done && clock.ElapsedTicks < giveUpAt; attempt++)
                {
                    await Task.Delay(Backoff(attempt));
                    done = await OnceAsync(request, true, clock.ElapsedTicks, retries);
                }
                if (!done) Interlocked.Increment(ref failedForGood);
            }
        }

        // A fresh process spends its first seconds compiling its hot paths; the first deliveries of the traffic go to A
        // and B in turn, a few at a time, until each is answered, before the open loop starts.
        var warmUpCount = Math.Min(200, traffic.Count / 20);
        var warmUp = NewResult();
        await Parallel.ForEachAsync(Enumerable.Range(0, warmUpCount), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
        {
            for (var attempt = 1; !await OnceAsync(traffic[i], i % 2 == 0, clock.ElapsedTicks, warmUp) && attempt < MaxAttempts; attempt++)
                await Task.Delay(Backoff(attempt + 1));
        });
        warmUp.Elapsed = clock.Elapsed;
        log.WriteLine($"warm-up: the first {warmUpCount} deliveries to A and B in turn, 4 in flight: {warmUp.Summary()}");
        var openLoopFrom = clock.ElapsedTicks;

        var deliveries = new List<Task>(traffic.Count);
        Task killing = Task.CompletedTask;
        var single = 0;
        for (var i = warmUpCount; i < traffic.Count; i++)
        {
            var due = openLoopFrom + (long)((i - warmUpCount) * ticksPerRequest);
            var wait = due - clock.ElapsedTicks;
            if (wait > Stopwatch.Frequency / 1000) await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency));
            if (i == killAt)
            {
                killing = KillAsync(b, () => Interlocked.Exchange(ref killedAt, Stopwatch.GetTimestamp()));
                log.WriteLine($"B killed with SIGKILL after {(clock.ElapsedTicks - openLoopFrom) / (double)Stopwatch.Frequency:F1} s of sending (delivery {i:N0} of {traffic.Count:N0}); everything goes to A from now on");
            }
            var route = i >= killAt ? Route.A : random.NextDouble() < BothShare ? Route.Both : single++ % 2 == 0 ? Route.A : Route.B;
            deliveries.Add(DeliverAsync(traffic[i], route, due, i >= killAt));
        }
        var sendingDone = clock.Elapsed - TimeSpan.FromSeconds((double)openLoopFrom / Stopwatch.Frequency);
        await Task.WhenAll(deliveries);
        await killing;
        var answersDone = clock.Elapsed - TimeSpan.FromSeconds((double)openLoopFrom / Stopwatch.Frequency);

        var killSeconds = (double)(killAt - warmUpCount) / rate;
        beforeKill.Elapsed = toB.Elapsed = TimeSpan.FromSeconds(killSeconds);
        afterKill.Elapsed = retries.Elapsed = answersDone - TimeSpan.FromSeconds(killSeconds);
        var byA = acknowledgedBy.Count(x => (x.Value & 1) != 0);
        var byB = acknowledgedBy.Count(x => (x.Value & 2) != 0);
        var byBoth = acknowledgedBy.Count(x => x.Value == 3);
        log.WriteLine($"open loop: sent {traffic.Count - warmUpCount:N0} deliveries in {sendingDone.TotalSeconds:F1} s; {requests:N0} requests in all; last answer after {answersDone.TotalSeconds:F1} s");
        log.WriteLine($"  A before the kill (first attempts): {beforeKill.Summary()}");
        log.WriteLine($"  B before the kill (first attempts): {toB.Summary()}");
        log.WriteLine($"  A after the kill (first attempts): {afterKill.Summary()}");
        log.WriteLine($"  retries to A of unacknowledged requests: {retries.Summary()}");
        log.WriteLine($"  distinct deliveries acknowledged by A {byA:N0}, by B {byB:N0}, by both {byBoth:N0}; A acknowledgements after B died: {aAfterKill:N0}; " +
                      $"given up {GiveUpAfter.TotalMinutes:F0} min after they were due: {failedForGood:N0}; requests that waited for one of the {MaxInFlight:N0} slots: {waitedForSlot:N0}");
        return new Sending(clock, clock.Elapsed, requests, byA, byB, byBoth, aAfterKill, sent, acknowledgedCopies);
    }

    /// <summary>Half a second before the second attempt, doubling up to eight seconds.</summary>
    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(LongestRetryAfter.TotalMilliseconds, FirstRetryAfter.TotalMilliseconds * Math.Pow(2, attempt - 2)));

    private static async Task KillAsync(TargetProcess target, Action killed)
    {
        await target.KillAsync();
        killed();
    }

    private static async Task<bool> WaitForProjectionAsync(AppStore store, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < deadline)
        {
            if (await StoreInspector.WaitingForProjectionAsync(store) == 0) return true;
            await Task.Delay(200);
        }
        return false;
    }

    /// <summary>
    /// One fresh instance is sent each distinct acknowledged delivery once, in the order of the shared store's log (the
    /// order its projector took them), then as many repeated copies of each as the shared store counted; once it has
    /// projected everything, its figures are read. Sixteen are in flight, but a snapshot of a candidate is sent only
    /// once the one before it is acknowledged: which snapshots arrived out of order is a figure, and it depends on
    /// the order of each candidate's snapshots (the other figures do not depend on order at all).
    /// </summary>
    private static async Task<SortedDictionary<string, string>> SingleInstanceFiguresAsync(
        TargetProcess app, AppStore store, IReadOnlyList<LoadRequest> traffic,
        IReadOnlyList<StoreInspector.StoredDelivery> stored, Dictionary<long, string> candidateOf,
        IReadOnlyDictionary<string, int> acknowledgedCopies, TextWriter log)
    {
        // Each acknowledged delivery once, at the place of its body's row in the shared log.
        var acknowledgedOfBody = traffic.DistinctBy(Identity).Where(t => acknowledgedCopies.ContainsKey(Identity(t)))
            .GroupBy(BodyKey).ToDictionary(g => g.Key, g => new Queue<LoadRequest>(g));
        var inOrder = new List<(StoreInspector.StoredDelivery Row, LoadRequest Request)>();
        foreach (var row in stored)
            if (acknowledgedOfBody.TryGetValue(row.Key, out var left) && left.TryDequeue(out var request)) inOrder.Add((row, request));

        using var sender = new OpenLoopSender(Launch.LoadTargetFor(app));
        var clock = Stopwatch.StartNew();
        var result = NewResult(inOrder.Count);
        using (var slots = new SemaphoreSlim(SingleInFlight))
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
        await Parallel.ForEachAsync(copies, new ParallelOptions { MaxDegreeOfParallelism = SingleInFlight },
            async (copy, _) => await UntilAcknowledgedAsync(sender, copy, clock, repeats));
        result.Elapsed = distinctTime;
        log.WriteLine($"single instance on {store.Name}: {inOrder.Count:N0} distinct deliveries, {SingleInFlight} in flight, in {distinctTime.TotalSeconds:F1} s " +
                      $"({result.AcknowledgedPerSecond:N0}/s, p99 {result.PercentileMs(99):F1} ms), then {copies.Count:N0} repeated copies in {(clock.Elapsed - distinctTime).TotalSeconds:F1} s");
        if (!await WaitForProjectionAsync(store, ProjectionDeadline)) log.WriteLine("  the single instance did NOT finish projecting in time");
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

    private static async Task UntilAcknowledgedAsync(OpenLoopSender sender, LoadRequest request, Stopwatch clock, LoadResult result)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await sender.SendOneAsync(request, clock.ElapsedTicks, clock, result, acks: null) is >= 200 and < 300) return;
            if (attempt == MaxAttempts) throw new InvalidOperationException($"The single instance did not acknowledge a {request.Provider} delivery in {MaxAttempts} attempts");
            await Task.Delay(Backoff(attempt + 1));
        }
    }
}
