using System.Globalization;
using Dashboard.Analytics.Charts;

namespace Dashboard.Analytics.Pages;

/// <summary>Shapes query answers into chart data.</summary>
public static class FigureCharts
{
    public static ChartData Weekly(TimeSeries series) => new(
        series.Periods.Select(p => p.ToString("d MMM", CultureInfo.InvariantCulture)).ToList(),
        series.Series.Select(s => new ChartSeries(s.Name, s.Values.Select(v => (double)v).ToList())).ToList());

    /// <summary>
    /// The <paramref name="top"/> series with the most in all, largest first, and the rest summed into one named
    /// <paramref name="restName"/>: forty sources stacked week by week are unreadable, and thousands of bars are slow
    /// to draw. The CSV and the API keep every series.
    /// </summary>
    public static (TimeSeries Shown, bool HasRest) Top(TimeSeries series, int top, string restName)
    {
        if (series.Series.Count <= top + 1) return (series, false);
        var ranked = series.Series.OrderByDescending(s => s.Values.Sum()).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
        var rest = new int[series.Periods.Count];
        foreach (var other in ranked.Skip(top))
            for (var i = 0; i < rest.Length && i < other.Values.Count; i++) rest[i] += other.Values[i];
        return (series with { Series = [.. ranked.Take(top), new NamedSeries(restName, rest)] }, true);
    }

    /// <summary>
    /// The first <paramref name="top"/> places (the figures come busiest first), and the rest summed into one bar:
    /// hundreds of places do not read as bars. <c>Charted</c> are the places behind the first bars, in order; the table
    /// keeps them all.
    /// </summary>
    public static (ChartData Data, IReadOnlyList<LocationFigure> Charted) Places(IReadOnlyList<LocationFigure> figures, int top)
    {
        var charted = figures.Count <= top + 1 ? figures : figures.Take(top).ToList();
        var rest = figures.Skip(charted.Count).ToList();
        IReadOnlyList<LocationFigure> bars = rest.Count == 0
            ? charted
            : [.. charted, new LocationFigure($"{rest.Count:N0} other places", rest.Sum(f => f.Candidates), rest.Sum(f => f.Placed))];
        var data = new ChartData(bars.Select(f => f.Location).ToList(),
            [new("Candidates", bars.Select(f => (double)f.Candidates).ToList()), new("Placed", bars.Select(f => (double)f.Placed).ToList())]);
        return (data, charted);
    }

    public static ChartData Counts(IReadOnlyDictionary<string, int> counts, string name) => new(
        counts.Keys.ToList(), [new ChartSeries(name, counts.Values.Select(v => (double)v).ToList())]);

    public static string Change(Tile tile) => tile.Previous switch
    {
        null => "",
        0 when tile.Value == 0 => "no change",
        0 => "new this period",
        var before => $"{(tile.Value - before.Value) / (double)before.Value:+0%;-0%;0%} vs previous period",
    };
}
