using System.Globalization;

namespace Dashboard.Analytics.Charts;

/// <summary>
/// What a chart says, in one or two sentences a screen reader reads in place of the picture: every value when there
/// are few, else each series' total and its largest category. The figures themselves follow in the chart's table.
/// </summary>
public static class ChartSummary
{
    /// <summary>Up to this many categories are read out one by one.</summary>
    public const int ReadEachUpTo = 8;

    public static string Describe(string title, ChartKind kind, ChartData data)
    {
        if (data.IsEmpty) return $"{title}: nothing to show for these filters.";
        var count = data.Categories.Count;
        var span = count == 1 ? $"1 {Noun(kind, 1)}, {data.Categories[0]}" : $"{count} {Noun(kind, count)}, from {data.Categories[0]} to {data.Categories[^1]}";
        var series = Shown(kind, data).Select(s => count <= ReadEachUpTo ? EachValue(data, s) : TotalAndLargest(data, s));
        return $"{title}, {KindName(kind)}: {span}. {string.Join(" ", series)}";
    }

    /// <summary>A value as the chart's table and tooltip show it.</summary>
    public static string Number(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    // A donut draws only its first series.
    private static IEnumerable<ChartSeries> Shown(ChartKind kind, ChartData data) => kind == ChartKind.Donut ? data.Series.Take(1) : data.Series;

    private static string EachValue(ChartData data, ChartSeries series) =>
        $"{series.Name}: {string.Join(", ", data.Categories.Select((category, i) => $"{category} {Number(At(series, i))}"))}.";

    private static string TotalAndLargest(ChartData data, ChartSeries series)
    {
        var largest = Enumerable.Range(0, data.Categories.Count).MaxBy(i => At(series, i));
        return $"{series.Name}: {Number(series.Values.Sum())} in all, most in {data.Categories[largest]} ({Number(At(series, largest))}).";
    }

    private static double At(ChartSeries series, int index) => index < series.Values.Count ? series.Values[index] : 0;

    private static string KindName(ChartKind kind) => kind switch
    {
        ChartKind.StackedBar => "stacked bar chart",
        ChartKind.HorizontalBar => "bar chart",
        ChartKind.Line => "line chart",
        ChartKind.Area => "area chart",
        ChartKind.Donut => "donut chart",
        ChartKind.Funnel => "funnel",
        _ => "bar chart",
    };

    private static string Noun(ChartKind kind, int count) => (kind, count) switch
    {
        (ChartKind.Funnel, 1) => "stage",
        (ChartKind.Funnel, _) => "stages",
        (ChartKind.Donut, 1) => "slice",
        (ChartKind.Donut, _) => "slices",
        (_, 1) => "category",
        _ => "categories",
    };
}
