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

    public static Task<(double Held, double Peak)> FindAsync(
        TargetProcess target, IReadOnlyList<LoadRequest> traffic, IReadOnlyList<double> rates, double secondsPerStep, RunReport report, string name) =>
        FindAsync([target], traffic, rates, secondsPerStep, report, name);

    /// <summary>
    /// The same over several targets at once, as a load balancer would spread a sender's traffic: each step's rate and
    /// requests are split evenly between them, and a step is held when all their answers together meet the same bar.
    /// </summary>
    public static async Task<(double Held, double Peak)> FindAsync(
        IReadOnlyList<TargetProcess> targets, IReadOnlyList<LoadRequest> traffic, IReadOnlyList<double> rates, double secondsPerStep, RunReport report, string name)
    {
        var senders = targets.Select(t => new OpenLoopSender(Launch.LoadTargetFor(t))).ToList();
        try
        {
            return await FindAsync(senders, traffic, rates, secondsPerStep, report, name);
        }
        finally
        {
            foreach (var sender in senders) sender.Dispose();
        }
    }

    private static async Task<(double Held, double Peak)> FindAsync(
        IReadOnlyList<OpenLoopSender> senders, IReadOnlyList<LoadRequest> traffic, IReadOnlyList<double> rates, double secondsPerStep, RunReport report, string name)
    {
        double held = 0, peak = 0;
        await WarmUp.RunAsync(senders, traffic, report, "  " + name);
        var offset = WarmUp.Deliveries;
        foreach (var rate in rates)
        {
            var count = (int)(rate * secondsPerStep);
            if (offset + count > traffic.Count) offset = 0;
            var slice = traffic.Skip(offset).Take(count).ToList();
            offset += count;
            var result = await SpreadAsync(senders, slice, rate);
            var ok = Held(result);
            peak = Math.Max(peak, result.AcknowledgedPerSecond);
            report.Line($"  {name} at {rate:N0}/s: {(ok ? "held" : "NOT held")}: {result.Summary()}");
            if (!ok) break;
            held = rate;
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
        return (held, peak);
    }

    internal static async Task<LoadResult> SpreadAsync(IReadOnlyList<OpenLoopSender> senders, IReadOnlyList<LoadRequest> requests, double rate)
    {
        if (senders.Count == 1) return await senders[0].RunAsync(requests, rate, acks: null, CancellationToken.None);
        var parts = await Task.WhenAll(senders.Select((sender, i) =>
            sender.RunAsync(requests.Where((_, n) => n % senders.Count == i).ToList(), rate / senders.Count, acks: null, CancellationToken.None)));
        return LoadResult.Combine(parts);
    }
}
