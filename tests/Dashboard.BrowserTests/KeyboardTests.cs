using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.BrowserTests;

/// <summary>
/// Everything without a mouse: sign in, skip to the content, move through the navigation, change a filter, open a
/// drill-down from a chart and export its CSV, with Tab, the arrow keys and Enter only. Every stop on the way can be
/// seen when it has the focus.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardTests(BrowserFixture browser, SampleDashboard sample) : IClassFixture<SampleDashboard>
{
    [Fact]
    public async Task AKeyboardOnlyRecruiterDoesWhatAMouseDoes()
    {
        var context = await sample.Live.NewContextAsync(browser.Browser, new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        var unseen = new List<string>();

        // Sign in.
        await page.GotoAsync("/account/login");
        await TabToAsync(page, page.Locator("#email"), unseen);
        await page.Keyboard.TypeAsync(LiveDashboard.AdminEmail);
        await TabToAsync(page, page.Locator("#password"), unseen);
        await page.Keyboard.TypeAsync(LiveDashboard.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForAddressAsync(url => !url.Contains("/account/login"));
        await page.WaitForInteractiveAsync();

        // The page opens with the focus on its heading. The skip link is the first stop of the page, in sight when
        // reached (here from the heading back up); it leads past the app bar and the navigation into the page.
        var skip = page.GetByTestId("skip-link");
        Assert.True(await skip.EvaluateAsync<bool>("e => e === document.querySelector('a[href], button, input, [tabindex]:not([tabindex=\"-1\"])')"),
            "the skip link is not the page's first stop");
        await TabToAsync(page, skip, unseen, shiftTab: true);
        var box = (await skip.BoundingBoxAsync())!;
        Assert.True(box.Y >= 0 && box.Height > 0, "the skip link is out of sight when focused");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('main').contains(document.activeElement)"),
            "after the skip link the next Tab left the page's content");

        // Through the navigation to Sources.
        await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Sources", Exact = true }), unseen, shiftTab: true);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForAddressAsync(url => url.EndsWith("/sources"));
        await Expect(page.GetByTestId("sources-table")).ToContainTextAsync("LinkedIn");
        await ExpectHeadingFocusedAsync(page);

        // A filter: open the source list, choose one with the arrow keys.
        await TabToAsync(page, page.GetByTestId("filter-source"), unseen);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".mud-popover-open .mud-list-item").First).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForAddressAsync(url => url.Contains("source="));
        await Expect(page.GetByTestId("filter-chips")).ToContainTextAsync("Source: ");
        var source = Uri.UnescapeDataString(page.Url.Split("source=")[1].Split('&')[0]);

        // Into the chart, to its first bar, and Enter lists the candidates behind it; the focus follows to the list.
        await TabToAsync(page, page.GetByTestId("sources-chart").Locator("svg.apexcharts-svg"), unseen);
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.Keyboard.PressAsync("Enter");
        var drill = page.GetByTestId("drill-down");
        await Expect(drill).ToContainTextAsync($"Candidates from {source}");
        await Expect(drill.Locator("h2")).ToBeFocusedAsync();
        await Expect(drill.Locator("tbody tr").First).ToBeVisibleAsync();
        var names = await drill.Locator("tbody tr td:first-child").AllInnerTextsAsync();

        // Its CSV, with Enter: the rows the list shows.
        await TabToAsync(page, page.GetByTestId("drill-down-csv"), unseen);
        var download = await page.RunAndWaitForDownloadAsync(() => page.Keyboard.PressAsync("Enter"));
        var csv = (await File.ReadAllLinesAsync((await download.PathAsync())!)).Where(l => l.Length > 0).ToList();
        Assert.Equal(names.Count, csv.Count - 1);
        Assert.All(names, name => Assert.Contains(csv, line => line.Contains(name.Trim())));

        Assert.True(unseen.Count == 0, "focused but not visible: " + string.Join(", ", unseen));
    }

    [Fact]
    public async Task TheChartsFiguresShowAsATableWhoseRowsOpenTheirLists()
    {
        var page = await sample.Live.SignInAsync(browser.Browser);
        await AppPages.OpenAsync(page, "/locations");
        await ExpectHeadingFocusedAsync(page);
        var unseen = new List<string>();

        var toggle = page.GetByTestId("locations-chart").Locator("button.chart-table-toggle");
        await TabToAsync(page, toggle, unseen);
        await page.Keyboard.PressAsync("Enter");
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        var table = page.GetByTestId("locations-chart").GetByTestId("chart-table");
        await Expect(table).ToBeVisibleAsync();
        var first = table.Locator("button.chart-table-drill").First;
        var place = (await first.InnerTextAsync()).Trim();

        await TabToAsync(page, first, unseen);
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByTestId("drill-down")).ToContainTextAsync($"Candidates in {place}");
        Assert.Empty(unseen);
    }

    [Fact]
    public async Task TheFiguresTableSortsFromTheKeyboard()
    {
        var page = await sample.Live.SignInAsync(browser.Browser);
        await AppPages.OpenAsync(page, "/sources?range=all");
        await ExpectHeadingFocusedAsync(page);
        var unseen = new List<string>();
        var table = page.GetByTestId("sources-table");
        var header = table.Locator("th", new() { Has = page.GetByTestId("sort-source") });
        await Expect(header).ToHaveAttributeAsync("aria-sort", "none");

        await TabToAsync(page, page.GetByTestId("sort-source"), unseen);
        await page.Keyboard.PressAsync("Enter");

        await Expect(header).ToHaveAttributeAsync("aria-sort", "ascending");
        var sources = (await table.Locator("tbody tr td:first-child").AllInnerTextsAsync()).Select(s => s.Trim()).ToList();
        Assert.Equal(sources.Order(StringComparer.CurrentCulture), sources);
        await page.Keyboard.PressAsync("Enter");
        await Expect(header).ToHaveAttributeAsync("aria-sort", "descending");
        Assert.Empty(unseen);
    }

    /// <summary>
    /// A page opens with the focus on its heading, moved there once the page is live. Tabbing starts from there: a
    /// focus that moved while Tab was being pressed would send the presses back to the top of the page.
    /// </summary>
    private static Task ExpectHeadingFocusedAsync(IPage page) => Expect(page.Locator("h1")).ToBeFocusedAsync();

    /// <summary>
    /// Presses Tab (or Shift+Tab) until <paramref name="target"/> or something inside it has the focus, noting every
    /// stop on the way that has the focus but cannot be seen.
    /// </summary>
    private static async Task TabToAsync(IPage page, ILocator target, List<string> unseen, bool shiftTab = false, int most = 60)
    {
        await Expect(target).ToBeVisibleAsync();
        for (var presses = 0; presses < most; presses++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement || e.contains(document.activeElement)")) return;
            await page.Keyboard.PressAsync(shiftTab ? "Shift+Tab" : "Tab");
            var hidden = await page.EvaluateAsync<string?>("""
                () => {
                  const e = document.activeElement;
                  if (!e || e === document.body) return null;
                  const box = e.getBoundingClientRect();
                  const style = getComputedStyle(e);
                  const seen = box.width > 1 && box.height > 1 && style.visibility !== 'hidden' && style.opacity !== '0'
                    && !e.closest('.sr-only');
                  return seen ? null : `${e.localName}.${e.className} "${(e.textContent || '').trim().slice(0, 40)}"`;
                }
                """);
            if (hidden is not null) unseen.Add(hidden);
        }
        throw new Xunit.Sdk.XunitException($"{most} presses of Tab never reached {target}");
    }
}
