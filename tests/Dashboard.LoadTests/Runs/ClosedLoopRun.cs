using System.Diagnostics;
using Dashboard.LoadTests.Client;
using Dashboard.LoadTests.Targets;
using HdrHistogram;

namespace Dashboard.LoadTests.Runs;

/// <summary>
/// idibu single deliveries closed-loop: [--connections 64] senders each send their next delivery as soon as the last
/// is answered, as a benchmarking client such as wrk does, for [--seconds 20] after a warm-up. The throughput a
/// target reaches this way is its own pace; latency runs from each request's sending.
/// </summary>
public static class ClosedLoopRun
{
    public static async Task<int> RunAsync(RunOptions options, TextWriter console)
    {
        var report = RunReport.Start(options, "closed-loop", console);
        var folder = report.Folder;
        var connections = options.Whole("connections", 64);
        var seconds = options.Number("seconds", 20);
        var traffic = ThroughputRun.Generate(options, options.Whole("deliveries", 300_000), report);

        var rates = new Dictionary<TargetKind, double>();
        foreach (var kind in options.Text("targets", "floor,naive,app").Split(',').Select(k => Enum.Parse<TargetKind>(k, ignoreCase: true)))
        {
            var (target, _) = await Launch.StartAsync(kind, folder, await options.StoreAsync(kind, folder, $"{kind}.db".ToLowerInvariant()), options.AppSettings());
            await using (target)
            {
                using var sender = new OpenLoopSender(Launch.LoadTargetFor(target));
                await WarmUp.RunAsync([sender], traffic, report, kind.ToString());
                using var watch = new MemoryWatch(target);
                var result = await RunClosedLoopAsync(sender, traffic, WarmUp.Deliveries, connections, TimeSpan.FromSeconds(seconds));
                rates[kind] = result.AcknowledgedPerSecond;
                report.Line($"{kind}, {connections} connections for {seconds:F0} s: {result.Summary()}; peak RSS {RunReport.Megabytes(watch.Peak)}");
            }
        }
        if (rates.TryGetValue(TargetKind.App, out var app) && rates.TryGetValue(TargetKind.Floor, out var floor) && floor > 0)
            report.Line($"app = {app / floor:F2} × floor" + (rates.TryGetValue(TargetKind.Naive, out var naive) && naive > 0 ? $", {app / naive:F2} × naive" : ""));
        return 0;
    }

    private static async Task<LoadResult> RunClosedLoopAsync(
        OpenLoopSender sender, IReadOnlyList<Traffic.LoadRequest> traffic, int first, int connections, TimeSpan duration)
    {
        var result = new LoadResult(new LongConcurrentHistogram(1, TimeSpan.FromMinutes(2).Ticks / 10, 3));
        var clock = Stopwatch.StartNew();
        var next = first - 1;
        long sent = 0;
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                var index = Interlocked.Increment(ref next);
                // Past the end, the deliveries come round again: the repeats are answered as duplicates, still 2xx.
                var request = traffic[first + (index - first) % (traffic.Count - first)];
                Interlocked.Increment(ref sent);
                await sender.SendOneAsync(request, clock.ElapsedTicks, clock, result, acks: null);
            }
        }));
        result.Elapsed = clock.Elapsed;
        result.Scheduled = sent;
        return result;
    }
}
