using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.BrowserTests;

/// <summary>
/// Every page on a phone 390 px wide, as a manager glances at it: the title on one line, the filters one line that
/// says what is applied, the figures on the first screen, nothing wider than the screen. The first screen of each
/// page is written to artifacts/screenshots/phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneLayoutTests(BrowserFixture browser, SampleDashboard sample) : IClassFixture<SampleDashboard>
{
    private const int Width = 390;
    private const int Height = 844;

    private Task<IPage> PhoneAsync() => sample.Live.SignInAsync(browser.Browser, context: c =>
    {
        c.ViewportSize = new ViewportSize { Width = Width, Height = Height };
        c.IsMobile = true;
        c.HasTouch = true;
        c.DeviceScaleFactor = 2;
    });

    [Fact]
    public async Task EveryDashboardPageShowsItsFiguresBeforeItsFilters()
    {
        var page = await PhoneAsync();
        foreach (var (path, name) in AppPages.Dashboard)
        {
            await AppPages.OpenAsync(page, path);
            await AssertFitsAsync(page, name);

            var summary = page.GetByTestId("filter-summary");
            await Expect(summary).ToBeVisibleAsync();
            await Expect(summary).ToContainTextAsync("Last 90 days");
            await Expect(page.GetByTestId("filter-panel")).ToBeHiddenAsync();
            Assert.True((await summary.BoundingBoxAsync())!.Height < 48, $"{name}: the filter line takes more than one line");
            var figures = page.Locator("[data-testid^=tile-], .figure-card").First;
            var top = (await figures.BoundingBoxAsync())!.Y;
            Assert.True(top < Height / 2, $"{name}: the first figure starts {top:0} px down a {Height} px screen");
            await Screenshots.TakeFirstScreenAsync(page, "phone", name);
        }
    }

    [Fact]
    public async Task TheFilterLineOpensThePanelAndSaysWhatIsApplied()
    {
        var page = await PhoneAsync();
        await AppPages.OpenAsync(page, "/sources?range=all&source=LinkedIn");
        var summary = page.GetByTestId("filter-summary");
        await Expect(summary).ToContainTextAsync("All time · Source: LinkedIn");
        await Expect(summary).ToHaveAttributeAsync("aria-expanded", "false");

        await summary.ClickAsync();

        await Expect(summary).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(page.GetByTestId("filter-panel")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("filter-source")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("filter-chips")).ToContainTextAsync("Source: LinkedIn");
        await AssertFitsAsync(page, "sources, filters open");
        await Screenshots.TakeFirstScreenAsync(page, "phone", "sources-filters-open");
    }

    [Fact]
    public async Task EveryConsolePageFitsThePhone()
    {
        var page = await PhoneAsync();
        foreach (var (path, name) in AppPages.Console)
        {
            await AppPages.OpenAsync(page, path);
            await AssertFitsAsync(page, name);
            await Screenshots.TakeFirstScreenAsync(page, "phone", name);
        }
    }

    // The title on one line, and nothing but a table's own scroller wider than the screen.
    private static async Task AssertFitsAsync(IPage page, string name)
    {
        var title = page.GetByTestId("app-title");
        if (await title.CountAsync() > 0) Assert.True((await title.BoundingBoxAsync())!.Height < 40, $"{name}: the title wraps");
        var pageWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(pageWidth <= Width, $"{name}: the page is {pageWidth} px wide on a {Width} px screen");
    }
}
