using System.Net;
using Dashboard.Access;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Dashboard.Tests.Access.Tokens;

namespace Dashboard.Tests.Access.SignIn;

public sealed class SignInTests : IDisposable
{
    private const string AdminEmail = "first.admin@example.com";
    private const string Password = "correct-horse-battery";
    private readonly DashboardApplication _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task EveryPageNeedsSignInAndAnEmptyAppAsksForTheFirstAdmin()
    {
        var browser = new BrowserLikeClient(_app);

        var overview = await browser.Http.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, overview.StatusCode);
        Assert.StartsWith("/account/login", overview.Headers.Location!.PathAndQuery);
        var login = await browser.Http.GetAsync("/account/login");
        Assert.Equal("/setup", login.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task FirstAdminIsCreatedOnceAndSignedIn()
    {
        var browser = new BrowserLikeClient(_app);

        var created = await browser.CreateFirstAdminAsync(AdminEmail, Password);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var cookie = created.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("dashboard.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var home = await browser.Http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var again = await new BrowserLikeClient(_app).Http.GetAsync("/setup");
        Assert.Equal("/account/login", again.Headers.Location!.AbsolutePath);
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        Assert.True(await users.IsInRoleAsync((await users.FindByEmailAsync(AdminEmail))!, Roles.Admin));
    }

    [Fact]
    public async Task FormsWithoutAntiforgeryTokenAreRefused()
    {
        var browser = new BrowserLikeClient(_app);
        var response = await browser.SubmitAsync("/setup", "setup",
            new Dictionary<string, string> { ["Input.Email"] = AdminEmail, ["Input.Password"] = Password, ["Input.Confirm"] = Password },
            withAntiforgery: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Http.GetAsync("/account/login")).StatusCode);
    }

    [Fact]
    public async Task SigningOutWithoutAnAntiforgeryTokenIsRefused()
    {
        var browser = new BrowserLikeClient(_app);
        await browser.CreateFirstAdminAsync(AdminEmail, Password);

        var forged = await browser.Http.PostAsync("/account/logout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task RepeatedWrongPasswordsLockTheAccount()
    {
        await new BrowserLikeClient(_app).CreateFirstAdminAsync(AdminEmail, Password);
        var browser = new BrowserLikeClient(_app);

        for (var i = 0; i < 5; i++)
        {
            var wrong = await browser.SignInAsync(AdminEmail, "not-the-password");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        var locked = await browser.SignInAsync(AdminEmail, Password);

        Assert.Contains(System.Net.WebUtility.HtmlEncode(Dashboard.Access.SignIn.PasswordSignIn.Refusal), await locked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Http.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task SignedInCookieOpensTheApiButNotWithoutIt()
    {
        var browser = new BrowserLikeClient(_app);
        await browser.CreateFirstAdminAsync(AdminEmail, Password);

        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/api/analytics/sources")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.CreateClient().GetAsync("/api/analytics/sources")).StatusCode);
    }
}
