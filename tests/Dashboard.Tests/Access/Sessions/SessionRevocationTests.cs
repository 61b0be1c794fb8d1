using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Dashboard.Access;
using Dashboard.Access.Sessions;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Dashboard.Tests.Access.SignIn;

namespace Dashboard.Tests.Access.Sessions;

/// <summary>Sign-ins live in the store: ending one, or changing the person behind it, holds at the very next request.</summary>
public sealed class SessionRevocationTests : IAsyncLifetime
{
    private const string Password = PeopleOfEveryStanding.Password;
    private readonly DashboardApplication _app = new(projection: false);
    private HttpClient _operator = null!;

    public Task InitializeAsync()
    {
        _operator = _app.CreateApiClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ADemotedAdminsCookieIsRefusedAdminWorkAtItsNextRequest()
    {
        await PeopleOfEveryStanding.AddPersonAsync(_app, "keeper@example.com", Password, Roles.Admin);
        var leaverId = await PeopleOfEveryStanding.AddPersonAsync(_app, "demoted@example.com", Password, Roles.Admin);
        var leaver = await SignedInAsync("demoted@example.com");
        var keeper = await SignedInAsync("keeper@example.com");
        Assert.Equal(HttpStatusCode.OK, (await leaver.Http.GetAsync("/api/admin/users")).StatusCode);

        var demoted = await keeper.Http.PutAsJsonAsync($"/api/admin/users/{leaverId}/role", new { role = Roles.Recruiter });

        Assert.Equal(HttpStatusCode.NoContent, demoted.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leaver.Http.GetAsync("/api/admin/users")).StatusCode);
        var createdAnyway = await leaver.Http.PostAsJsonAsync("/api/admin/users", new { email = "sneaky@example.com", role = Roles.Admin });
        Assert.Equal(HttpStatusCode.Forbidden, createdAnyway.StatusCode);
        Assert.Null(await FindPersonAsync("sneaky@example.com"));
        // Still signed in, now as what they are: a recruiter.
        Assert.Equal(HttpStatusCode.OK, (await leaver.Http.GetAsync("/api/analytics/sources")).StatusCode);
        Assert.Equal("/account/denied", (await leaver.Http.GetAsync("/admin/people")).Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task ADisabledPersonsCookieIsNotSignedInAnyMore()
    {
        var id = await PeopleOfEveryStanding.AddPersonAsync(_app, "leaver@example.com", Password, Roles.Recruiter);
        var leaver = await SignedInAsync("leaver@example.com");
        Assert.Equal(HttpStatusCode.OK, (await leaver.Http.GetAsync("/api/analytics/sources")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await _operator.PostAsync($"/api/admin/users/{id}/disable", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await leaver.Http.GetAsync("/api/analytics/sources")).StatusCode);
        Assert.StartsWith("/account/login", (await leaver.Http.GetAsync("/")).Headers.Location?.PathAndQuery);
        Assert.Equal(0, await SessionsOfAsync(id));
    }

    [Fact]
    public async Task ACookieCapturedBeforeSignOutIsRefusedAfterIt()
    {
        var id = await PeopleOfEveryStanding.AddPersonAsync(_app, "careful@example.com", Password, Roles.Recruiter);
        var browser = new BrowserLikeClient(_app);
        var captured = BrowserLikeClient.SignInCookieOf(await browser.SignInAsync("careful@example.com", Password));
        var thief = _app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        thief.DefaultRequestHeaders.Add("Cookie", captured);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/api/analytics/sources")).StatusCode);

        var signedOut = await browser.SignOutAsync();

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await thief.GetAsync("/api/analytics/sources")).StatusCode);
        Assert.StartsWith("/account/login", (await thief.GetAsync("/")).Headers.Location?.PathAndQuery);
        Assert.Equal(0, await SessionsOfAsync(id));
    }

    [Fact]
    public async Task SigningOutEverywhereEndsTheSessionInAnotherBrowser()
    {
        await PeopleOfEveryStanding.AddPersonAsync(_app, "two.browsers@example.com", Password, Roles.Recruiter);
        var laptop = await SignedInAsync("two.browsers@example.com");
        var phone = await SignedInAsync("two.browsers@example.com");
        Assert.Equal(HttpStatusCode.OK, (await phone.Http.GetAsync("/api/analytics/sources")).StatusCode);

        var pressed = await laptop.SignOutEverywhereAsync();

        Assert.Equal("/account/login", pressed.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.Http.GetAsync("/api/analytics/sources")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await laptop.Http.GetAsync("/api/analytics/sources")).StatusCode);
    }

    [Fact]
    public async Task AnAdminSignsSomeoneOutEverywhereAndTheirTokensStay()
    {
        var id = await PeopleOfEveryStanding.AddPersonAsync(_app, "lost.laptop@example.com", Password, Roles.Recruiter);
        var browser = await SignedInAsync("lost.laptop@example.com");
        var token = await (await browser.Http.PostAsJsonAsync("/api/me/tokens", new { name = "reports" }))
            .Content.ReadFromJsonAsync<Dashboard.Access.Tokens.IssuedToken>();

        Assert.Equal(HttpStatusCode.NoContent, (await _operator.PostAsync($"/api/admin/users/{id}/sign-out-everywhere", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.Http.GetAsync("/api/analytics/sources")).StatusCode);
        var script = _app.CreateClient();
        script.DefaultRequestHeaders.Authorization = new("Bearer", token!.Token);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/analytics/sources")).StatusCode);
    }

    [Fact]
    public async Task APasswordResetEndsThePersonsSessions()
    {
        var id = await PeopleOfEveryStanding.AddPersonAsync(_app, "reset.me@example.com", Password, Roles.Recruiter);
        var browser = await SignedInAsync("reset.me@example.com");

        Assert.Equal(HttpStatusCode.OK, (await _operator.PostAsync($"/api/admin/users/{id}/reset-password", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.Http.GetAsync("/api/analytics/sources")).StatusCode);
    }

    [Fact]
    public async Task TheCookieHoldsOnlyASessionKeyAndTheStoreOnlyItsHash()
    {
        var id = await PeopleOfEveryStanding.AddPersonAsync(_app, "curious@example.com", Password, Roles.Admin);
        var cookie = BrowserLikeClient.SignInCookieOf(await new BrowserLikeClient(_app).SignInAsync("curious@example.com", Password));

        var format = _app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).TicketDataFormat;
        var inCookie = format.Unprotect(Uri.UnescapeDataString(cookie["dashboard.auth=".Length..]))!;

        var claim = Assert.Single(inCookie.Principal.Claims);
        Assert.DoesNotContain(inCookie.Principal.Claims, c => c.Type == ClaimTypes.Role || c.Value.Contains("curious"));
        await using var db = await _app.CreateDbContextAsync();
        var session = await db.Set<SignInSession>().SingleAsync(s => s.UserId == id);
        Assert.Equal(SignInSessionStore.IdOf(claim.Value), session.Id);
        Assert.NotEqual(claim.Value, session.Id);
    }

    [Fact]
    public async Task AnExpiredSessionIsRefusedAndSweptAway()
    {
        var id = await PeopleOfEveryStanding.AddPersonAsync(_app, "gone.quiet@example.com", Password, Roles.Recruiter);
        var browser = await SignedInAsync("gone.quiet@example.com");
        await using (var db = await _app.CreateDbContextAsync())
            await db.Set<SignInSession>().Where(s => s.UserId == id)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)));

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.Http.GetAsync("/api/analytics/sources")).StatusCode);
        await _app.Services.GetRequiredService<SignInSessionStore>().RemoveExpiredAsync(CancellationToken.None);
        Assert.Equal(0, await SessionsOfAsync(id));
    }

    private async Task<BrowserLikeClient> SignedInAsync(string email)
    {
        var browser = new BrowserLikeClient(_app);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(email, Password)).StatusCode);
        return browser;
    }

    private async Task<DashboardUser?> FindPersonAsync(string email)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>().FindByEmailAsync(email);
    }

    private async Task<int> SessionsOfAsync(string userId)
    {
        await using var db = await _app.CreateDbContextAsync();
        return await db.Set<SignInSession>().CountAsync(s => s.UserId == userId);
    }
}
