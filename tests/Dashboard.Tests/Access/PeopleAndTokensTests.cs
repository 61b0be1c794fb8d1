using System.Net;
using System.Net.Http.Json;
using Dashboard.Access.People;
using Dashboard.Access.SignIn;
using Dashboard.Access.Tokens;
using Dashboard.Tests.Support;
using Dashboard.Tests.Access.SignIn;

namespace Dashboard.Tests.Access;

public sealed class PeopleAndTokensTests : IDisposable
{
    private readonly DashboardApplication _app = new(settings: new Dictionary<string, string?>
    {
        ["Dashboard:AdminEmail"] = "boss@example.com",
        ["Dashboard:AdminPassword"] = "boss-password-long",
    });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AnAdminCreatesARecruiterWhoSignsInWithTheOneTimePassword()
    {
        var admin = _app.CreateApiClient();
        var created = await (await admin.PostAsJsonAsync("/api/admin/users", new { email = "new.recruiter@example.com", role = "Recruiter" }))
            .Content.ReadFromJsonAsync<OneTimePassword>();

        var browser = new BrowserLikeClient(_app);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("new.recruiter@example.com", created!.Password)).StatusCode);
        var people = await admin.GetFromJsonAsync<List<PersonRow>>("/api/admin/users");
        Assert.Equal("Recruiter", people!.Single(p => p.Email == "new.recruiter@example.com").Role);
    }

    [Fact]
    public async Task ADisabledPersonCanNeitherSignInNorUseTheirToken()
    {
        var admin = _app.CreateApiClient();
        var created = await (await admin.PostAsJsonAsync("/api/admin/users", new { email = "leaver@example.com", role = "Recruiter" }))
            .Content.ReadFromJsonAsync<OneTimePassword>();
        var browser = new BrowserLikeClient(_app);
        await browser.SignInAndChooseAsync("leaver@example.com", created!.Password, "leaver-own-password");
        var token = await (await browser.Http.PostAsJsonAsync("/api/me/tokens", new { name = "laptop" })).Content.ReadFromJsonAsync<IssuedToken>();
        var script = _app.CreateClient();
        script.DefaultRequestHeaders.Authorization = new("Bearer", token!.Token);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/analytics/sources")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/admin/users/{created.UserId}/disable", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/analytics/sources")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Http.GetAsync("/")).StatusCode);
        var again = await new BrowserLikeClient(_app).SignInAsync("leaver@example.com", "leaver-own-password");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(PasswordSignIn.Refusal), await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ATokenIsShownOnceStoredHashedListedWithItsLastUseAndRevocable()
    {
        var browser = new BrowserLikeClient(_app);
        await browser.SignInAsync("boss@example.com", "boss-password-long");
        var token = await (await browser.Http.PostAsJsonAsync("/api/me/tokens", new { name = "reporting" })).Content.ReadFromJsonAsync<IssuedToken>();
        var script = _app.CreateClient();
        script.DefaultRequestHeaders.Authorization = new("Bearer", token!.Token);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/admin/users")).StatusCode);

        var listed = await browser.Http.GetFromJsonAsync<List<TokenRow>>("/api/me/tokens");
        Assert.NotNull(Assert.Single(listed!).LastUsedAt);
        Assert.DoesNotContain(token.Token, await browser.Http.GetStringAsync("/api/me/tokens"));
        Assert.Empty(await StoreProbe.PlacesHoldingAsync(_app.Database, token.Token));
        if (!_app.Database.IsPostgreSql)
            Assert.Equal(-1, (await File.ReadAllBytesAsync(_app.Database.FilePath)).AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(token.Token)));

        Assert.Equal(HttpStatusCode.NoContent, (await browser.Http.DeleteAsync($"/api/me/tokens/{token.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/analytics/sources")).StatusCode);
    }

    [Fact]
    public async Task APasswordResetGivesANewOneTimePasswordAndTheOldOneStops()
    {
        var admin = _app.CreateApiClient();
        var created = await (await admin.PostAsJsonAsync("/api/admin/users", new { email = "forgetful@example.com", role = "Admin" }))
            .Content.ReadFromJsonAsync<OneTimePassword>();

        var reset = await (await admin.PostAsync($"/api/admin/users/{created!.UserId}/reset-password", null)).Content.ReadFromJsonAsync<OneTimePassword>();

        Assert.NotEqual(created.Password, reset!.Password);
        Assert.Equal(HttpStatusCode.OK, (await new BrowserLikeClient(_app).SignInAsync("forgetful@example.com", created.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await new BrowserLikeClient(_app).SignInAsync("forgetful@example.com", reset.Password)).StatusCode);
    }
}
