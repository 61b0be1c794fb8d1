using System.Globalization;
using Dashboard.Components.Charts;

namespace Dashboard.Analytics.Pages;

/// <summary>Shapes query answers into chart data.</summary>
public static class FigureCharts
{
    public static ChartData Weekly(TimeSeries series) => new(
        series.Periods.Select(p => p.ToString("d MMM", CultureInfo.InvariantCulture)).ToList(),
        series.Series.Select(s => new ChartSeries(s.Name, s.Values.Select(v => (double)v).ToList())).ToList());

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
