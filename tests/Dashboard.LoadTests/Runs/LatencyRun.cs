using System.Collections.Concurrent;
using Dashboard.LoadTests.Client;
using Dashboard.LoadTests.Targets;
using HdrHistogram;

namespace Dashboard.LoadTests.Runs;

/// <summary>
/// Ack latency of idibu deliveries at a fixed, comfortable rate (the figure a sender's timeout meets) and, for the
/// app, how long after its acknowledgement each new delivery was projected, with the projector running throughout.
/// </summary>
public static class LatencyRun
{
    public static async Task<int> RunAsync(RunOptions options, TextWriter console)
    {
        var report = RunReport.Start(options, "latency", console);
        var folder = report.Folder;
        var rate = options.Number("rate", 2000);
        var seconds = options.Number("seconds", 60);
        var traffic = ThroughputRun.Generate(options, WarmUp.Deliveries + (int)(rate * seconds), report);
        var measured = traffic.Skip(WarmUp.Deliveries).ToList();

        foreach (var kind in options.Text("targets", "floor,app").Split(',').Select(k => Enum.Parse<TargetKind>(k, ignoreCase: true)))
        {
            var store = await options.StoreAsync(kind, folder, $"{kind}.db".ToLowerInvariant());
            var (target, _) = await Launch.StartAsync(kind, folder, store, options.AppSettings());
            await using (target)
            {
                using var sender = new OpenLoopSender(Launch.LoadTargetFor(target));
                await WarmUp.RunAsync([sender], traffic, report, kind.ToString());

                await using var watermark = kind == TargetKind.App ? await ProjectionWatermarkWatch.StartAsync(store, TimeSpan.FromMilliseconds(10)) : null;
                var acknowledged = new ConcurrentBag<Acknowledgement>();
                using var watch = new MemoryWatch(target);
                var result = await sender.RunAsync(measured, rate, acks: null, CancellationToken.None,
                    acknowledged: watermark is null ? null : acknowledged.Add);
                report.Line($"{kind} at {rate:N0}/s for {seconds:F0} s: {result.Summary()}; peak RSS {RunReport.Megabytes(watch.Peak)}");
                await using (var histogram = File.CreateText(Path.Combine(folder, $"{kind}-latency.hgrm".ToLowerInvariant())))
                    result.LatencyMicros.OutputPercentileDistribution(histogram, outputValueUnitScalingRatio: 1000.0);
                if (watermark is not null) await ReportProjectionLagAsync(watermark, acknowledged, folder, report);
            }
        }
        return 0;
    }

    /// <summary>Acknowledged → projected for each new delivery (a duplicate's answer names its first copy, projected before).</summary>
    private static async Task ReportProjectionLagAsync(ProjectionWatermarkWatch watermark, IEnumerable<Acknowledgement> acknowledged, string folder, RunReport report)
    {
        var firstCopies = acknowledged.Where(a => a is { Duplicate: false, DeliveryId: > 0 }).ToList();
        var last = firstCopies.Count == 0 ? 0 : firstCopies.Max(a => a.DeliveryId);
        var waiting = System.Diagnostics.Stopwatch.StartNew();
        while (watermark.Latest < last && waiting.Elapsed < TimeSpan.FromMinutes(2)) await Task.Delay(50);

        var lagMicros = new LongHistogram(1, TimeSpan.FromMinutes(10).Ticks / 10, 3);
        var notProjected = 0;
        var beforeTheAnswer = 0;
        foreach (var ack in firstCopies)
        {
            if (watermark.ProjectedAt(ack.DeliveryId) is not { } projected) { notProjected++; continue; }
            var lag = (projected - ack.At).Ticks / 10;
            if (lag <= 0) beforeTheAnswer++;
            lagMicros.RecordValue(Math.Max(1, lag));
        }
        double Ms(double percentile) => lagMicros.TotalCount == 0 ? 0 : lagMicros.GetValueAtPercentile(percentile) / 1000.0;
        report.Line($"  acknowledged → projected, {lagMicros.TotalCount:N0} new deliveries (watermark read every 10 ms): p50 {Ms(50):F0} ms, " +
                    $"p95 {Ms(95):F0} ms, p99 {Ms(99):F0} ms, max {(lagMicros.TotalCount == 0 ? 0 : lagMicros.GetMaxValue() / 1000.0):F0} ms; " +
                    $"{beforeTheAnswer:N0} projected before their answer reached the client; {notProjected:N0} not projected within 2 minutes of the last answer");
        await using var histogram = File.CreateText(Path.Combine(folder, "app-projection-lag.hgrm"));
        lagMicros.OutputPercentileDistribution(histogram, outputValueUnitScalingRatio: 1000.0);
    }
}
