using Dashboard.Tests.Builders;
using Dashboard.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.BrowserTests;

/// <summary>The admin console in Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminPagesTests(BrowserFixture browser) : IAsyncLifetime
{
    private LiveDashboard _live = null!;

    public async Task InitializeAsync() => _live = await LiveDashboard.StartAsync();

    public async Task DisposeAsync() => await _live.DisposeAsync();

    [Fact]
    public async Task AnAdminCreatesAPersonAndSeesTheirOneTimePasswordOnce()
    {
        var page = await _live.SignInAsync(browser.Browser);
        await page.GotoAsync("/admin/people");
        await page.WaitForInteractiveAsync();

        await page.GetByLabel("Email").FillAsync("new.person@example.com");
        await page.GetByTestId("create-person").ClickAsync();

        await Expect(page.GetByTestId("one-time-password")).ToContainTextAsync("new.person@example.com");
        await Expect(page.GetByTestId("people-table")).ToContainTextAsync("new.person@example.com");
        await Screenshots.TakeAsync(page, "admin-people");
        await page.ReloadAsync();
        await Expect(page.GetByTestId("one-time-password")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task EditingTheFunnelMappingChangesTheFunnelPage()
    {
        await _live.Senders.PostIdibuAsync(new IdibuCandidateBuilder().WithId("f1").OnVacancy("v1", "241", "Placed", "extra").Build(), "f1");
        await _live.App.ProjectAsync();
        var page = await _live.SignInAsync(browser.Browser);
        await page.GotoAsync("/funnel?range=all");
        var table = page.GetByTestId("funnel-table");
        await Expect(table.Locator("tr", new() { HasText = "Placed" })).ToContainTextAsync("1");

        await page.GotoAsync("/admin/funnel");
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("map-extra:241").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Nothing (not counted)" }).ClickAsync();
        await page.GetByTestId("save-funnel").ClickAsync();
        await Expect(page.GetByTestId("funnel-saved")).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "admin-funnel");

        await page.GotoAsync("/funnel?range=all");
        await Expect(page.GetByTestId("no-data-yet").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AnAdminGeneratesAKeyAndTheUrlShownReceivesDeliveries()
    {
        var page = await _live.SignInAsync(browser.Browser);
        await page.GotoAsync("/admin/endpoints");
        await page.WaitForInteractiveAsync();

        await page.GetByTestId("new-key-idibu").ClickAsync();

        var url = await page.GetByTestId("issued-url").InnerTextAsync();
        Assert.StartsWith(_live.BaseUrl + "/webhooks/idibu/", url);
        var response = await _live.Senders.PostIdibuAsync(
            new IdibuCandidateBuilder().WithId("console-1").WithSource("Zebra Careers Fair").Build(), "via-ui-key", key: url.Split('/')[^1]);
        Assert.True(response.IsSuccessStatusCode);
        await Screenshots.TakeAsync(page, "admin-endpoints");

        await page.GotoAsync("/admin/deliveries");
        await page.WaitForInteractiveAsync();
        await page.GetByLabel("Text in the body").FillAsync("Zebra Careers");
        await page.GetByLabel("Text in the body").PressAsync("Enter");
        await page.WaitForAddressAsync(u => u.Contains("text=Zebra"));
        var rows = page.GetByTestId("deliveries-table").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await rows.First.ClickAsync();

        await Expect(page.GetByTestId("delivery-body")).ToContainTextAsync("Zebra Careers Fair");
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("replay").ClickAsync();
        await Expect(page.GetByTestId("replay-done")).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "admin-delivery");

        await page.GotoAsync("/admin/deliveries?text=Zebra");
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("replay-matching").ClickAsync();
        // The dry run copies the whole store and projects the copy: a server-side job, not a page update.
        await Expect(page.GetByTestId("replay-preview")).ToContainTextAsync("1 deliveries would be replayed", new() { Timeout = 30_000 });
        await page.GetByTestId("replay-confirm").ClickAsync();
        await Expect(page.GetByText("1 deliveries queued for replay.")).ToBeVisibleAsync();

        await page.GotoAsync("/admin/audit");
        await Expect(page.GetByTestId("audit-table")).ToContainTextAsync("key.created");
        await Expect(page.GetByTestId("audit-table")).Not.ToContainTextAsync(url.Split('/')[^1]);
        await Screenshots.TakeAsync(page, "admin-audit");
    }
}
