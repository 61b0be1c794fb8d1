using System.Text;
using System.Text.Json;
using Dashboard.Analytics;
using Dashboard.Analytics.Index;

namespace Dashboard.Benchmarks;

/// <summary>
/// <c>figures --store FILE [--only a,b] [--from store|index] [--tz Europe/Berlin] [--format json|csv]</c>: prints every
/// figure over the fixed filter set (its days in <c>--tz</c>'s zone, UTC without) as JSON lines, or as the CSV the API
/// answers, so the answers of two builds of the app, or of the store's queries and the figure index, can be compared
/// byte for byte on a large store.
/// </summary>
public static class FiguresCommand
{
    public static async Task<int> RunAsync(CommandOptions options)
    {
        var csv = options.Text("format") == "csv";
        var only = options.Text("only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        await using var store = await BenchStore.OpenAsync(options.RequiredText("store"));
        var filters = await FilterCombinations.ForAsync(store.Factory, options);
        FigureIndexHost? index = null;
        var queries = store.Queries;
        if (options.Text("from") == "index") (queries, index) = await store.IndexedQueriesAsync();
        using var _ = index;
        foreach (var (name, filter) in filters) Console.WriteLine($"filter | {name} | {filter.ToQueryString()}");
        foreach (var figure in AnalyticsCalls.All.Where(c => only is null || only.Contains(c.Name)))
        {
            foreach (var (name, filter) in filters)
            {
                var task = figure.Call(queries, filter);
                await task;
                var result = task.GetType().GetProperty("Result")!.GetValue(task);
                if (!csv)
                {
                    Console.WriteLine($"{figure.Name} | {name} | {JsonSerializer.Serialize(result)}");
                    continue;
                }
                Console.WriteLine($"{figure.Name} | {name} | csv");
                Console.Write(Encoding.UTF8.GetString(FigureCsv.Write(result!, filter.Zone)));
            }
        }
        return 0;
    }
}
