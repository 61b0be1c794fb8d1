using Dashboard.LoadTests.Client;
using Dashboard.LoadTests.Traffic;

namespace Dashboard.LoadTests.Runs;

/// <summary>
/// A fresh process compiles its hot paths in its first seconds; that is start-up, not what a run measures. A run
/// first sends the first <see cref="Deliveries"/> of its traffic at <see cref="Rate"/> and reports them apart.
/// </summary>
public static class WarmUp
{
    public const int Deliveries = 1_500;
    public const double Rate = 500;

    /// <summary>The warm-up, spread over <paramref name="senders"/> as the run that follows spreads its traffic.</summary>
    public static async Task RunAsync(IReadOnlyList<OpenLoopSender> senders, IReadOnlyList<LoadRequest> traffic, RunReport report, string name)
    {
        var result = await CapacitySearch.SpreadAsync(senders, traffic.Take(Deliveries).ToList(), Rate);
        report.Line($"{name} warm-up at {Rate:N0}/s: {result.Summary()}");
    }
}
