using Dashboard.LoadTests.Client;
using Dashboard.LoadTests.Targets;
using Dashboard.LoadTests.Traffic;

namespace Dashboard.LoadTests.Runs;

/// <summary>
/// Offers a target rising fixed rates, each for a few seconds, and finds the highest it held: every request
/// acknowledged, none refused, and p99 latency under a quarter of a second (above that, a queue is growing).
/// </summary>
public static class CapacitySearch
{
    public static readonly TimeSpan HeldP99 = TimeSpan.FromMilliseconds(250);

    public static bool Held(LoadResult result) =>
        result.AllAcknowledged && result.Non2xx == 0 && result.Errors == 0 && result.NotSent == 0 && result.PercentileMs(99) <= HeldP99.TotalMilliseconds;

    public static async Task<(double Held, double Peak)> FindAsync(
        TargetProcess target, IReadOnlyList<LoadRequest> traffic, IReadOnlyList<double> rates, double secondsPerStep, RunReport report, string name)
    {
        double held = 0, peak = 0;
        var offset = 0;
        using var sender = new OpenLoopSender(Launch.LoadTargetFor(target));
        // A fresh process compiles its hot paths in its first seconds; that is start-up, not capacity.
        var warmUp = await sender.RunAsync(traffic.Take(1_500).ToList(), 500, acks: null, CancellationToken.None);
        report.Line($"  {name} warm-up at 500/s: {warmUp.Summary()}");
        offset = 1_500;
        foreach (var rate in rates)
        {
            var count = (int)(rate * secondsPerStep);
            if (offset + count > traffic.Count) offset = 0;
            var slice = traffic.Skip(offset).Take(count).ToList();
            offset += count;
            var result = await sender.RunAsync(slice, rate, acks: null, CancellationToken.None);
            var ok = Held(result);
            peak = Math.Max(peak, result.AcknowledgedPerSecond);
            report.Line($"  {name} at {rate:N0}/s: {(ok ? "held" : "NOT held")}: {result.Summary()}");
            if (!ok) break;
            held = rate;
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
        return (held, peak);
    }
}
