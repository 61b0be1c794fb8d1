using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.BrowserTests;

/// <summary>Saving a view of a page and opening it again from the navigation, as a recruiter and their colleagues do.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SavedViewsPagesTests(BrowserFixture browser, SampleDashboard sample) : IClassFixture<SampleDashboard>
{
    [Fact]
    public async Task AViewSavedWithItsFiltersOpensFromTheNavigationForEveryone()
    {
        var page = await sample.Live.SignInAsync(browser.Browser);
        await AppPages.OpenAsync(page, "/sources?range=all&source=LinkedIn");

        await page.GetByTestId("save-view").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Name").FillAsync("LinkedIn, all time");
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Share with everyone" }).CheckAsync();
        await Expect(page.GetByTestId("save-view-what")).ToContainTextAsync("Sources · All time · Source: LinkedIn");
        await page.GetByTestId("save-view-confirm").ClickAsync();
        var shared = page.GetByTestId("nav-shared-views");
        await Expect(shared).ToContainTextAsync("LinkedIn, all time");
        await Screenshots.TakeAsync(page, "saved-view-in-navigation");

        await AppPages.OpenAsync(page, "/funnel");
        await shared.GetByRole(AriaRole.Link, new() { Name = "LinkedIn, all time" }).ClickAsync();

        await page.WaitForAddressAsync(url => url.Contains("/sources?") && url.Contains("range=all") && url.Contains("source=LinkedIn"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Sources");
        await Expect(page.GetByTestId("filter-chips")).ToContainTextAsync("Source: LinkedIn");
        await Expect(page.GetByTestId("sources-table").Locator("tbody tr")).ToHaveCountAsync(1);

        var colleague = await sample.Live.SignInAsync(browser.Browser, LiveDashboard.RecruiterEmail);
        await AppPages.OpenAsync(colleague, "/");
        await Expect(colleague.GetByTestId("nav-shared-views")).ToContainTextAsync("LinkedIn, all time");
        await AppPages.OpenAsync(colleague, "/views");
        var row = colleague.GetByTestId("view-row").Filter(new() { HasText = "LinkedIn, all time" });
        await Expect(row).ToContainTextAsync("admin@example.com");
        await Expect(row.GetByTestId("view-delete")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AHostileNameIsShownAsTextAndRunsNothing()
    {
        const string name = "<img src=x onerror=\"window.__ran=1\"><b>bold</b>";
        var page = await sample.Live.SignInAsync(browser.Browser);
        await AppPages.OpenAsync(page, "/locations?range=all");

        await page.GetByTestId("save-view").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByLabel("Name").FillAsync(name);
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Checkbox, new() { Name = "Share with everyone" }).CheckAsync();
        await page.GetByTestId("save-view-confirm").ClickAsync();

        var shared = page.GetByTestId("nav-shared-views");
        await Expect(shared.GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync(name);
        await AppPages.OpenAsync(page, "/views");
        await Expect(page.GetByTestId("views-table")).ToContainTextAsync(name);
        Assert.Equal(0, await page.Locator("nav img, .mud-snackbar img, [data-testid=views-table] img, nav b, [data-testid=views-table] b").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.__ran === undefined"));
    }

    [Fact]
    public async Task AViewKeptToOneselfIsListedUnderYourViewsAndRenamedThere()
    {
        var page = await sample.Live.SignInAsync(browser.Browser, LiveDashboard.RecruiterEmail);
        await AppPages.OpenAsync(page, "/funnel?range=30d");
        await page.GetByTestId("save-view").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByLabel("Name").FillAsync("My month");
        await page.GetByTestId("save-view-confirm").ClickAsync();
        await Expect(page.GetByTestId("nav-own-views")).ToContainTextAsync("My month");

        await AppPages.OpenAsync(page, "/views");
        var row = page.GetByTestId("view-row").Filter(new() { HasText = "My month" });
        await row.GetByTestId("view-rename").ClickAsync();
        await page.GetByLabel("New name for My month").FillAsync("My last 30 days");
        await page.GetByTestId("view-rename-save").ClickAsync();

        await Expect(page.GetByTestId("nav-own-views")).ToContainTextAsync("My last 30 days");
        await Expect(page.GetByTestId("views-table")).ToContainTextAsync("Last 30 days");

        var renamed = page.GetByTestId("view-row").Filter(new() { HasText = "My last 30 days" });
        await renamed.GetByTestId("view-digest").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Email digests");
        await Expect(page.GetByLabel("Name")).ToHaveValueAsync("My last 30 days");
        await Expect(page.GetByLabel("View (the page's address)")).ToHaveValueAsync("/funnel?range=30d");
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();
        await Expect(page.GetByTestId("digest-table")).ToContainTextAsync("My last 30 days");
        await Expect(page.GetByTestId("digest-table").GetByRole(AriaRole.Link, new() { Name = "Funnel (filtered)" })).ToHaveAttributeAsync("href", "/funnel?range=30d");
    }
}
