using Bunit;
using Dashboard.Analytics.Charts;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Dashboard.Tests.Analytics.Charts;

public sealed class ApexChartTests : BunitContext
{
    private static readonly ChartData Sources = new(["LinkedIn", "Indeed"], [new("Candidates", [5, 3])]);
    private readonly BunitJSModuleInterop _module;

    public ApexChartTests()
    {
        _module = JSInterop.SetupModule("./js/apexchart.js");
        _module.Setup<int>("create", _ => true).SetResult(7);
        _module.SetupVoid("update", _ => true).SetVoidResult();
        _module.SetupVoid("destroy", _ => true).SetVoidResult();
    }

    [Fact]
    public void CreatesTheChartOnceWithItsDataAndTheColourBlindSafePalette()
    {
        Render<ApexChart>(p => p.Add(c => c.Data, Sources).Add(c => c.Kind, ChartKind.Bar));

        var create = Assert.Single(_module.Invocations["create"]);
        var options = Json(create.Arguments[1]);
        Assert.Contains("\"type\":\"bar\"", options);
        Assert.Contains("\"categories\":[\"LinkedIn\",\"Indeed\"]", options);
        Assert.Contains("\"data\":[5,3]", options);
        Assert.Contains(ChartPalette.Colours[0], options);
    }

    [Fact]
    public void NewDataUpdatesTheLiveChartInPlace()
    {
        var chart = Render<ApexChart>(p => p.Add(c => c.Data, Sources));

        chart.Render(p => p.Add(c => c.Data, new ChartData(["LinkedIn", "Indeed"], [new("Candidates", [6, 3])])));

        Assert.Single(_module.Invocations["create"]);
        var update = Assert.Single(_module.Invocations["update"]);
        Assert.Equal(7, update.Arguments[0]);
        Assert.Contains("\"data\":[6,3]", Json(update.Arguments[1]));
    }

    [Fact]
    public void EqualDataDrawsNothingAgain()
    {
        var chart = Render<ApexChart>(p => p.Add(c => c.Data, Sources));

        chart.Render(p => p.Add(c => c.Data, new ChartData(["LinkedIn", "Indeed"], [new("Candidates", [5, 3])])));

        Assert.Empty(_module.Invocations["update"]);
    }

    [Fact]
    public void DarkModeRecoloursTheSameChart()
    {
        var host = Render<CascadingValue<bool>>(p => p.Add(c => c.Name, "DarkMode").Add(c => c.Value, false)
            .AddChildContent<ApexChart>(chart => chart.Add(c => c.Data, Sources)));
        host.Render(p => p.Add(c => c.Name, "DarkMode").Add(c => c.Value, true)
            .AddChildContent<ApexChart>(chart => chart.Add(c => c.Data, Sources)));
        Assert.Contains("\"mode\":\"dark\"", Json(Assert.Single(_module.Invocations["update"]).Arguments[1]));
    }

    [Fact]
    public async Task DisposingDestroysTheChart()
    {
        var chart = Render<ApexChart>(p => p.Add(c => c.Data, Sources));
        await chart.Instance.DisposeAsync();
        Assert.Equal(7, Assert.Single(_module.Invocations["destroy"]).Arguments[0]);
    }

    [Fact]
    public async Task AClickedPointReachesTheComponentsCallback()
    {
        ChartPoint? clicked = null;
        var chart = Render<ApexChart>(p => p.Add(c => c.Data, Sources).Add(c => c.OnPointSelected, point => clicked = point));

        Assert.NotNull(Assert.Single(_module.Invocations["create"]).Arguments[2]);
        await chart.InvokeAsync(() => chart.Instance.OnPointSelectedFromChart(0, 1));

        Assert.Equal(new ChartPoint(0, 1), clicked);
    }

    [Fact]
    public async Task ThePngIsSavedInTheBrowserUnderTheNameGiven()
    {
        _module.SetupVoid("savePng", _ => true).SetVoidResult();
        var chart = Render<ApexChart>(p => p.Add(c => c.Data, Sources));

        await chart.InvokeAsync(() => chart.Instance.SavePngAsync("sources.png"));

        // Only the name goes out and nothing comes back: the image itself never crosses the circuit.
        var save = Assert.Single(_module.Invocations["savePng"]);
        Assert.Equal([7, "sources.png"], save.Arguments);
    }

    [Fact]
    public async Task AGoneCircuitDoesNotFailDisposal()
    {
        var module = JSInterop.SetupModule("./js/apexchart.js");
        module.Setup<int>("create", _ => true).SetResult(1);
        module.SetupVoid("destroy", _ => true).SetException(new JSDisconnectedException("gone"));
        var chart = Render<ApexChart>(p => p.Add(c => c.Data, Sources));

        await chart.Instance.DisposeAsync();
    }

    [Fact]
    public void AScreenReaderGetsASummaryAndTheFiguresAsATable()
    {
        var chart = Render<ApexChart>(p => p.Add(c => c.Data, Sources).Add(c => c.Title, "Candidates by source").Add(c => c.CategoryName, "Source"));

        Assert.Equal("Candidates by source, bar chart: 2 categories, from LinkedIn to Indeed. Candidates: LinkedIn 5, Indeed 3.",
            chart.Find("[data-testid=chart-summary]").TextContent);
        var table = chart.Find("[data-testid=chart-table]");
        Assert.Contains("sr-only", table.ClassList);
        Assert.Equal("Candidates by source", table.QuerySelector("caption")!.TextContent);
        Assert.Equal(["Source", "Candidates"], table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()));
        Assert.Equal(["LinkedIn 5", "Indeed 3"], table.QuerySelectorAll("tbody tr").Select(tr => string.Join(' ', tr.Children.Select(c => c.TextContent.Trim()))));
        // The SVG's own label is the title the page chose.
        Assert.Contains("\"description\":\"Candidates by source\"", Json(Assert.Single(_module.Invocations["create"]).Arguments[1]));
    }

    [Fact]
    public void TheTableShowsOnRequestAndEachCategoryOpensItsListLikeAClickOnTheChart()
    {
        ChartPoint? chosen = null;
        var chart = Render<ApexChart>(p => p.Add(c => c.Data, Sources).Add(c => c.OnPointSelected, point => chosen = point));
        var toggle = chart.Find("button.chart-table-toggle");
        Assert.Equal("false", toggle.GetAttribute("aria-expanded"));

        toggle.Click();

        Assert.Equal("true", chart.Find("button.chart-table-toggle").GetAttribute("aria-expanded"));
        Assert.DoesNotContain("sr-only", chart.Find("[data-testid=chart-table]").ClassList);
        chart.FindAll("button.chart-table-drill")[1].Click();
        Assert.Equal(new ChartPoint(0, 1), chosen);
    }

    [Theory]
    [MemberData(nameof(ChartOptionsTextTests.Hostile), MemberType = typeof(ChartOptionsTextTests))]
    public void SenderTextInTheTableAndTheSummaryIsText(string text)
    {
        var chart = Render<ApexChart>(p => p.Add(c => c.Data, new ChartData([text], [new(text, [2])])).Add(c => c.Title, "Sources"));

        Assert.Equal(text, chart.Find("tbody th").TextContent.Trim());
        Assert.Equal(text, chart.Find("thead th:last-child").TextContent.Trim());
        Assert.Contains(text, chart.Find("[data-testid=chart-summary]").TextContent);
        Assert.Empty(chart.FindAll(".apex-chart-figure img, .apex-chart-figure svg, .apex-chart-figure script, .apex-chart-figure b"));
    }

    private static string Json(object? options) => ((System.Text.Json.Nodes.JsonNode)options!).ToJsonString();

    [Fact]
    public void DonutsTakeTheirValuesAsPlainSeries()
    {
        var options = ChartOptionsWriter.Write(ChartKind.Donut, new(["A", "B"], [new("Ratings", [2, 1])]), dark: false, "300px");
        Assert.Equal("[2,1]", options["series"]!.ToJsonString());
        Assert.Equal("[\"A\",\"B\"]", options["labels"]!.ToJsonString());
    }
}
