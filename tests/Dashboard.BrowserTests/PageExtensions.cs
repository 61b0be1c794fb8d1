using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.BrowserTests;

public static class PageExtensions
{
    /// <summary>Waits until the page is live: before that, a click lands on server-rendered HTML and is lost.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        Expect(page.Locator("[data-testid=interactive][data-ready=yes]")).ToHaveCountAsync(1, new() { Timeout = 30_000 });

    /// <summary>
    /// Waits (up to 10 s) for <paramref name="text"/> to appear in <paramref name="locator"/> and returns how long after
    /// <paramref name="since"/> it showed. Polled tightly rather than with Expect's widening intervals, so the delay
    /// reported is the page's own.
    /// </summary>
    public static async Task<TimeSpan> TimeUntilItShowsAsync(this ILocator locator, string text, System.Diagnostics.Stopwatch since)
    {
        while (!(await locator.InnerTextAsync()).Contains(text) && since.Elapsed < TimeSpan.FromSeconds(10))
            await Task.Delay(20);
        var shownAfter = since.Elapsed;
        await Expect(locator).ToContainTextAsync(text);
        return shownAfter;
    }

    /// <summary>
    /// Waits until the page's address is one <paramref name="address"/> accepts, by reading it again and again.
    /// Playwright's own WaitForURLAsync reads the address, then listens for the next navigation: a navigation that lands
    /// between the two is missed, and it times out on a page that is already where it should be (a click that changes
    /// the address in place, as the dashboard's filters do, makes that window easy to hit on a busy machine).
    /// </summary>
    public static async Task WaitForAddressAsync(this IPage page, Func<string, bool> address, int timeoutMilliseconds = 30_000)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!address(page.Url))
        {
            if (waited.ElapsedMilliseconds > timeoutMilliseconds)
                throw new TimeoutException($"After {timeoutMilliseconds} ms the page was still at {page.Url}, not at the address expected.");
            await Task.Delay(25);
        }
    }
}
