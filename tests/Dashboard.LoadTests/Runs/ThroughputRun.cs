using System.Diagnostics;
using Dashboard.LoadTests.Client;
using Dashboard.LoadTests.Targets;
using Dashboard.LoadTests.Traffic;

namespace Dashboard.LoadTests.Runs;

/// <summary>
/// idibu single deliveries: the highest rate the floor, the naive receiver and the app each hold, then the app at
/// the target rate for a minute with every acknowledgement written to disk and its memory watched.
/// </summary>
public static class ThroughputRun
{
    public static async Task<int> RunAsync(RunOptions options, TextWriter console)
    {
        var report = RunReport.Start(options, "throughput", console);
        var folder = report.Folder;
        var rates = options.Numbers("rates", "250,500,1000,2000,3000,4000,5000,6000,7000,8000,10000,12000");
        var stepSeconds = options.Number("step-seconds", 10);
        var sustainRate = options.Number("rate", 5000);
        var sustainSeconds = options.Number("seconds", 60);
        var traffic = Generate(options, (int)Math.Max(sustainRate * sustainSeconds, rates.Max() * stepSeconds), report);

        var capacity = new Dictionary<TargetKind, double>();
        var peak = new Dictionary<TargetKind, double>();
        foreach (var kind in options.Text("targets", "floor,naive,app").Split(',').Select(k => Enum.Parse<TargetKind>(k, ignoreCase: true)))
        {
            var (target, _) = await Launch.StartAsync(kind, folder, await options.StoreAsync(kind, folder, $"{kind}.db".ToLowerInvariant()), options.AppSettings());
            await using (target) (capacity[kind], peak[kind]) = await CapacitySearch.FindAsync(target, traffic, rates, stepSeconds, report, kind.ToString());
        }
        report.Line($"capacity (highest rate held for {stepSeconds:F0} s, every request 2xx, p99 ≤ {CapacitySearch.HeldP99.TotalMilliseconds:F0} ms):");
        foreach (var kind in Enum.GetValues<TargetKind>()) { capacity.TryAdd(kind, 0); peak.TryAdd(kind, 0); }
        report.Line($"  floor {capacity[TargetKind.Floor]:N0}/s, naive {capacity[TargetKind.Naive]:N0}/s, app {capacity[TargetKind.App]:N0}/s; " +
                    $"app = {Ratio(capacity[TargetKind.App], capacity[TargetKind.Floor])} × floor, {Ratio(capacity[TargetKind.App], capacity[TargetKind.Naive])} × naive");
        report.Line($"peak acknowledged/s in any step (held or not): floor {peak[TargetKind.Floor]:N0}/s, naive {peak[TargetKind.Naive]:N0}/s, " +
                    $"app {peak[TargetKind.App]:N0}/s; app = {Ratio(peak[TargetKind.App], peak[TargetKind.Floor])} × floor, {Ratio(peak[TargetKind.App], peak[TargetKind.Naive])} × naive");

        var sustained = await SustainAsync(folder, await options.StoreAsync(TargetKind.App, folder, "app-sustained.db"), traffic, sustainRate, sustainSeconds, report, options.AppSettings());
        return sustained ? 0 : 1;
    }

    private static async Task<bool> SustainAsync(string folder, AppStore store, IReadOnlyList<LoadRequest> traffic, double rate, double seconds, RunReport report,
        IDictionary<string, string> settings)
    {
        var (app, _) = await Launch.StartAsync(TargetKind.App, folder, store, settings);
        await using (app)
        {
            await using var acks = new AckLog(Path.Combine(folder, "app-sustained.acks"));
            using var sender = new OpenLoopSender(Launch.LoadTargetFor(app));
            var requests = traffic.Take((int)(rate * seconds)).ToList();
            using var watch = new MemoryWatch(app);
            var result = await sender.RunAsync(requests, rate, acks, CancellationToken.None);
            report.Line($"app sustained {rate:N0}/s for {seconds:F0} s: {result.Summary()}");
            report.Line($"  app memory during the run: peak RSS {RunReport.Megabytes(watch.Peak)}; acknowledgements in {acks.Path}");
            await acks.DisposeAsync();
            // An acknowledgement is a promise that the delivery is on disk, overload or not.
            var stored = await StoreInspector.StoredBodiesAsync(store);
            var missing = AckLog.Read(acks.Path).Count(a => !stored.Contains(a));
            report.Line($"  acknowledged but missing from the log: {missing:N0}");
            return CapacitySearch.Held(result) && missing == 0;
        }
    }

    internal static IReadOnlyList<LoadRequest> Generate(RunOptions options, int count, RunReport report)
    {
        var clock = Stopwatch.StartNew();
        var traffic = LoadTraffic.Idibu(count, options.Number("duplicates", 0.05), options.Number("late", 0.05));
        report.Line($"traffic: {traffic.Count:N0} idibu deliveries from the sample generator " +
                    $"({traffic.Count(t => t.IsDuplicate):N0} re-sent, average body {traffic.Average(t => t.Body.Length):N0} bytes), made in {clock.Elapsed.TotalSeconds:F1} s");
        return traffic;
    }

    private static string Ratio(double value, double reference) => reference > 0 ? $"{value / reference:F2}" : "n/a";
}
