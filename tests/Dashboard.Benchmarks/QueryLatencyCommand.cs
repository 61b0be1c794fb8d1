using System.Diagnostics;

namespace Dashboard.Benchmarks;

/// <summary>
/// <c>query-latency --store FILE [--runs 20] [--only a,b] [--budget-seconds 120]</c>: runs every analytics query over
/// the fixed filter set and prints p50/p95/max per endpoint (and the slowest filter), one warm-up call per pair first.
/// An endpoint slow enough to blow its time budget stops early and says on how many calls its figures rest.
/// </summary>
public static class QueryLatencyCommand
{
    public static async Task<int> RunAsync(CommandOptions options)
    {
        var runs = options.Number("runs", 20);
        var budget = TimeSpan.FromSeconds(options.Number("budget-seconds", 120));
        var only = options.Text("only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        await using var store = await BenchStore.OpenAsync(options.RequiredText("store"));
        var filters = await FilterCombinations.ForAsync(store.Factory);

        Console.WriteLine($"{runs} runs x {filters.Count} filters per endpoint; {Environment.ProcessorCount} CPUs");
        Console.WriteLine($"{"endpoint",-24} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"calls",6}  slowest filter");
        foreach (var (endpoint, call) in AnalyticsCalls.All.Where(c => only is null || only.Contains(c.Endpoint)))
        {
            var samples = new List<(double Ms, string Filter)>();
            var coldCalls = new List<(double Ms, string Filter)>();
            var spent = Stopwatch.StartNew();
            // Round-robin over the filters, so an endpoint cut short by its budget still covers as many filters as it can.
            for (var run = -1; run < runs && spent.Elapsed < budget; run++)
            {
                foreach (var (name, filter) in filters)
                {
                    if (spent.Elapsed >= budget) break;
                    var clock = Stopwatch.StartNew();
                    await call(store.Queries, filter);
                    (run >= 0 ? samples : coldCalls).Add((clock.Elapsed.TotalMilliseconds, name));
                }
            }
            var cold = samples.Count == 0;
            if (cold) samples = coldCalls;
            var sorted = samples.OrderBy(s => s.Ms).ToList();
            var worst = samples.GroupBy(s => s.Filter).MaxBy(g => g.Average(s => s.Ms))!.Key;
            Console.WriteLine($"{endpoint,-24} {Percentile(sorted, 0.50),8:F1} {Percentile(sorted, 0.95),8:F1} {sorted[^1].Ms,8:F1} {samples.Count,6}  {worst}{(cold ? " (first calls only: over budget)" : "")}");
        }
        return 0;
    }

    private static double Percentile(List<(double Ms, string Filter)> sorted, double share) =>
        sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Count) - 1, 0, sorted.Count - 1)].Ms;
}
