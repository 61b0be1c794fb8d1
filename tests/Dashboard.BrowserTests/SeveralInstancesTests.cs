using System.Diagnostics;
using Dashboard.Tests.Builders;
using Dashboard.Tests.Support;
using Microsoft.Playwright;
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

        // Polled tightly, so the reported delay is the instances' own: A projects, tells B, B's page redraws.
        while (!(await table.InnerTextAsync()).Contains("Job board seen by A") && acknowledged.Elapsed < TimeSpan.FromSeconds(10))
            await Task.Delay(20);
        output.WriteLine($"acknowledged by A → shown on B's open page: {acknowledged.ElapsedMilliseconds} ms");
        await Expect(table).ToContainTextAsync("Job board seen by A");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__stillTheSamePage === true"), "the page was reloaded");
        Assert.True(acknowledged.Elapsed < TimeSpan.FromSeconds(3), $"B's page moved {acknowledged.ElapsedMilliseconds} ms after A acknowledged");
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
        _store.Dispose();
    }
}
