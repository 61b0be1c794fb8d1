using Dashboard.LoadTests.Client;
using Dashboard.LoadTests.Targets;
using HdrHistogram;

namespace Dashboard.LoadTests.Runs;

/// <summary>Ack latency of idibu deliveries at a fixed, comfortable rate: the figure a sender's timeout meets.</summary>
public static class LatencyRun
{
    public static async Task<int> RunAsync(RunOptions options, TextWriter console)
    {
        var folder = options.OutputFolder("latency");
        var report = new RunReport(folder, console);
        report.Machine("latency " + string.Join(' ', Environment.GetCommandLineArgs().Skip(2)));
        var rate = options.Number("rate", 2000);
        var seconds = options.Number("seconds", 60);
        var traffic = ThroughputRun.Generate(options, (int)(rate * seconds), report);

        foreach (var kind in options.Text("targets", "floor,app").Split(',').Select(k => Enum.Parse<TargetKind>(k, ignoreCase: true)))
        {
            var (target, _) = await Launch.StartAsync(kind, folder, await options.StoreAsync(kind, folder, $"{kind}.db".ToLowerInvariant()), options.AppSettings());
            await using (target)
            {
                using var sender = new OpenLoopSender(Launch.LoadTargetFor(target));
                using var watch = new MemoryWatch(target);
                var result = await sender.RunAsync(traffic, rate, acks: null, CancellationToken.None);
                report.Line($"{kind} at {rate:N0}/s for {seconds:F0} s: {result.Summary()}; peak RSS {RunReport.Megabytes(watch.Peak)}");
                await using var histogram = File.CreateText(Path.Combine(folder, $"{kind}-latency.hgrm".ToLowerInvariant()));
                result.LatencyMicros.OutputPercentileDistribution(histogram, outputValueUnitScalingRatio: 1000.0);
            }
        }
        return 0;
    }
}
