using System.Globalization;
using System.Text;

namespace Dashboard.Benchmarks;

/// <summary>One timed request: how long it took, over which filter, and what was wrong with its answer (null when nothing).</summary>
public sealed record LatencySample(double Milliseconds, string Filter, string? Failure = null, bool TimedOut = false);

/// <summary>
/// The samples of one figure in one format; <paramref name="ColdOnly"/> when the budget ran out before any warmed-up
/// call, so the samples are the first calls; <paramref name="CutShort"/> when it ran out before every run was made.
/// </summary>
public sealed record LatencyRow(string Figure, string Format, IReadOnlyList<LatencySample> Samples, bool ColdOnly, bool CutShort)
{
    // A failed answer's time says nothing about the figure: the statistics are over the answered requests only.
    private IEnumerable<LatencySample> Answered => Samples.Where(s => s.Failure is null);

    public double Percentile(double share)
    {
        var sorted = Answered.Select(s => s.Milliseconds).Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public double Max => Answered.Select(s => s.Milliseconds).DefaultIfEmpty(double.NaN).Max();

    public string SlowestFilter => Answered.GroupBy(s => s.Filter).MaxBy(g => g.Average(s => s.Milliseconds))?.Key ?? "";

    public int Failures => Samples.Count(s => s.Failure is not null);

    /// <summary>The median of each filter's answered requests; NaN for a filter the budget left out.</summary>
    public double MedianOf(string filter)
    {
        var times = Answered.Where(s => s.Filter == filter).Select(s => s.Milliseconds).Order().ToList();
        return times.Count == 0 ? double.NaN : times[(times.Count - 1) / 2];
    }

    public string Notes => string.Join("; ", new[]
    {
        ColdOnly ? "over budget: first calls only" : CutShort ? "over budget: cut short" : null,
        Failures > 0 ? $"{Failures} failed: {Samples.First(s => s.Failure is not null).Failure}" : null,
    }.OfType<string>());
}

/// <summary>p50/p95/max per figure and format, printed as the runs go and written as markdown at the end.</summary>
public sealed class LatencyTable(string heading, IReadOnlyList<(string Name, string Query)> filters)
{
    private readonly List<LatencyRow> _rows = [];

    public static string ConsoleHeader => $"{"endpoint",-32} {"format",-10} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"calls",6}  slowest filter";

    public string Add(LatencyRow row)
    {
        _rows.Add(row);
        return $"{row.Figure,-32} {row.Format,-10} {Ms(row, 0.5),8} {Ms(row, 0.95),8} {Ms(row, 1),8} {row.Samples.Count,6}  " +
               $"{row.SlowestFilter}{(row.Notes.Length > 0 ? " (" + row.Notes + ")" : "")}";
    }

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine("# Query latency").AppendLine().AppendLine(heading).AppendLine();
        md.AppendLine("| endpoint | format | p50 ms | p95 ms | max ms | calls | slowest filter | notes |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---|---|");
        foreach (var row in _rows)
        {
            md.AppendLine($"| `{row.Figure}` | {row.Format} | {Ms(row, 0.5)} | {Ms(row, 0.95)} | {Ms(row, 1)} | " +
                          $"{row.Samples.Count} | {row.SlowestFilter} | {row.Notes} |");
        }

        md.AppendLine().AppendLine("## Median ms per filter (JSON)").AppendLine();
        md.AppendLine("| endpoint | " + string.Join(" | ", filters.Select(f => f.Name)) + " |");
        md.AppendLine("|---|" + string.Concat(filters.Select(_ => "---:|")));
        foreach (var row in _rows.Where(r => r.Format != "csv"))
            md.AppendLine($"| `{row.Figure}` | " + string.Join(" | ", filters.Select(f => Ms(row.MedianOf(f.Name)))) + " |");

        md.AppendLine().AppendLine("## Filters").AppendLine();
        md.AppendLine("| filter | query |").AppendLine("|---|---|");
        foreach (var (name, query) in filters) md.AppendLine($"| {name} | `{(query.Length == 0 ? "(none)" : query)}` |");
        return md.ToString();
    }

    private static string Ms(double ms) => double.IsNaN(ms) ? "-" : ms.ToString("F1", CultureInfo.InvariantCulture);

    // A figure never answered within its budget is slower than the longest wait, which is what the table can say of it.
    private static string Ms(LatencyRow row, double share)
    {
        var ms = share >= 1 ? row.Max : row.Percentile(share);
        if (!double.IsNaN(ms) || !row.Samples.Any(s => s.TimedOut)) return Ms(ms);
        return "> " + row.Samples.Where(s => s.TimedOut).Min(s => s.Milliseconds).ToString("F0", CultureInfo.InvariantCulture);
    }
}
