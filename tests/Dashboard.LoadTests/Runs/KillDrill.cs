using Dashboard.LoadTests.Client;
using Dashboard.LoadTests.Targets;
using Dashboard.LoadTests.Traffic;

namespace Dashboard.LoadTests.Runs;

/// <summary>What the drill found: every acknowledged delivery kept, no figure counted twice, a sound file.</summary>
public sealed record KillDrillResult(
    int Cycles, long Acknowledged, IReadOnlyList<string> AcknowledgedButMissing, IReadOnlyList<string> FiguresChangedByRebuild,
    string IntegrityCheck, long StoredDeliveries)
{
    public bool Passed => AcknowledgedButMissing.Count == 0 && FiguresChangedByRebuild.Count == 0 && IntegrityCheck == "ok" && Acknowledged > 0;
}

/// <summary>
/// Sends both senders' traffic while killing the app with SIGKILL at random moments and restarting it on the same
/// store. Each cycle also re-sends part of the previous one, as the senders retry what got no answer.
/// </summary>
public static class KillDrill
{
    public static async Task<KillDrillResult> RunAsync(
        string folder, int cycles, double rate, int seed, TextWriter log, IDictionary<string, string>? settings = null)
    {
        var random = new Random(seed);
        var database = Path.Combine(folder, "killed.db");
        var perCycle = (int)(rate * 3);
        var traffic = LoadTraffic.Mixed(candidates: Math.Max(50, cycles * perCycle / 3), duplicateShare: 0.05, lateShare: 0.05, seed: seed);
        var ackPath = Path.Combine(folder, "killed.acks");
        var next = 0;

        await using (var acks = new AckLog(ackPath))
        {
            for (var cycle = 1; cycle <= cycles; cycle++)
            {
                var (app, startUp) = await Launch.StartAsync(TargetKind.App, folder, database, settings);
                // Senders retry what got no answer: start a little behind where the last cycle got to.
                var from = Math.Max(0, next - perCycle / 5);
                var slice = traffic.Skip(from).Take(perCycle).ToList();
                if (slice.Count == 0) break;
                using var sender = new OpenLoopSender(Launch.LoadTargetFor(app));
                var sending = sender.RunAsync(slice, rate, acks, CancellationToken.None);
                var killAfter = TimeSpan.FromMilliseconds(random.Next(300, 2_500));
                await Task.Delay(killAfter);
                await app.KillAsync();
                var result = await sending;
                await app.DisposeAsync();
                next = from + slice.Count;
                log.WriteLine($"cycle {cycle}: healthy after {startUp.TotalSeconds:F1} s, killed after {killAfter.TotalSeconds:F1} s of sending; {result.Acknowledged:N0} acknowledged, {result.Errors:N0} cut off");
            }
        }

        var acknowledged = AckLog.Read(ackPath).ToHashSet();
        var stored = await StoreInspector.StoredBodiesAsync(database);
        var missing = acknowledged.Where(a => !stored.Contains(a)).ToList();

        var changed = new List<string>();
        var (final, _) = await Launch.StartAsync(TargetKind.App, folder, database, settings);
        await using (final)
        {
            while (await StoreInspector.WaitingForProjectionAsync(database) > 0) await Task.Delay(200);
            using var api = new DashboardApi(final.Address, Launch.ApiToken);
            var before = await api.FiguresAsync();
            await api.RebuildAsync(TimeSpan.FromMinutes(5));
            var after = await api.FiguresAsync();
            changed.AddRange(before.Keys.Where(k => before[k] != after[k]));
        }
        var integrity = await StoreInspector.IntegrityCheckAsync(database);
        var count = await StoreInspector.CountAsync(database, "SELECT COUNT(*) FROM Deliveries");
        log.WriteLine($"{acknowledged.Count:N0} acknowledged, {missing.Count} missing from the log, {count:N0} stored; " +
                      $"figures changed by a clean rebuild: {(changed.Count == 0 ? "none" : string.Join(", ", changed))}; integrity_check: {integrity}");
        return new KillDrillResult(cycles, acknowledged.Count, missing, changed, integrity, count);
    }
}
