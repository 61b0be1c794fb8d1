using Microsoft.Playwright;

namespace Dashboard.BrowserTests;

/// <summary>
/// Watches a signed-in page for what must never happen: a Content-Security-Policy violation, a console error, an
/// uncaught script error, a dialog, or sender text that ran as script (<c>window.__xss</c>) or became an element.
/// </summary>
public sealed class PageWatch
{
    // Runs in every document before the page's own scripts. Firstbird values arrive upper-cased, so a payload there
    // reads WINDOW.__XSS=1: the alias lets it reach the window if it ever runs.
    private const string Watcher = """
        window.WINDOW = window;
        document.addEventListener('securitypolicyviolation', e =>
          window.reportViolation(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'}: ${e.sample}`));
        """;

    private readonly List<string> _violations = [];
    private readonly List<string> _errors = [];
    private readonly List<string> _dialogs = [];

    private PageWatch(IPage page) => Page = page;

    public IPage Page { get; }

    public static async Task<PageWatch> SignInAsync(LiveDashboard live, IBrowser browser, string email = LiveDashboard.AdminEmail) =>
        await WatchAsync(await live.SignInAsync(browser, email));

    /// <summary>A page nobody has signed in on.</summary>
    public static async Task<PageWatch> SignedOutAsync(LiveDashboard live, IBrowser browser)
    {
        var context = await live.NewContextAsync(browser, new BrowserNewContextOptions());
        return await WatchAsync(await context.NewPageAsync());
    }

    /// <summary>Watches the documents the page opens from now on.</summary>
    private static async Task<PageWatch> WatchAsync(IPage page)
    {
        var watch = new PageWatch(page);
        await page.Context.ExposeFunctionAsync("reportViolation", (string violation) => { lock (watch._violations) watch._violations.Add(violation); });
        await page.Context.AddInitScriptAsync(Watcher);
        page.Console += (_, message) =>
        {
            if (message.Type == "error") lock (watch._errors) watch._errors.Add(message.Text);
        };
        page.PageError += (_, error) => { lock (watch._errors) watch._errors.Add(error); };
        page.Dialog += async (_, dialog) =>
        {
            lock (watch._dialogs) watch._dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        return watch;
    }

    /// <summary>
    /// Returns once the page has painted and run the tasks it had queued. A violation is reported to this watch as it
    /// happens, on the same channel as this call's answer, so any the page met so far has been counted by then.
    /// </summary>
    public Task SettleAsync() => Page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => setTimeout(done, 0)))");

    /// <summary>Asserts that nothing has gone wrong on the open page, nor on any page before it.</summary>
    public async Task AssertNothingRanAsync()
    {
        Assert.False(await Page.EvaluateAsync<bool>("() => window.__xss !== undefined || window.__XSS !== undefined"), "sender text ran as script");
        Assert.Empty(await Page.EvaluateAsync<string[]>("""
            () => {
              const found = [];
              for (const element of document.querySelectorAll('*'))
                for (const attribute of element.attributes)
                  if (/^on/i.test(attribute.name)) found.push(`<${element.localName} ${attribute.name}>`);
              for (const script of document.querySelectorAll('script:not([src])')) found.push('<script> without src');
              for (const image of document.querySelectorAll('img')) found.push(`<img src=${image.getAttribute('src')}>`);
              return found;
            }
            """));
        lock (_violations) Assert.Empty(_violations);
        lock (_errors) Assert.Empty(_errors);
        lock (_dialogs) Assert.Empty(_dialogs);
    }
}
