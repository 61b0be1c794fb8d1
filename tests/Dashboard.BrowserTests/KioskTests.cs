using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dashboard.Kiosk;
using Dashboard.Tests.Builders;
using Dashboard.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.BrowserTests;

/// <summary>A wall screen on a television's browser: nobody signs in, nobody touches it, the figures keep up.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KioskTests(BrowserFixture browser, SampleDashboard sample) : IClassFixture<SampleDashboard>
{
    private async Task<string> CreateAsync(string pages, int seconds)
    {
        using var admin = new HttpClient { BaseAddress = new Uri(sample.Live.BaseUrl) };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DashboardApplication.ApiToken);
        var answer = await admin.PostAsJsonAsync("/api/admin/kiosks", new { name = "Sales floor", pages, seconds });
        answer.EnsureSuccessStatusCode();
        return (await answer.Content.ReadFromJsonAsync<IssuedKiosk>())!.Address;
    }

    private async Task<IPage> TelevisionAsync(string address)
    {
        var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1920, Height = 1080 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(address);
        await page.WaitForInteractiveAsync();
        return page;
    }

    [Fact]
    public async Task AWallScreenTurnsItsPagesWithoutASignIn()
    {
        var page = await TelevisionAsync(await CreateAsync("overview,sources", seconds: 5));

        await Expect(page.Locator("h1")).ToHaveTextAsync("Overview");
        await Expect(page.GetByTestId("kiosk-position")).ToContainTextAsync("Overview · 1 of 2");
        Assert.Equal(0, await page.Locator(".mud-drawer, .mud-appbar, [data-testid=filter-summary]").CountAsync());
        await Expect(page.Locator("[data-testid=tile-candidates-value]")).Not.ToHaveTextAsync("–");
        await Expect(page.Locator(".apex-chart .apexcharts-bar-area").First).ToBeVisibleAsync();
        // A television takes no clicks, so nothing on it says to click.
        await Expect(page.Locator(".click-hint")).ToBeHiddenAsync();
        // The picture after the bars have grown.
        await page.WaitForTimeoutAsync(1_000);
        await Screenshots.TakeAsync(page, "wall-screen");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Sources", new() { Timeout = 15_000 });
        await Expect(page.GetByTestId("sources-table")).ToContainTextAsync("LinkedIn");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Overview", new() { Timeout = 15_000 });
        Assert.DoesNotContain("/account/login", page.Url);
    }

    [Fact]
    public async Task AWallScreenShowsADeliveryAsItArrives()
    {
        var page = await TelevisionAsync(await CreateAsync("sources", seconds: 3_600));
        var table = page.GetByTestId("sources-table");
        await Expect(table).ToContainTextAsync("LinkedIn");
        await page.EvaluateAsync("() => window.__stillTheSameScreen = true");

        var body = new IdibuCandidateBuilder().WithId("wall-1").WithSource("Job fair on the wall")
            .CreatedOn(DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:sszzz")).OnVacancy("9101", "11", "Applicants").Build();
        Assert.True((await sample.Live.Senders.PostIdibuAsync(body, "wall-1")).IsSuccessStatusCode);

        await Expect(table).ToContainTextAsync("Job fair on the wall");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__stillTheSameScreen === true"));
    }

    [Fact]
    public async Task AWallScreenForAPersonSignedInShowsAnyPageTheyChoose()
    {
        var page = await sample.Live.SignInAsync(browser.Browser, LiveDashboard.RecruiterEmail);
        await page.GotoAsync("/kiosk?pages=funnel&seconds=60&theme=dark");
        await page.WaitForInteractiveAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Funnel");
        await Expect(page.GetByTestId("kiosk-bar")).ToContainTextAsync("Wall screen");
        await Expect(page.Locator("[data-testid=funnel-chart] .apexcharts-canvas")).ToBeVisibleAsync();
    }
}
