using System.Diagnostics;
using System.Text.Json;
using Dashboard.LoadTests.Client;
using Dashboard.LoadTests.Targets;
using Dashboard.LoadTests.Traffic;

namespace Dashboard.LoadTests.Runs;

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
    private static readonly TimeSpan ProjectionDeadline = TimeSpan.FromMinutes(5);

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

            var sending = await TwoInstanceSender.SendAsync(folder, traffic, rate, seed, a, b, log);
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
            var deliveriesOfBody = traffic.GroupBy(DeliveryIdentity.BodyKey).ToDictionary(g => g.Key, g => g.Select(DeliveryIdentity.Of).Distinct().ToList());
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
            var figuresSingle = await SingleInstanceReference.FiguresAsync(reference, single, traffic, stored, candidates, sending.AcknowledgedCopies, log);
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

    public static async Task<bool> WaitForProjectionAsync(AppStore store, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < deadline)
        {
            if (await StoreInspector.WaitingForProjectionAsync(store) == 0) return true;
            await Task.Delay(200);
        }
        return false;
    }
}
