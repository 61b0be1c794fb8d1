using Dashboard.Tests.Builders;
using Dashboard.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.BrowserTests;

/// <summary>The Referrals page in Chromium, with a close reason no recruiter chose: made up by the sender.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReferralsPageTests(BrowserFixture browser) : IAsyncLifetime
{
    private LiveDashboard _live = null!;

    public async Task InitializeAsync()
    {
        _live = await LiveDashboard.StartAsync();
        var today = DateTime.UtcNow.Date;
        string At(int daysAgo) => today.AddDays(-daysAgo).ToString("yyyy-MM-dd 09:00:00.000Z");
        var batch = new FirstbirdBatchBuilder()
            .Received("a1", At(10)).Closed("a1", At(8), "<b>X</b>").Rated("a1", At(7), "A")
            .Received("a2", At(9)).Hired("a2", At(5), payReward: true).Rated("a2", At(4), "B");
        await _live.Senders.PostFirstbirdAsync(batch.Build());
        await _live.App.ProjectAsync();
    }

    public async Task DisposeAsync() => await _live.DisposeAsync();

    [Fact]
    public async Task TheOtherCloseReasonOpensAListShowingWhatTheSenderWrote()
    {
        var page = await _live.SignInAsync(browser.Browser);
        await page.GotoAsync("/referrals?range=all");
        await Expect(page.GetByTestId("tile-hired-value")).ToHaveTextAsync("1");
        await Expect(page.GetByTestId("tile-reward-value")).ToHaveTextAsync("1");
        var reasons = page.GetByTestId("close-reasons");
        await Expect(reasons).ToContainTextAsync("Other");
        await Expect(reasons).Not.ToContainTextAsync("<b>X</b>");

        await page.WaitForInteractiveAsync();
        await reasons.Locator(".apexcharts-bar-area").First.ClickAsync(new() { Force = true });

        var drill = page.GetByTestId("drill-down");
        await Expect(drill).ToContainTextAsync("Referrals closed as Other");
        await Expect(drill.Locator("tbody td").Filter(new() { HasTextString = "<b>X</b>" })).ToBeVisibleAsync();
        Assert.Equal(0, await drill.Locator("tbody b").CountAsync());
        await Screenshots.TakeAsync(page, "referrals-other-drill-down");
    }
}
