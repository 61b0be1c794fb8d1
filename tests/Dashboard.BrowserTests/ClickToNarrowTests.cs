using static Microsoft.Playwright.Assertions;

namespace Dashboard.BrowserTests;

/// <summary>A bar, a slice or a legend entry clicked lists what is behind it, and can become the whole page's filter.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ClickToNarrowTests(BrowserFixture browser, SampleDashboard sample) : IClassFixture<SampleDashboard>
{
    [Fact]
    public async Task ABarClickedNarrowsThePageAndItsAddress()
    {
        var page = await sample.Live.SignInAsync(browser.Browser);
        await AppPages.OpenAsync(page, "/sources?range=all");
        var rowsBefore = await page.GetByTestId("sources-table").Locator("tbody tr").CountAsync();
        Assert.True(rowsBefore > 1);

        await page.GetByTestId("sources-chart").Locator(".apexcharts-bar-area").First.ClickAsync(new() { Force = true });
        var drill = page.GetByTestId("drill-down");
        await Expect(drill.Locator("tbody tr").First).ToBeVisibleAsync();
        var source = (await drill.Locator("h2").InnerTextAsync())["Candidates from ".Length..];
        var narrow = drill.GetByTestId("drill-down-narrow");
        await Expect(narrow).ToHaveTextAsync($"Filter the page by Source: {source}");
        await Screenshots.TakeAsync(page, "click-to-narrow");

        await narrow.ClickAsync();

        await page.WaitForAddressAsync(url => url.Contains("source=" + Uri.EscapeDataString(source)) && url.Contains("range=all"));
        await Expect(page.GetByTestId("filter-chips")).ToContainTextAsync($"Source: {source}");
        await Expect(page.GetByTestId("sources-table").Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("sources-table")).ToContainTextAsync(source);
        await Expect(page.GetByTestId("drill-down")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ALegendEntryOfTheOverviewNarrowsItToThatSource()
    {
        var page = await sample.Live.SignInAsync(browser.Browser);
        await AppPages.OpenAsync(page, "/?range=all");
        var before = await page.GetByTestId("tile-candidates-value").InnerTextAsync();

        var entry = page.GetByTestId("timeline-chart").Locator(".apexcharts-legend-series").First;
        var source = (await entry.InnerTextAsync()).Trim();
        await entry.ClickAsync();
        await Expect(page.GetByTestId("drill-down")).ToContainTextAsync($"Candidates from {source}");
        await page.GetByTestId("drill-down-narrow").ClickAsync();

        await page.WaitForAddressAsync(url => url.Contains("source=" + Uri.EscapeDataString(source)));
        await Expect(page.GetByTestId("filter-chips")).ToContainTextAsync($"Source: {source}");
        await Expect(page.GetByTestId("tile-candidates-value")).Not.ToHaveTextAsync(before);
    }

    [Fact]
    public async Task TheFunnelNamesItsStagesOnTheChart()
    {
        var page = await sample.Live.SignInAsync(browser.Browser);
        await AppPages.OpenAsync(page, "/funnel?range=all");

        var labels = await page.GetByTestId("funnel-chart").Locator(".apexcharts-datalabels text").AllTextContentsAsync();

        Assert.Contains(labels, l => l.StartsWith("Applied: ", StringComparison.Ordinal));
    }
}
