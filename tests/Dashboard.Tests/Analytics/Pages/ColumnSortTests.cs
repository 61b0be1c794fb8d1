using Dashboard.Analytics.Pages;

namespace Dashboard.Tests.Analytics.Pages;

/// <summary>A figures table's order, as its header buttons change it.</summary>
public sealed class ColumnSortTests
{
    private static readonly (string Name, int Count)[] Rows = [("Indeed", 3), ("LinkedIn", 9), ("Agency", 5)];

    private static readonly IReadOnlyDictionary<string, Func<(string Name, int Count), IComparable>> Keys =
        new Dictionary<string, Func<(string Name, int Count), IComparable>> { ["name"] = r => r.Name, ["count"] = r => r.Count };

    [Fact]
    public void UnsortedRowsStayAsTheyCame() => Assert.Equal(Rows, new ColumnSort().Apply(Rows, Keys));

    [Fact]
    public void ACountStartsLargestFirstAndTheSameHeaderAgainReversesIt()
    {
        var sort = new ColumnSort().Then("count", descendingFirst: true);
        Assert.Equal(["LinkedIn", "Agency", "Indeed"], sort.Apply(Rows, Keys).Select(r => r.Name));
        Assert.Equal("descending", sort.AriaSort("count"));
        Assert.Equal("none", sort.AriaSort("name"));

        sort = sort.Then("count", descendingFirst: true);
        Assert.Equal(["Indeed", "Agency", "LinkedIn"], sort.Apply(Rows, Keys).Select(r => r.Name));
        Assert.Equal("ascending", sort.AriaSort("count"));
    }

    [Fact]
    public void AnotherHeaderStartsInItsOwnDirection()
    {
        var sort = new ColumnSort("count", Descending: true).Then("name");

        Assert.Equal(["Agency", "Indeed", "LinkedIn"], sort.Apply(Rows, Keys).Select(r => r.Name));
        Assert.Equal("ascending", sort.AriaSort("name"));
    }
}
