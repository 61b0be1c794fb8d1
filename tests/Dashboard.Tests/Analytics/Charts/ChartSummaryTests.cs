using Dashboard.Analytics.Charts;

namespace Dashboard.Tests.Analytics.Charts;

/// <summary>What a screen reader hears in place of a chart.</summary>
public sealed class ChartSummaryTests
{
    [Fact]
    public void AFewCategoriesAreReadOutValueByValue()
    {
        var data = new ChartData(["LinkedIn", "Indeed"], [new("Candidates", [30, 12]), new("Placed", [4, 1])]);

        var said = ChartSummary.Describe("Candidates and placements by source", ChartKind.Bar, data);

        Assert.Equal("Candidates and placements by source, bar chart: 2 categories, from LinkedIn to Indeed. "
            + "Candidates: LinkedIn 30, Indeed 12. Placed: LinkedIn 4, Indeed 1.", said);
    }

    [Fact]
    public void ManyCategoriesAreReadAsTotalsAndTheLargest()
    {
        var weeks = Enumerable.Range(1, 9).Select(w => $"{w} Nov").ToList();
        var data = new ChartData(weeks, [new("LinkedIn", [1, 2, 3, 4, 9, 4, 3, 2, 1]), new("Indeed", [1, 1, 1, 1, 1, 1, 1, 1, 1500])]);

        var said = ChartSummary.Describe("New candidates per week by source", ChartKind.StackedBar, data);

        Assert.Equal("New candidates per week by source, stacked bar chart: 9 categories, from 1 Nov to 9 Nov. "
            + "LinkedIn: 29 in all, most in 5 Nov (9). Indeed: 1,508 in all, most in 9 Nov (1,500).", said);
    }

    [Fact]
    public void AFunnelNamesItsStagesAndADonutOnlyItsSlices()
    {
        var funnel = ChartSummary.Describe("Funnel", ChartKind.Funnel, new(["Applied", "Placed"], [new("Reached", [10, 2])]));
        var donut = ChartSummary.Describe("Ratings", ChartKind.Donut, new(["Good"], [new("Applications", [3]), new("Ignored", [9])]));

        Assert.Equal("Funnel, funnel: 2 stages, from Applied to Placed. Reached: Applied 10, Placed 2.", funnel);
        Assert.Equal("Ratings, donut chart: 1 slice, Good. Applications: Good 3.", donut);
    }

    [Fact]
    public void NothingToShowIsSaid()
    {
        Assert.Equal("Referrals per week: nothing to show for these filters.",
            ChartSummary.Describe("Referrals per week", ChartKind.StackedBar, new(["1 Nov"], [new("Sent", [0])])));
    }
}
