using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.BrowserTests;

/// <summary>From a number to the people behind it, and for an admin on to what the senders said.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StoryPagesTests(BrowserFixture browser, SampleDashboard sample) : IClassFixture<SampleDashboard>
{
    private static async Task OpenFirstCandidateAsync(IPage page)
    {
        await AppPages.OpenAsync(page, "/sources?range=all");
        await page.GetByTestId("sources-chart").Locator(".apexcharts-bar-area").First.ClickAsync(new() { Force = true });
        var link = page.GetByTestId("drill-down").GetByTestId("candidate-link").First;
        var name = await link.InnerTextAsync();
        await link.ClickAsync();
        await page.WaitForAddressAsync(url => url.Contains("/candidates/"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(name);
    }

    [Fact]
    public async Task ADrillDownRowLeadsToTheCandidateAndAnAdminOnToTheDelivery()
    {
        var page = await sample.Live.SignInAsync(browser.Browser);
        await OpenFirstCandidateAsync(page);

        await Expect(page.GetByTestId("candidate-statuses").First.Locator("tbody tr").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("candidate-deliveries")).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "candidate");
        var delivery = page.GetByTestId("status-delivery").First;
        var id = (await delivery.InnerTextAsync())["delivery ".Length..];

        await delivery.ClickAsync();

        await page.WaitForAddressAsync(url => url.EndsWith($"/admin/deliveries/{id}", StringComparison.Ordinal));
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Delivery {id}");
    }

    [Fact]
    public async Task ARecruiterReadsTheStoryWithoutTheDeliveries()
    {
        var page = await sample.Live.SignInAsync(browser.Browser, LiveDashboard.RecruiterEmail);
        await OpenFirstCandidateAsync(page);

        await Expect(page.GetByTestId("candidate-statuses").First.Locator("tbody tr").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("status-delivery")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("candidate-deliveries")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AReferralRowLeadsToTheApplicationsEvents()
    {
        var page = await sample.Live.SignInAsync(browser.Browser);
        await AppPages.OpenAsync(page, "/referrals?range=all");
        var card = page.GetByTestId("close-reasons");
        await card.Locator("button.chart-table-toggle").ClickAsync();
        await card.Locator("button.chart-table-drill").First.ClickAsync();

        await page.GetByTestId("drill-down").GetByTestId("application-link").First.ClickAsync();

        await page.WaitForAddressAsync(url => url.Contains("/referrals/applications/"));
        var events = page.GetByTestId("application-events").Locator("tbody tr");
        await Expect(events.First).ToContainTextAsync("received");
        await Expect(events.Last).ToContainTextAsync("closed");
        await Expect(page.GetByTestId("application-events")).ToContainTextAsync("delivery ");
    }
}
