using static Microsoft.Playwright.Assertions;

namespace Dashboard.BrowserTests;

/// <summary>
/// Every page works in Chromium under the strict Content-Security-Policy: it draws, goes live over the Blazor
/// WebSocket, and the browser reports no violation and no error, with sender markup in the figures.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture browser, HostileDashboard hostile) : IClassFixture<HostileDashboard>
{
    [Theory]
    [InlineData("/?range=all", true)]
    [InlineData("/sources?range=all", true)]
    [InlineData("/locations?range=all", true)]
    [InlineData("/funnel?range=all", true)]
    [InlineData("/referrals?range=all", true)]
    [InlineData("/quality?range=all", true)]
    [InlineData("/admin/deliveries", false)]
    [InlineData("/admin/deliveries/{id}", false)]
    [InlineData("/admin/rebuild", false)]
    [InlineData("/admin/endpoints", false)]
    [InlineData("/admin/people", false)]
    [InlineData("/admin/funnel", false)]
    [InlineData("/admin/privacy", false)]
    [InlineData("/admin/audit", false)]
    [InlineData("/account/tokens", false)]
    [InlineData("/setup/sample-data", false)]
    public async Task ASignedInPageWorksWithoutAViolation(string path, bool charts)
    {
        var watch = await PageWatch.SignInAsync(hostile.Live, browser.Browser);

        await watch.Page.GotoAsync(path.Replace("{id}", hostile.HostileDeliveryId.ToString()));

        await Expect(watch.Page.Locator("h1")).ToBeVisibleAsync();
        await watch.Page.WaitForInteractiveAsync();
        if (charts) await Expect(watch.Page.Locator(".apexcharts-canvas").First).ToBeVisibleAsync();
        await watch.SettleAsync();
        await watch.AssertNothingRanAsync();
    }

    [Fact]
    public async Task TheSignInPageWorksWithoutAViolation()
    {
        var watch = await PageWatch.SignedOutAsync(hostile.Live, browser.Browser);

        await watch.Page.GotoAsync("/");

        await watch.Page.WaitForAddressAsync(url => url.Contains("/account/login"));
        await Expect(watch.Page.Locator("h1")).ToBeVisibleAsync();
        await watch.AssertNothingRanAsync();
    }

    [Fact]
    public async Task DarkModeAndThePngExportWorkUnderThePolicy()
    {
        var watch = await PageWatch.SignInAsync(hostile.Live, browser.Browser);
        var page = watch.Page;
        await page.GotoAsync("/sources?range=all");
        await Expect(page.Locator(".apexcharts-canvas").First).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();

        await page.GetByLabel("Toggle dark mode").ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByTestId("sources-chart").GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "PNG" }).ClickAsync());

        Assert.Equal("sources.png", download.SuggestedFilename);
        var png = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        await watch.AssertNothingRanAsync();
    }
}
