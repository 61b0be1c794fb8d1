using System.Text.Json;
using Dashboard.Access;
using Dashboard.Access.Rights;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.BrowserTests;

/// <summary>An admin page left open in a browser does not outlive its person's admin rights.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RevokedRightsTests(BrowserFixture browser)
{
    private const string ColleagueEmail = "colleague.admin@example.com";

    [Fact]
    public async Task ADemotedAdminsOpenPeoplePageCannotCreateAPerson()
    {
        // Open pages are rechecked only every ten minutes here, so what refuses is the check the action itself makes.
        await using var live = await LiveDashboard.StartAsync(settings: new Dictionary<string, string?> { ["Access:CircuitRevalidation"] = "00:10:00" });
        var adminId = await AddColleagueAsync(live);
        var page = await live.SignInAsync(browser.Browser);
        await page.GotoAsync("/admin/people");
        await page.WaitForInteractiveAsync();

        var colleague = await live.SignInAsync(browser.Browser, ColleagueEmail);
        await DemoteAsync(colleague, live, adminId);

        await page.GetByLabel("Email").FillAsync("after.demotion@example.com");
        await page.GetByTestId("create-person").ClickAsync();

        await Expect(page.GetByTestId("people-problem")).ToHaveTextAsync(ActingPerson.NoLongerAdmin);
        await Expect(page.GetByTestId("one-time-password")).ToHaveCountAsync(0);
        await Screenshots.TakeAsync(page, "admin-people-refused");
        await using var scope = live.App.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>().FindByEmailAsync("after.demotion@example.com"));
    }

    [Fact]
    public async Task ADemotedAdminsOpenPageLeavesTheConsoleWithinSeconds()
    {
        await using var live = await LiveDashboard.StartAsync(settings: new Dictionary<string, string?> { ["Access:CircuitRevalidation"] = "00:00:01" });
        var adminId = await AddColleagueAsync(live);
        var page = await live.SignInAsync(browser.Browser);
        await page.GotoAsync("/admin/people");
        await page.WaitForInteractiveAsync();

        var colleague = await live.SignInAsync(browser.Browser, ColleagueEmail);
        await DemoteAsync(colleague, live, adminId);

        await page.WaitForAddressAsync(url => url.Contains("/account/denied"), 10_000);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Not allowed");
    }

    [Fact]
    public async Task SigningOutEverywhereSendsAnotherBrowsersOpenPageToSignIn()
    {
        await using var live = await LiveDashboard.StartAsync(settings: new Dictionary<string, string?> { ["Access:CircuitRevalidation"] = "00:00:01" });
        var phone = await live.SignInAsync(browser.Browser, LiveDashboard.RecruiterEmail);
        await phone.GotoAsync("/sources");
        await phone.WaitForInteractiveAsync();
        var laptop = await live.SignInAsync(browser.Browser, LiveDashboard.RecruiterEmail);

        await laptop.GotoAsync("/account/password");
        await laptop.GetByTestId("sign-out-everywhere").ClickAsync();

        await laptop.WaitForAddressAsync(url => url.Contains("/account/login"));
        await phone.WaitForAddressAsync(url => url.Contains("/account/login"), 10_000);
        await Expect(phone.Locator("h1")).ToHaveTextAsync("Sign in");
    }

    private static async Task<string> AddColleagueAsync(LiveDashboard live)
    {
        await PeopleOfEveryStanding.AddPersonAsync(live.App, ColleagueEmail, LiveDashboard.Password, Roles.Admin);
        await using var scope = live.App.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>().FindByEmailAsync(LiveDashboard.AdminEmail))!.Id;
    }

    /// <summary>The colleague demotes the admin from their own browser session, as the People page's API would.</summary>
    private static async Task DemoteAsync(IPage colleague, LiveDashboard live, string adminId)
    {
        var answer = await colleague.Context.APIRequest.PutAsync($"/api/admin/users/{adminId}/role", new()
        {
            DataString = JsonSerializer.Serialize(new { role = Roles.Recruiter }),
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json", ["Origin"] = live.BaseUrl },
        });
        Assert.Equal(204, answer.Status);
    }
}
