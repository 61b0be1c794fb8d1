using System.Diagnostics;
using Dashboard.Tests.Builders;
using Dashboard.Tests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.BrowserTests;

/// <summary>
/// Two instances of the app on one PostgreSQL store, as behind a load balancer: a recruiter's page is served by one,
/// a sender's delivery reaches the other.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SeveralInstancesTests(BrowserFixture browser, ITestOutputHelper output) : IAsyncLifetime
{
    private TestDatabase _store = null!;
    private LiveDashboard _a = null!;
    private LiveDashboard _b = null!;

    public async Task InitializeAsync()
    {
        _store = new TestDatabase("PostgreSQL");
        _a = await LiveDashboard.StartAsync(_store);
        _b = await LiveDashboard.StartAsync(_store);
    }

    [Fact]
    public async Task APageOnInstanceBMovesWhenADeliveryIsPostedToInstanceA()
    {
        var first = await _b.Senders.PostIdibuAsync(new IdibuCandidateBuilder().WithId("on-b-1").WithSource("LinkedIn").Build(), "b-1");
        Assert.True(first.IsSuccessStatusCode);
        var page = await _b.SignInAsync(browser.Browser);
        await page.GotoAsync("/sources?range=all");
        var table = page.GetByTestId("sources-table");
        await Expect(table).ToContainTextAsync("LinkedIn");
        await page.EvaluateAsync("() => window.__stillTheSamePage = true");

        var body = new IdibuCandidateBuilder().WithId("on-a-1").WithSource("Job board seen by A")
            .CreatedOn(DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:sszzz")).OnVacancy("9001", "11", "Applicants").Build();
        var answer = await _a.Senders.PostIdibuAsync(body, "a-1");
        var acknowledged = Stopwatch.StartNew();
        Assert.True(answer.IsSuccessStatusCode);

        // A projects, tells B, B's page redraws.
        var shownAfter = await table.TimeUntilItShowsAsync("Job board seen by A", acknowledged);
        output.WriteLine($"acknowledged by A → shown on B's open page: {shownAfter.TotalMilliseconds:0} ms");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__stillTheSamePage === true"), "the page was reloaded");
        Assert.True(shownAfter < TimeSpan.FromSeconds(3), $"B's page moved {shownAfter.TotalMilliseconds:0} ms after A acknowledged");
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
        _store.Dispose();
    }
}
