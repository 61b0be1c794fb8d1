namespace Dashboard.Analytics.Charts;

/// <summary>The kinds of chart the dashboard draws.</summary>
public enum ChartKind
{
    Bar,
    HorizontalBar,
    StackedBar,
    Line,
    Area,
    Donut,
    Funnel,
}

/// <summary>One named row of values, one value per category.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);

/// <summary>What a chart shows: categories along one axis and one or more series. Donuts use the first series.</summary>
public sealed record ChartData(IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series)
{
    public static ChartData Empty { get; } = new([], []);

    public bool IsEmpty => Categories.Count == 0 || Series.All(s => s.Values.All(v => v == 0));
}

/// <summary>A clicked bar, slice or stage: which series and which category.</summary>
public sealed record ChartPoint(int SeriesIndex, int DataPointIndex);

/// <summary>Colours that stay distinguishable for colour-blind readers (Okabe and Ito).</summary>
public static class ChartPalette
{
    public static readonly IReadOnlyList<string> Colours =
        ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#999999"];
}
