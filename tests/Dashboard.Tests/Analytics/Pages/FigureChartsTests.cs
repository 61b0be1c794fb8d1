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

    private static List<LocationFigure> Places(int count) =>
        Enumerable.Range(1, count).Select(i => new LocationFigure($"Place {i}", 100 - i, i % 3)).ToList();

    [Fact]
    public void TheFirstPlacesAreChartedAndTheRestSummedIntoOneBarThatNamesNoPlace()
    {
        var figures = Places(25);

        var (data, charted) = FigureCharts.Places(figures, 20);

        Assert.Equal(figures.Take(20), charted);
        Assert.Equal(21, data.Categories.Count);
        Assert.Equal("5 other places", data.Categories[20]);
        Assert.Equal(figures.Sum(f => f.Candidates), data.Series[0].Values.Sum());
        Assert.Equal(figures.Sum(f => f.Placed), data.Series[1].Values.Sum());
    }

    [Fact]
    public void OnePlaceMoreThanChartedIsABarOfItsOwnThatCanBeClicked()
    {
        var figures = Places(21);

        var (data, charted) = FigureCharts.Places(figures, 20);

        Assert.Equal(figures, charted);
        Assert.Equal(figures.Select(f => f.Location), data.Categories);
    }
}

