using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dashboard.Simulation;
using Dashboard.Tests.Builders;
using Dashboard.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.BrowserTests;

/// <summary>One app filled with eight weeks of sample traffic, shared by the page tests (none of them removes anything).</summary>
public sealed class SampleDashboard : IAsyncLifetime
{
    public LiveDashboard Live { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Live = await LiveDashboard.StartAsync();
        var traffic = SampleTrafficGenerator.Generate(new SampleTrafficOptions
        {
            Candidates = 80, Seed = 5, Start = DateTimeOffset.UtcNow.Date.AddDays(-56),
        });
        await new SampleTrafficSender(Live.Senders)
            .SendAsync(traffic, DashboardApplication.IdibuKey, DashboardApplication.FirstbirdKey, 4, CancellationToken.None);
        await Live.App.ProjectAsync();
    }

    public async Task DisposeAsync() => await Live.DisposeAsync();
}

/// <summary>Whole pages in Chromium against the app on a real port, as a recruiter uses them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardPagesTests(BrowserFixture browser, SampleDashboard sample, ITestOutputHelper output) : IClassFixture<SampleDashboard>
{
    private readonly LiveDashboard _live = sample.Live;

    [Theory]
    [InlineData("/", "overview")]
    [InlineData("/sources", "sources")]
    [InlineData("/locations", "locations")]
    [InlineData("/funnel", "funnel")]
    [InlineData("/referrals", "referrals")]
    [InlineData("/quality", "quality")]
    [InlineData("/admin/deliveries", "deliveries")]
    public async Task EveryPageShowsItsFigures(string path, string name)
    {
        var page = await _live.SignInAsync(browser.Browser);
        await page.GotoAsync(path);

        await Expect(page.Locator("h1")).ToBeVisibleAsync();
        if (path != "/admin/deliveries")
        {
            await Expect(page.Locator(".apexcharts-canvas").First).ToBeVisibleAsync();
            await Expect(page.GetByTestId("as-of")).Not.ToHaveTextAsync("…");
        }
        else
        {
            await Expect(page.GetByTestId("deliveries-table").Locator("tbody tr").First).ToBeVisibleAsync();
        }
        // Candidates' emails (the sample's end in their six-digit id) never reach a chart page.
        Assert.DoesNotMatch(@"\d{6}@example\.com", await page.ContentAsync());
        await page.WaitForTimeoutAsync(400);
        await Screenshots.TakeAsync(page, name);
    }

    [Fact]
    public async Task FiguresMoveWithoutAReloadWhenADeliveryArrives()
    {
        var page = await _live.SignInAsync(browser.Browser);
        await page.GotoAsync("/sources?range=all");
        var table = page.GetByTestId("sources-table");
        await Expect(table).ToContainTextAsync("LinkedIn");
        await page.EvaluateAsync("() => window.__stillTheSamePage = true");

        var body = new IdibuCandidateBuilder().WithId("brand-new-1").WithSource("Brand new job board")
            .CreatedOn(DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:sszzz")).OnVacancy("9001", "11", "Applicants").Build();
        var answer = await _live.Senders.PostIdibuAsync(body, "live-1");
        var acknowledged = System.Diagnostics.Stopwatch.StartNew();
        Assert.True(answer.IsSuccessStatusCode);

        var shownAfter = await table.TimeUntilItShowsAsync("Brand new job board", acknowledged);
        output.WriteLine($"acknowledged → shown on the open page: {shownAfter.TotalMilliseconds:0} ms");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__stillTheSamePage === true"));
        await Expect(page.GetByTestId("live-marker")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AFilterChangesTheFiguresAndTheUrlAndTheLinkReproducesTheView()
    {
        var page = await _live.SignInAsync(browser.Browser);
        await page.GotoAsync("/sources?range=all");
        var table = page.GetByTestId("sources-table");
        await Expect(table).ToContainTextAsync("Indeed");

        await page.WaitForInteractiveAsync();
        await page.GetByTestId("filter-source").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "LinkedIn" }).ClickAsync();

        await page.WaitForAddressAsync(url => url.Contains("source=LinkedIn"));
        await Expect(table).Not.ToContainTextAsync("Indeed");
        await Expect(page.GetByTestId("filter-chips")).ToContainTextAsync("Source: LinkedIn");
        var shown = await table.InnerTextAsync();

        var second = await page.Context.NewPageAsync();
        await second.GotoAsync(page.Url);
        await Expect(second.GetByTestId("sources-table")).ToContainTextAsync("LinkedIn");
        Assert.Equal(shown, await second.GetByTestId("sources-table").InnerTextAsync());
    }

    [Fact]
    public async Task ClickingABarListsTheCandidatesBehindIt()
    {
        var page = await _live.SignInAsync(browser.Browser);
        await page.GotoAsync("/sources?range=all");
        await Expect(page.Locator(".apexcharts-bar-area").First).ToBeVisibleAsync();

        await page.WaitForInteractiveAsync();
        await page.Locator(".apexcharts-bar-area").First.ClickAsync(new() { Force = true });

        var drill = page.GetByTestId("drill-down");
        await Expect(drill).ToBeVisibleAsync();
        await Expect(drill.Locator("tbody tr").First).ToBeVisibleAsync();
        await Expect(drill).ToContainTextAsync("Candidates from");
        await Screenshots.TakeAsync(page, "sources-drill-down");
    }

    [Fact]
    public async Task TheCsvDownloadHoldsExactlyTheApisFigures()
    {
        var page = await _live.SignInAsync(browser.Browser);
        await page.GotoAsync("/sources?range=all");
        await Expect(page.GetByTestId("sources-table")).ToContainTextAsync("LinkedIn");

        await page.WaitForInteractiveAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("sources-chart-csv").ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);

        using var api = new HttpClient { BaseAddress = new Uri(_live.BaseUrl) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DashboardApplication.ApiToken);
        var sources = await api.GetFromJsonAsync<List<Dashboard.Analytics.SourceFigure>>("/api/analytics/sources");
        var lines = csv.Trim().Split('\n').Select(l => l.Trim()).ToList();
        Assert.Equal("source,candidates,placed", lines[0]);
        Assert.Equal(sources!.Select(s => $"{s.Source},{s.Candidates},{s.Placed}"), lines.Skip(1));
    }

    [Fact]
    public async Task ARecruiterGetsNoAdminPage()
    {
        var page = await _live.SignInAsync(browser.Browser, LiveDashboard.RecruiterEmail);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Overview");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Deliveries" })).ToHaveCountAsync(0);

        await page.GotoAsync("/admin/deliveries");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Not allowed");
        Assert.Contains("/account/denied", page.Url);

        await page.GotoAsync("/");
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForAddressAsync(url => url.Contains("/account/login"));
    }
}
