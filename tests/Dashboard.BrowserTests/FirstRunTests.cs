using Dashboard.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.BrowserTests;

/// <summary>A new user's first minutes: create the admin, load sample data, see the dashboard filled.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FirstRunTests(BrowserFixture browser) : IAsyncLifetime
{
    private DashboardApplication _app = null!;
    private string _baseUrl = null!;

    public Task InitializeAsync()
    {
        var port = LiveDashboard.FreePort();
        _app = new DashboardApplication();
        _app.UseKestrel(port);
        _app.StartServer();
        _baseUrl = $"http://127.0.0.1:{port}";
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ANewUserCreatesTheAdminLoadsSampleDataAndSeesEveryPageFilled()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = _baseUrl, ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Create the first admin");
        await page.FillAsync("#email", "owner@example.com");
        await page.FillAsync("#password", "first-admin-password");
        await page.FillAsync("#confirm", "first-admin-password");
        await page.ClickAsync("button[type=submit]");
        await Expect(page.GetByTestId("welcome")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("no-data-yet")).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();

        await page.GetByTestId("welcome").GetByRole(AriaRole.Link, new() { Name = "explore with sample data" }).ClickAsync();
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("load-sample-data").ClickAsync();
        await Expect(page.GetByTestId("sample-data-done")).ToContainTextAsync("0 failed", new() { Timeout = 60_000 });

        await page.GotoAsync("/");
        await Expect(page.GetByTestId("tile-candidates-value")).ToHaveTextAsync("200", new() { Timeout = 15_000 });
        await Expect(page.Locator(".apexcharts-canvas").First).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "first-run-overview");

        await page.SetViewportSizeAsync(820, 1180);
        await page.GotoAsync("/funnel");
        await Expect(page.Locator(".apexcharts-canvas").First).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "tablet-funnel");

        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync("/referrals");
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Toggle dark mode" }).ClickAsync();
        await Expect(page.Locator(".apexcharts-canvas").First).ToBeVisibleAsync();
        await page.WaitForTimeoutAsync(500);
        await Screenshots.TakeAsync(page, "dark-referrals");
    }
}
