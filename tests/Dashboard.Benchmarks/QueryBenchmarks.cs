using BenchmarkDotNet.Attributes;
using Dashboard.Analytics;

namespace Dashboard.Benchmarks;

/// <summary>
/// Each analytics query over each filter of the fixed set, on a store made by <c>build-store</c>. The store is named by
/// the DASHBOARD_BENCH_STORE environment variable, since benchmarks run in a process of their own.
/// </summary>
[MemoryDiagnoser]
public class QueryBenchmarks
{
    public const string StoreVariable = "DASHBOARD_BENCH_STORE";
    private BenchStore _store = null!;
    private AnalyticsFilter _filter = AnalyticsFilter.None;
    private Func<IAnalyticsQueries, AnalyticsFilter, Task> _call = null!;

    public static IEnumerable<string> Endpoints => AnalyticsCalls.All.Select(c => c.Name);

    // Only the names are needed here; dates and values are read from the store in the benchmark's own process.
    public static IEnumerable<string> Filters => FilterCombinations.Names;

    [ParamsSource(nameof(Endpoints))]
    public string Endpoint { get; set; } = "";

    [ParamsSource(nameof(Filters))]
    public string Filter { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var file = Environment.GetEnvironmentVariable(StoreVariable)
            ?? throw new InvalidOperationException($"Set {StoreVariable} to a store built with build-store.");
        _store = BenchStore.OpenAsync(file).GetAwaiter().GetResult();
        _filter = FilterCombinations.ForAsync(_store.Factory).GetAwaiter().GetResult().Single(f => f.Name == Filter).Filter;
        _call = AnalyticsCalls.Named(Endpoint);
    }

    [Benchmark]
    public Task Query() => _call(_store.Queries, _filter);

    [GlobalCleanup]
    public void Cleanup() => _store.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
