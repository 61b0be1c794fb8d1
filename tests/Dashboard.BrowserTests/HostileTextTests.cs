using System.Text.Json;
using Microsoft.Playwright;
using static Dashboard.BrowserTests.HostileDashboard;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.BrowserTests;

/// <summary>
/// Markup and script in every sender field, on every dashboard page for all time: every bar, slice and legend entry
/// hovered and every drill-down opened, no script runs and the text reads as sent. firstbird's enumerations
/// (type, rating, close reason, feedback type) may be charted as sent or folded into "Other", so for them only the
/// absence of script is asserted; their people and job titles are asserted in the drill-down.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HostileTextTests(BrowserFixture browser, HostileDashboard hostile) : IClassFixture<HostileDashboard>
{
    private static readonly int[] Each = Enumerable.Range(0, Payloads.Length).ToArray();

    [Fact]
    public async Task TheOverviewLegendAndTooltipsShowSourcesAsText()
    {
        var watch = await OpenAsync("/?range=all");

        var shown = await HoverEveryChartAsync(watch);

        Assert.All(Each, i => Assert.Contains(Source(i), shown.Legends));
        Assert.All(Each, i => Assert.Contains(Source(i), shown.Tooltips));
        await watch.AssertNothingRanAsync();
    }

    [Fact]
    public async Task SourcesShowAsTextInTheChartTheTableTheFilterAndTheDrillDown()
    {
        var watch = await OpenAsync("/sources?range=all");

        var shown = await HoverEveryChartAsync(watch);
        Assert.All(Each, i => Assert.Contains(Source(i), shown.Tooltips));
        // The axis is SVG text: the same text, not escaped twice (A &amp; B).
        Assert.All(Each, i => Assert.Contains(Source(i), shown.AxisLabels));
        Assert.All(Each, i => Assert.Contains(Source(i), shown.Table));

        var drilled = await OpenEveryDrillDownAsync(watch, watch.Page.GetByTestId("sources-chart"));
        Assert.All(Each, i => Assert.Contains(FirstName(i), drilled));
        Assert.All(Each, i => Assert.Contains(Consultant(i), drilled));

        await watch.Page.GetByTestId("filter-consultant").ClickAsync();
        var consultants = watch.Page.Locator(".mud-popover-open");
        foreach (var i in Each) await Expect(consultants).ToContainTextAsync(Consultant(i));
        await watch.AssertNothingRanAsync();
    }

    [Fact]
    public async Task AFilterOnAHostileSourceShowsItAsTextInItsChip()
    {
        var watch = await OpenAsync($"/sources?range=all&source={Uri.EscapeDataString(Source(0))}");

        await Expect(watch.Page.GetByTestId("filter-chips")).ToContainTextAsync($"Source: {Source(0)}");
        await HoverEveryChartAsync(watch);
        await watch.AssertNothingRanAsync();
    }

    [Fact]
    public async Task PlacesShowAsTextInTheChartTheTableAndTheDrillDown()
    {
        var watch = await OpenAsync("/locations?range=all");

        var shown = await HoverEveryChartAsync(watch);
        Assert.All(Each, i => Assert.Contains(Place(i), shown.Tooltips));
        Assert.All(Each, i => Assert.Contains(Place(i), shown.AxisLabels));
        Assert.All(Each, i => Assert.Contains(Place(i), shown.Table));

        var drilled = await OpenEveryDrillDownAsync(watch, watch.Page.GetByTestId("locations-chart"));
        Assert.All(Each, i => Assert.Contains(FirstName(i), drilled));
        await watch.AssertNothingRanAsync();
    }

    [Fact]
    public async Task VacancyTitlesAndNamesShowAsTextOnTheFunnel()
    {
        var watch = await OpenAsync("/funnel?range=all");

        await HoverEveryChartAsync(watch);
        var vacancies = await watch.Page.GetByTestId("vacancy-funnels").InnerTextAsync();
        Assert.All(Each, i => Assert.Contains(VacancyTitle(i), vacancies));

        var drilled = await OpenEveryDrillDownAsync(watch, watch.Page.GetByTestId("funnel-chart"));
        Assert.All(Each, i => Assert.Contains(FirstName(i), drilled));
        await watch.AssertNothingRanAsync();
    }

    [Fact]
    public async Task EveryFirstbirdValueOnTheReferralsPageStaysInert()
    {
        var watch = await OpenAsync("/referrals?range=all");

        await HoverEveryChartAsync(watch);
        await watch.AssertNothingRanAsync();

        var drilled = await OpenEveryDrillDownAsync(watch, watch.Page.Locator(".figure-card", new() { HasText = "Received by type" }));
        Assert.All(Each, i => Assert.Contains(Applicant(i), drilled));
        Assert.All(Each, i => Assert.Contains(JobTitle(i), drilled));
        await watch.AssertNothingRanAsync();
    }

    [Fact]
    public async Task TheDataQualityPageStaysInert()
    {
        var watch = await OpenAsync("/quality?range=all");

        await HoverEveryChartAsync(watch);
        await watch.AssertNothingRanAsync();
    }

    [Theory]
    [InlineData("/?range=all")]
    [InlineData("/referrals?range=all")]
    public async Task ARecruitersPagesRunNoSenderScriptEither(string path)
    {
        var watch = await OpenAsync(path, LiveDashboard.RecruiterEmail);

        await HoverEveryChartAsync(watch);
        await watch.AssertNothingRanAsync();
    }

    [Fact]
    public async Task TheChartBridgeEscapesForHtmlExactlyWhatTheLibraryWritesAsHtml()
    {
        var watch = await PageWatch.SignInAsync(hostile.Live, browser.Browser);
        await watch.Page.GotoAsync("/account/tokens");
        string[] texts = [.. Payloads, "' onmouseover='window.__xss=1", "plain"];

        // Each formatter's output is written with innerHTML, as ApexCharts does, and read back as text.
        var results = await watch.Page.EvaluateAsync<JsonElement>("""
            async (texts) => {
              const { asText } = await import('/js/chart-text.js');
              const options = asText({ xaxis: { categories: texts }, legend: { position: 'bottom' } });
              const formatters = {
                title: options.tooltip.x.formatter,
                axisTooltip: options.xaxis.tooltip.formatter,
                series: options.tooltip.y.title.formatter,
                legend: options.legend.formatter,
              };
              const read = (html) => {
                const box = document.createElement('div');
                box.innerHTML = html;
                return { text: box.textContent, elements: box.querySelectorAll('*').length };
              };
              return {
                categories: options.xaxis.categories,
                position: options.legend.position,
                shown: texts.map((text) => Object.fromEntries(
                  Object.entries(formatters).map(([name, format]) => [name, read(format(text, { seriesIndex: 0, dataPointIndex: 0 }))]))),
              };
            }
            """, texts);

        // What the library draws as SVG text is left as sent, and the rest of the options untouched.
        Assert.Equal(texts, results.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("bottom", results.GetProperty("position").GetString());
        var shown = results.GetProperty("shown").EnumerateArray().ToList();
        for (var i = 0; i < texts.Length; i++)
        {
            foreach (var sink in new[] { "title", "axisTooltip", "legend", "series" })
            {
                var result = shown[i].GetProperty(sink);
                Assert.Equal(sink == "series" ? $"{texts[i]}: " : texts[i], result.GetProperty("text").GetString());
                Assert.Equal(0, result.GetProperty("elements").GetInt32());
            }
        }
        await watch.AssertNothingRanAsync();
    }

    private async Task<PageWatch> OpenAsync(string path, string email = LiveDashboard.AdminEmail)
    {
        var watch = await PageWatch.SignInAsync(hostile.Live, browser.Browser, email);
        // Charts drawn without their entrance, so every bar has its size when it is hovered, however busy the machine.
        await watch.Page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });
        await watch.Page.GotoAsync(path);
        await AppPages.SettleAsync(watch.Page);
        return watch;
    }

    /// <summary>What the page showed while every bar, slice and legend entry of every chart was hovered.</summary>
    private sealed record Shown(string Tooltips, string Legends, string AxisLabels, string Table);

    private static async Task<Shown> HoverEveryChartAsync(PageWatch watch)
    {
        var page = watch.Page;
        var tooltips = new List<string>();
        var charts = page.Locator(".apex-chart");
        for (var c = 0; c < await charts.CountAsync(); c++)
        {
            var chart = charts.Nth(c);
            var marks = chart.Locator(".apexcharts-bar-area, .apexcharts-pie-area, .apexcharts-legend-series");
            for (var m = 0; m < await marks.CountAsync(); m++)
            {
                var mark = marks.Nth(m);
                if (await mark.BoundingBoxAsync() is not { Width: > 1, Height: > 1 }) continue;
                await mark.HoverAsync(new() { Force = true });
                tooltips.Add(await TooltipAfterHoverAsync(page, chart, tooltips.LastOrDefault()));
            }
        }
        var legends = await page.Locator(".apexcharts-legend").AllInnerTextsAsync();
        // The full text of each axis label (the label itself may be cut short to fit).
        var axisLabels = await page.Locator(".apexcharts-xaxis-label title, .apexcharts-yaxis-label title").AllTextContentsAsync();
        var tables = await page.Locator("table").AllInnerTextsAsync();
        await page.Mouse.MoveAsync(0, 0);
        return new Shown(string.Join('\n', tooltips), string.Join('\n', legends), string.Join('\n', axisLabels), string.Join('\n', tables));
    }

    /// <summary>
    /// The chart's tooltip once it has caught up with the mouse. The library redraws it on later animation frames, not
    /// within the mouse event, and on a busy machine a frame or two may still show the mark before: so a tooltip that
    /// still reads as the last one is given a moment to change (a legend entry leaves it as it was, and is read after it).
    /// </summary>
    private static async Task<string> TooltipAfterHoverAsync(IPage page, ILocator chart, string? previous)
    {
        var tooltip = chart.Locator(".apexcharts-tooltip");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
            var text = await tooltip.InnerTextAsync();
            if (text != previous || waited.ElapsedMilliseconds > 500) return text;
        }
    }

    /// <summary>Clicks every bar or stage of the chart, one at a time, and returns what each drill-down listed.</summary>
    private static async Task<string> OpenEveryDrillDownAsync(PageWatch watch, ILocator card)
    {
        var page = watch.Page;
        var listed = new List<string>();
        var bars = card.Locator(".apexcharts-bar-area");
        var drill = page.GetByTestId("drill-down");
        for (var b = 0; b < await bars.CountAsync(); b++)
        {
            if (await bars.Nth(b).BoundingBoxAsync() is not { Width: > 1, Height: > 1 }) continue;
            await bars.Nth(b).ClickAsync(new() { Force = true });
            await Expect(drill.Locator("tbody tr").First).ToBeVisibleAsync();
            listed.Add(await drill.InnerTextAsync());
            await drill.GetByLabel("Close the list").ClickAsync();
            await Expect(drill).ToHaveCountAsync(0);
        }
        Assert.NotEmpty(listed);
        return string.Join('\n', listed);
    }
}
