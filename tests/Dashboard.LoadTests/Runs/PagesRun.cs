using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Dashboard.LoadTests.Client;
using Dashboard.LoadTests.Targets;
using Dashboard.LoadTests.Traffic;
using Microsoft.Playwright;

namespace Dashboard.LoadTests.Runs;

/// <summary>
/// Open dashboard pages in Chromium: how long after a delivery is acknowledged the figure on an open page shows it
/// (at 1,000 deliveries/s), and what each idle open page costs the app in memory.
/// </summary>
public static class PagesRun
{
    private const string Counter = "tile-deliveries-value";

    // The idle pages are the dashboard's own, all time, as people leave them open: each page costs what it shows.
    private static readonly string[] DashboardPages =
        ["/?range=all", "/sources?range=all", "/locations?range=all", "/funnel?range=all", "/referrals?range=all", "/quality?range=all"];

    public static async Task<int> RunAsync(RunOptions options, TextWriter console)
    {
        var report = RunReport.Start(options, "pages", console);
        var folder = report.Folder;
        var rate = options.Number("rate", 1000);
        var seconds = options.Number("seconds", 20);
        var pages = options.Whole("pages", 50);
        // Development serves the pages' scripts and styles straight from the build output.
        var settings = new Dictionary<string, string>(options.AppSettings()) { ["ASPNETCORE_ENVIRONMENT"] = "Development" };
        // The senders' delivery ids follow from the seed: a store that has been through a run already holds that
        // run's deliveries, and another --seed sends new ones instead of duplicates.
        var traffic = LoadTraffic.Idibu((int)(rate * seconds), duplicateShare: 0, lateShare: 0.05, seed: options.Whole("seed", 7));

        var (app, _) = await Launch.StartAsync(TargetKind.App, folder, (options.Text("store", "") is { Length: > 0 } given ? AppStore.Given(given) : await options.StoreAsync(TargetKind.App, folder, "pages.db")), settings);
        await using (app)
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = "/usr/bin/chromium", Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            });
            // Pages are timed as people meet them: once the figure index is built, not while a large store answers from SQL.
            await app.WaitUntilFiguresReadyAsync(TimeSpan.FromMinutes(5));
            var signedIn = await SignInAsync(browser, app.Address);
            var page = await OpenQualityAsync(browser, signedIn, app.Address);

            // Memory first, on an app that has not yet been through a load run: a collection after one would hide the pages' cost.
            await Task.Delay(TimeSpan.FromSeconds(10));
            var heapBefore = await FullCollection.RunAsync(app.Pid);
            var before = app.ResidentMemory().Current;
            var idle = new List<IPage>();
            var opening = DashboardPages.ToDictionary(path => path, _ => new List<PageOpening>());
            for (var i = 0; i < pages; i++)
            {
                var path = DashboardPages[i % DashboardPages.Length];
                var (opened, times) = await OpenTimedAsync(browser, signedIn, app.Address, path);
                idle.Add(opened);
                opening[path].Add(times);
            }
            ReportOpenings(report, "while the pages before it stay open", opening);
            await Task.Delay(TimeSpan.FromSeconds(15));
            var withPages = app.ResidentMemory().Current;
            var heapAfter = await FullCollection.RunAsync(app.Pid);
            var after = app.ResidentMemory().Current;
            report.Line($"{pages} idle pages open: app RSS after a full collection {RunReport.Megabytes(before)} → {RunReport.Megabytes(after)}, " +
                        $"{(after - before) / 1024.0 / pages:F0} KB per page (before that collection {RunReport.Megabytes(withPages)}); " +
                        $"managed heap alive {RunReport.Megabytes(heapBefore)} → {RunReport.Megabytes(heapAfter)}, {(heapAfter - heapBefore) / 1024.0 / pages:F0} KB per page");
            foreach (var open in idle) await open.Context.CloseAsync();

            // As someone opening the dashboard for the first time meets them: a new browser each time, nothing else open.
            ReportOpenings(report, "alone, in a new browser", await TimeEachPageAsync(rounds: 3, warmUpRounds: 0,
                path => OpenTimedAsync(browser, signedIn, app.Address, path), opened => opened.Context.CloseAsync()));

            // As someone who uses the dashboard meets them: a new tab of the browser they signed in with, which has
            // opened its pages before and keeps their scripts (revalidated by ETag). The first round fills that cache.
            var browsing = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.Address.ToString(), StorageState = signedIn });
            ReportOpenings(report, "alone, in a new tab", await TimeEachPageAsync(rounds: 3, warmUpRounds: 1,
                path => OpenTimedAsync(browsing, path), opened => opened.CloseAsync()));
            await browsing.CloseAsync();

            var delays = await MeasureLiveDelayAsync(page, app, traffic, rate, report);
            report.Line($"acknowledged → shown on an open page at {rate:N0}/s: {delays.Count:N0} deliveries, " +
                        $"p50 {Percentile(delays, 50):F0} ms, p95 {Percentile(delays, 95):F0} ms, max {delays.DefaultIfEmpty().Max():F0} ms");
        }
        return 0;
    }

    /// <summary>Each dashboard page opened and closed again, one after another, in rounds; the warm-up rounds are not counted.</summary>
    private static async Task<Dictionary<string, List<PageOpening>>> TimeEachPageAsync(
        int rounds, int warmUpRounds, Func<string, Task<(IPage Page, PageOpening Times)>> open, Func<IPage, Task> close)
    {
        var openings = DashboardPages.ToDictionary(path => path, _ => new List<PageOpening>());
        for (var round = 0; round < warmUpRounds + rounds; round++)
        {
            foreach (var path in DashboardPages)
            {
                var (opened, times) = await open(path);
                if (round >= warmUpRounds) openings[path].Add(times);
                await close(opened);
            }
        }
        return openings;
    }

    // Signed in already: from asking for the address until no placeholder is left, the page's figures shown; with the
    // moments between, so a slow page says whether the server, the browser's loading or the circuit held it.
    private static void ReportOpenings(RunReport report, string how, Dictionary<string, List<PageOpening>> opening)
    {
        foreach (var (path, times) in opening.Where(o => o.Value.Count > 0))
        {
            var shown = times.Select(t => t.Shown).ToList();
            report.Line($"  opened {path} {how}, until its figures are shown: {times.Count} times, p50 {Percentile(shown, 50):F0} ms, max {shown.Max():F0} ms " +
                        $"(p50 first byte {Percentile(times.Select(t => t.FirstByte).ToList(), 50):F0} ms, " +
                        $"loaded {Percentile(times.Select(t => t.Loaded).ToList(), 50):F0} ms, " +
                        $"interactive {Percentile(times.Select(t => t.Interactive).ToList(), 50):F0} ms)");
        }
    }

    private static async Task<List<double>> MeasureLiveDelayAsync(IPage page, TargetProcess app, IReadOnlyList<LoadRequest> traffic, double rate, RunReport report)
    {
        var baseline = await ReadCounterAsync(page);
        var acknowledged = new ConcurrentBag<long>();
        var shown = new List<(long At, long Value)>();
        using var stop = new CancellationTokenSource();
        var polling = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                shown.Add((Stopwatch.GetTimestamp(), await ReadCounterAsync(page)));
                await Task.Delay(20);
            }
        });

        using var sender = new OpenLoopSender(Launch.LoadTargetFor(app));
        var result = await sender.RunAsync(traffic, rate, acks: null, CancellationToken.None, acknowledged: ack => acknowledged.Add(ack.Timestamp));
        report.Line($"  load while watching: {result.Summary()}");
        var deadline = Stopwatch.StartNew();
        while (shown.Count == 0 || shown[^1].Value < baseline + result.Acknowledged && deadline.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(100);
        await stop.CancelAsync();
        await polling;

        // Every acknowledged delivery is committed, so the count shown can only reach baseline + k once the k-th
        // acknowledgement has happened: its delay is the first moment the page showed at least that many.
        var delays = new List<double>();
        var ordered = acknowledged.Order().ToList();
        var poll = 0;
        for (var k = 0; k < ordered.Count; k++)
        {
            while (poll < shown.Count && (shown[poll].At < ordered[k] || shown[poll].Value < baseline + k + 1)) poll++;
            if (poll == shown.Count) break;
            delays.Add(Stopwatch.GetElapsedTime(ordered[k], shown[poll].At).TotalMilliseconds);
        }
        return delays;
    }

    private static async Task<long> ReadCounterAsync(IPage page)
    {
        var text = await page.GetByTestId(Counter).InnerTextAsync();
        return long.TryParse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value) ? value : 0;
    }

    private static async Task<string> SignInAsync(IBrowser browser, Uri address)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = address.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", Launch.AdminEmail);
        await page.FillAsync("#password", Launch.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
        return await context.StorageStateAsync();
    }

    private static Task<IPage> OpenQualityAsync(IBrowser browser, string signedIn, Uri address) =>
        OpenAsync(browser, signedIn, address, "/quality?range=all");

    private static async Task<IPage> OpenAsync(IBrowser browser, string signedIn, Uri address, string path) =>
        (await OpenTimedAsync(browser, signedIn, address, path)).Page;

    /// <summary>Milliseconds from asking for a page until its load event, its circuit answering, and its figures shown.</summary>
    private sealed record PageOpening(double FirstByte, double Loaded, double Interactive, double Shown);

    private static async Task<(IPage Page, PageOpening Times)> OpenTimedAsync(IBrowser browser, string signedIn, Uri address, string path)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = address.ToString(), StorageState = signedIn });
        return await OpenTimedAsync(context, path);
    }

    private static async Task<(IPage Page, PageOpening Times)> OpenTimedAsync(IBrowserContext context, string path)
    {
        var page = await context.NewPageAsync();
        var started = Stopwatch.GetTimestamp();
        await page.GotoAsync(path);
        var loaded = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        // The server's part: its prerender of the page is done when the first byte of the answer arrives.
        var firstByte = await page.EvaluateAsync<double>("() => performance.getEntriesByType('navigation')[0].responseStart");
        await page.WaitForSelectorAsync("[data-testid=interactive][data-ready=yes]", new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        var interactive = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        // A page has shown its figures when no placeholder is left.
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.mud-skeleton').length === 0", null, new() { Timeout = 60_000 });
        return (page, new PageOpening(firstByte, loaded, interactive, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
    }

    private static double Percentile(List<double> values, double percentile)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
