using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.BrowserTests;

/// <summary>An app with no delivery at all, as a new installation shows it.</summary>
public sealed class EmptyDashboard : IAsyncLifetime
{
    public LiveDashboard Live { get; private set; } = null!;

    public async Task InitializeAsync() => Live = await LiveDashboard.StartAsync();

    public async Task DisposeAsync() => await Live.DisposeAsync();
}

/// <summary>
/// axe-core's WCAG 2.1 A and AA rules find nothing on any page, in light and in dark mode, with data and empty,
/// nor with a drill-down, a filter's list, the date picker or the phone's filter panel open.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser, SampleDashboard sample, EmptyDashboard empty)
    : IClassFixture<SampleDashboard>, IClassFixture<EmptyDashboard>
{
    [Theory]
    [InlineData(true, ColorScheme.Light)]
    [InlineData(true, ColorScheme.Dark)]
    [InlineData(false, ColorScheme.Light)]
    [InlineData(false, ColorScheme.Dark)]
    public async Task NoPageBreaksAnyRule(bool withData, ColorScheme scheme)
    {
        var live = withData ? sample.Live : empty.Live;
        var page = await live.SignInAsync(browser.Browser, context: c => c.ColorScheme = scheme);
        var state = $"{(withData ? "data" : "empty")}, {scheme.ToString().ToLowerInvariant()}";
        var violations = new List<string>();

        foreach (var (path, name) in AppPages.All.Concat(AppPages.WallScreens))
        {
            await AppPages.OpenAsync(page, path);
            violations.AddRange(await AxeScan.ViolationsAsync(page, $"{name} ({state})"));
        }

        Assert.True(violations.Count == 0, string.Join('\n', violations));
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task NothingOpenedFromAPageBreaksAnyRule(ColorScheme scheme)
    {
        var page = await sample.Live.SignInAsync(browser.Browser, context: c => c.ColorScheme = scheme);
        var violations = new List<string>();
        async Task ScanAsync(string what) => violations.AddRange(await AxeScan.ViolationsAsync(page, $"{what} ({scheme.ToString().ToLowerInvariant()})"));

        // A chart's table on screen and the candidates behind one of its bars.
        await AppPages.OpenAsync(page, "/sources");
        await OpenFirstListAsync(page, page.GetByTestId("sources-chart"));
        await ScanAsync("sources drill-down");

        // A referral list.
        await AppPages.OpenAsync(page, "/referrals");
        await OpenFirstListAsync(page, page.GetByTestId("close-reasons"));
        await ScanAsync("referrals drill-down");

        // A filter's list, open.
        await AppPages.OpenAsync(page, "/funnel");
        await page.GetByTestId("filter-source").ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list-item").First).ToBeVisibleAsync();
        await ScanAsync("source list");
        await page.Keyboard.PressAsync("Escape");

        // The date picker of a custom period.
        await AppPages.OpenAsync(page, "/quality?range=custom");
        await page.Locator(".mud-picker input").First.ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-picker-calendar-content").First).ToBeVisibleAsync();
        await ScanAsync("date picker");

        // Saving a view: its dialog, open.
        await AppPages.OpenAsync(page, "/sources?range=all");
        await page.GetByTestId("save-view").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog).GetByLabel("Name")).ToBeVisibleAsync();
        await ScanAsync("save view dialog");
        await page.Keyboard.PressAsync("Escape");

        // The phone's filter panel, open.
        await page.SetViewportSizeAsync(390, 844);
        await AppPages.OpenAsync(page, "/");
        await page.GetByTestId("filter-summary").ClickAsync();
        await Expect(page.GetByTestId("filter-panel")).ToBeVisibleAsync();
        await ScanAsync("phone filter panel");

        Assert.True(violations.Count == 0, string.Join('\n', violations));
    }

    private static async Task OpenFirstListAsync(IPage page, ILocator card)
    {
        await card.Locator("button.chart-table-toggle").ClickAsync();
        await card.Locator("button.chart-table-drill").First.ClickAsync();
        await Expect(page.GetByTestId("drill-down").Locator("tbody tr").First).ToBeVisibleAsync();
    }
}
