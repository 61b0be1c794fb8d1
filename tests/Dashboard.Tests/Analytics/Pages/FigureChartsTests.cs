using Dashboard.Analytics;
using Dashboard.Analytics.Pages;

namespace Dashboard.Tests.Analytics.Pages;

/// <summary>A weekly chart of many sources: the busiest charted, the rest summed, nothing lost from the totals.</summary>
public sealed class FigureChartsTests
{
    private static readonly IReadOnlyList<DateOnly> Weeks = [new(2026, 1, 5), new(2026, 1, 12)];

    [Fact]
    public void TheBusiestSourcesAreChartedLargestFirstAndTheRestSummedWeekByWeek()
    {
        var series = new TimeSeries(Weeks,
        [
            new("Indeed", [1, 1]), new("LinkedIn", [5, 5]), new("Referral", [0, 1]), new("Website", [2, 0]), new("Xing", [0, 3]),
        ]);

        var (shown, hasRest) = FigureCharts.Top(series, 2, "Other sources");

        Assert.True(hasRest);
        Assert.Equal(["LinkedIn", "Xing", "Other sources"], shown.Series.Select(s => s.Name));
        Assert.Equal([3, 2], shown.Series[2].Values);
        Assert.Equal(series.Series.Sum(s => s.Values.Sum()), shown.Series.Sum(s => s.Values.Sum()));
        Assert.Equal(Weeks, shown.Periods);
    }

    [Fact]
    public void OneSourceMoreThanChartedIsShownItselfRatherThanAsTheRest()
    {
        var series = new TimeSeries(Weeks, [new("Indeed", [1, 1]), new("LinkedIn", [5, 5]), new("Xing", [0, 3])]);

        var (shown, hasRest) = FigureCharts.Top(series, 2, "Other sources");

        Assert.False(hasRest);
        Assert.Same(series, shown);
    }
}
