using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.BrowserTests;

public static class PageExtensions
{
    /// <summary>Waits until the page is live: before that, a click lands on server-rendered HTML and is lost.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        Expect(page.Locator("[data-testid=interactive][data-ready=yes]")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
}
