using Bunit;
using Dashboard.Analytics.Charts;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Tests.Analytics.Charts;

/// <summary>What a click on a chart's legend reaches, and a chart on a wall screen, which nobody clicks.</summary>
public sealed class ChartSelectionTests : BunitContext
{
    private static readonly ChartData Weeks = new(["2 Mar", "9 Mar"], [new("LinkedIn", [5, 3]), new("Indeed", [1, 2])]);
    private readonly BunitJSModuleInterop _module;

    public ChartSelectionTests()
    {
        _module = JSInterop.SetupModule("./js/apexchart.js");
        _module.Setup<int>("create", _ => true).SetResult(3);
    }

    [Fact]
    public async Task ALegendEntrySelectsItsSeriesInsteadOfHidingIt()
    {
        int? chosen = null;
        var chart = Render<ApexChart>(p => p.Add(c => c.Data, Weeks).Add(c => c.Kind, ChartKind.StackedBar).Add(c => c.OnSeriesSelected, i => chosen = i));

        var create = Assert.Single(_module.Invocations["create"]);
        Assert.NotNull(create.Arguments[2]);
        Assert.Contains("\"onItemClick\":{\"toggleDataSeries\":false}", Json(create.Arguments[1]));
        await chart.InvokeAsync(() => chart.Instance.OnLegendSelectedFromChart(1));

        Assert.Equal(1, chosen);
    }

    [Fact]
    public async Task ADonutsLegendEntryIsItsSlice()
    {
        ChartPoint? chosen = null;
        var chart = Render<ApexChart>(p => p.Add(c => c.Data, new ChartData(["A", "B"], [new("Ratings", [2, 1])])).Add(c => c.Kind, ChartKind.Donut)
            .Add(c => c.OnPointSelected, point => chosen = point));

        await chart.InvokeAsync(() => chart.Instance.OnLegendSelectedFromChart(1));

        Assert.Equal(new ChartPoint(0, 1), chosen);
    }

    [Fact]
    public void WithoutASeriesCallbackTheLegendStillHidesAndShowsSeries()
    {
        Render<ApexChart>(p => p.Add(c => c.Data, Weeks).Add(c => c.OnPointSelected, _ => { }));

        Assert.DoesNotContain("onItemClick", Json(Assert.Single(_module.Invocations["create"]).Arguments[1]));
    }

    [Fact]
    public void TheTablesSeriesHeadersSelectLikeTheLegend()
    {
        int? chosen = null;
        var chart = Render<ApexChart>(p => p.Add(c => c.Data, Weeks).Add(c => c.OnSeriesSelected, i => chosen = i));

        chart.Find("button.chart-table-toggle").Click();
        chart.FindAll("thead button.chart-table-drill").Single(b => b.TextContent == "Indeed").Click();

        Assert.Equal(1, chosen);
    }

    [Fact]
    public void OnAWallScreenAChartIsLargerHasLargeTypeAndTakesNoClicks()
    {
        Render<CascadingValue<bool>>(p => p.Add(c => c.Name, "Kiosk").Add(c => c.Value, true)
            .AddChildContent<ApexChart>(chart => chart.Add(c => c.Data, Weeks).Add(c => c.Height, "300px").Add(c => c.OnPointSelected, _ => { })));

        var create = Assert.Single(_module.Invocations["create"]);
        var options = Json(create.Arguments[1]);
        Assert.Null(create.Arguments[2]);
        Assert.Contains("\"height\":\"480px\"", options);
        Assert.Contains($"\"fontSize\":\"{ChartOptionsWriter.LargeText}\"", options);
        Assert.DoesNotContain("onItemClick", options);
    }

    [Fact]
    public void OnAWallScreenTheTableIsForScreenReadersOnly()
    {
        var host = Render<CascadingValue<bool>>(p => p.Add(c => c.Name, "Kiosk").Add(c => c.Value, true)
            .AddChildContent<ApexChart>(chart => chart.Add(c => c.Data, Weeks).Add(c => c.OnPointSelected, _ => { })));

        Assert.Empty(host.FindAll("button"));
        Assert.Contains("sr-only", host.Find("[data-testid=chart-table]").ClassList);
    }

    private static string Json(object? options) => ((System.Text.Json.Nodes.JsonNode)options!).ToJsonString();
}
