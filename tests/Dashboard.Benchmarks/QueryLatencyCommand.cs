using System.Diagnostics;
using Dashboard.Analytics;
using Dashboard.Projection;
using Dashboard.Senders;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Benchmarks;

/// <summary>
/// <c>query-latency --store STORE [--runs 20] [--only a,b] [--budget-seconds 120] [--markdown FILE] [--figure-cache on]
/// [--figure-index off]</c>: starts the app on the store, waits until its figure index is built, and asks every
/// <c>/api/analytics</c> endpoint, as JSON and as CSV, over the fixed filter set, over HTTP with a bearer token, as a
/// script or a page's CSV link would; prints p50/p95/max per endpoint and format (and the slowest filter), one warm-up
/// round first. The app's figure cache is off unless asked for: every request then computes its figure, which is what
/// is measured (with the cache on, every request after the warm-up is a cache hit). An endpoint slow enough to blow its
/// time budget stops early and says so.
/// </summary>
public static class QueryLatencyCommand
{
    private static readonly string[] Formats = ["json", "csv"];

    public static async Task<int> RunAsync(CommandOptions options)
    {
        var runs = options.Number("runs", 20);
        var budget = TimeSpan.FromSeconds(options.Number("budget-seconds", 120));
        var only = options.Text("only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var markdown = options.Text("markdown");
        var settings = new Dictionary<string, string>
        {
            ["Analytics__FigureCache"] = options.Text("figure-cache") == "on" ? "true" : "false",
            ["Analytics__FigureIndex"] = options.Text("figure-index") == "off" ? "false" : "true",
        };
        await using var store = await BenchStore.OpenAsync(options.RequiredText("store"));
        var filters = await FilterCombinations.ForAsync(store.Factory, options);
        await WarnOfWaitingDeliveriesAsync(store);

        var app = await AppOnStoreAsync(store, budget, settings);
        Console.WriteLine($"healthy after {app.Healthy.TotalSeconds:F1} s; figures from {app.Figures} after {app.FiguresReady.TotalSeconds:F1} s");
        var heading =
            $"Store `{store.Name}` ({(store.IsPostgreSql ? "PostgreSQL" : "SQLite")}); {runs} run(s) after one warm-up round, per endpoint and " +
            $"format, round-robin over {filters.Count} filters; budget {budget.TotalSeconds:F0} s per endpoint and format; " +
            $"figures from the {app.Figures}, figure cache {(settings["Analytics__FigureCache"] == "true" ? "on" : "off")}; " +
            $"{Environment.ProcessorCount} CPUs; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC. Every request goes over HTTP to the app on a loopback " +
            "port with a bearer token and its body is read in full.";
        var table = new LatencyTable(heading, filters.Select(f => (f.Name, f.Filter.ToQueryString())).ToList());
        Console.WriteLine(heading);
        foreach (var (name, filter) in filters) Console.WriteLine($"  {name}: {(filter == AnalyticsFilter.None ? "(none)" : filter.ToQueryString())}");
        Console.WriteLine(LatencyTable.ConsoleHeader);

        try
        {
            foreach (var figure in AnalyticsCalls.All.Where(c => only is null || only.Contains(c.Name)))
            {
                foreach (var format in Formats)
                {
                    var http = app.Client;
                    var row = await MeasureAsync(figure.Name, format, filters, runs, budget, filter => AskAsync(http, figure.Path, format, filter));
                    Console.WriteLine(table.Add(row));
                    // The app may still be computing what it was not given time to answer: start afresh, so the next
                    // endpoint is not measured beside it.
                    if (row.Samples.Any(s => s.TimedOut))
                    {
                        await app.DisposeAsync();
                        app = await AppOnStoreAsync(store, budget, settings);
                    }
                }
            }
        }
        finally
        {
            await app.DisposeAsync();
        }

        if (markdown is not null)
        {
            await File.WriteAllTextAsync(markdown, table.ToMarkdown());
            Console.WriteLine($"written to {markdown}");
        }
        return 0;
    }

    // Round-robin over the filters, so an endpoint cut short by its budget still covers as many filters as it can.
    private static async Task<LatencyRow> MeasureAsync(
        string figure, string format, IReadOnlyList<(string Name, AnalyticsFilter Filter)> filters, int runs, TimeSpan budget,
        Func<AnalyticsFilter, Task<LatencySample>> request)
    {
        var samples = new List<LatencySample>();
        var firstCalls = new List<LatencySample>();
        var spent = Stopwatch.StartNew();
        var cutShort = false;
        for (var run = -1; run < runs; run++)
        {
            foreach (var (name, filter) in filters)
            {
                if (spent.Elapsed >= budget)
                {
                    cutShort = true;
                    break;
                }
                var clock = Stopwatch.StartNew();
                var answer = await request(filter);
                (run >= 0 ? samples : firstCalls).Add(answer with { Milliseconds = clock.Elapsed.TotalMilliseconds, Filter = name });
                // No answer within the whole budget: nothing more to learn from this endpoint.
                if (answer.TimedOut) cutShort = true;
                if (cutShort) break;
            }
            if (cutShort) break;
        }
        return samples.Count == 0
            ? new LatencyRow(figure, format, firstCalls, ColdOnly: true, CutShort: cutShort)
            : new LatencyRow(figure, format, samples, ColdOnly: false, CutShort: cutShort);
    }

    /// <summary>A sample without failure when the answer is 200 and read in full; else what went wrong.</summary>
    private static async Task<LatencySample> AskAsync(HttpClient http, string path, string format, AnalyticsFilter filter)
    {
        var query = string.Join('&', new[] { filter.ToQueryString(), format == "csv" ? "format=csv" : "" }.Where(p => p.Length > 0));
        var uri = query.Length == 0 ? $"api/analytics/{path}" : $"api/analytics/{path}{(path.Contains('?') ? '&' : '?')}{query}";
        try
        {
            using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead);
            await response.Content.ReadAsByteArrayAsync();
            return new LatencySample(0, "", response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}");
        }
        catch (TaskCanceledException)
        {
            return new LatencySample(0, "", $"no answer within {http.Timeout.TotalSeconds:F0} s", TimedOut: true);
        }
    }

    private static Task<DashboardProcess> AppOnStoreAsync(BenchStore store, TimeSpan budget, IReadOnlyDictionary<string, string> settings) =>
        DashboardProcess.StartAsync(store, TimeSpan.FromMinutes(10), requestTimeout: budget, settings);

    private static async Task WarnOfWaitingDeliveriesAsync(BenchStore store)
    {
        await using var db = await store.Factory.CreateDbContextAsync();
        var waiting = await DeliveryStandings.CountWaitingAsync(db, CancellationToken.None);
        if (waiting > 0)
            Console.WriteLine($"warning: {waiting:N0} deliveries are not projected yet; the figures are of a part of the store (run rebuild first).");
    }
}
