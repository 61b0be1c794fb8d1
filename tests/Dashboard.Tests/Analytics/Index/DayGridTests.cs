using Dashboard.Analytics.Index;

namespace Dashboard.Tests.Analytics.Index;

/// <summary>The day-by-source counts behind the weekly figures keep every count, whatever order the days come in.</summary>
public sealed class DayGridTests
{
    [Fact]
    public void DaysBeforeAfterAndFarFromTheFirstAreAllCounted()
    {
        var grid = new DayGrid(width: 3);
        var added = new (int Day, int Column)[] { (1000, 0), (999, 2), (1000, 0), (400, 1), (5000, 2), (1001, 1), (0, 0), (738000, 2) };
        foreach (var (day, column) in added) grid.Add(day, column);

        var expected = added.GroupBy(a => a).Select(g => (g.Key.Day, g.Key.Column, g.Count())).OrderBy(c => c.Day).ThenBy(c => c.Column);
        Assert.Equal(expected, grid.NonZero());
    }

    [Fact]
    public void NothingCountedListsNothing() => Assert.Empty(new DayGrid(width: 2).NonZero());
}
