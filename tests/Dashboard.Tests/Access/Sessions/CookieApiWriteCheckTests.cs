using System.Net;
using System.Net.Http.Json;
using Dashboard.Access;
using Dashboard.Access.Tokens;
using Dashboard.Tests.Support;
using Dashboard.Tests.Access.SignIn;

namespace Dashboard.Tests.Access.Sessions;

/// <summary>
/// A browser sends the sign-in cookie whoever's page asks it to, so the API takes a change made with the cookie only
/// from the app's own origin (or with an antiforgery token), and only as JSON. Tokens are not ambient and need neither.
/// </summary>
public sealed class CookieApiWriteCheckTests : IAsyncLifetime
{
    private const string Password = PeopleOfEveryStanding.Password;
    private readonly DashboardApplication _app = new(projection: false);
    private BrowserLikeClient _browser = null!;

    public async Task InitializeAsync()
    {
        await PeopleOfEveryStanding.AddPersonAsync(_app, "admin@example.com", Password, Roles.Admin);
        // The requests below carry exactly the headers each case names, nothing a browser would add by itself.
        _browser = new BrowserLikeClient(_app, sendsOrigin: false);
        await _browser.SignInAsync("admin@example.com", Password);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Origin", "null")]
    [InlineData("Origin", "http://localhost:8080")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Referer", "https://evil.example/page")]
    [InlineData(null, null)]
    public async Task ACookieWriteFromElsewhereIsRefusedAndChangesNothing(string? header, string? value)
    {
        var answer = await CreateTokenAsync(header, value);

        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.Contains("own pages", await answer.Content.ReadAsStringAsync());
        Assert.Empty((await _browser.Http.GetFromJsonAsync<List<TokenRow>>("/api/me/tokens"))!);
    }

    [Theory]
    [InlineData("Origin", "http://localhost")]
    [InlineData("Sec-Fetch-Site", "same-origin")]
    [InlineData("Referer", "http://localhost/account/tokens")]
    public async Task ACookieWriteFromTheAppsOwnPagesGoesThrough(string header, string value)
    {
        var answer = await CreateTokenAsync(header, value);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    [Fact]
    public async Task AnAntiforgeryTokenVouchesForARequestWithoutOrigin()
    {
        var token = await _browser.AntiforgeryTokenAsync();

        var answer = await CreateTokenAsync("RequestVerificationToken", token);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    [Fact]
    public async Task AFormBodyIsRefusedEvenFromTheAppsOrigin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/users")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "by.form@example.com", ["role"] = Roles.Admin }),
        };
        request.Headers.Add("Origin", "http://localhost");

        var answer = await _browser.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.StatusCode);
        Assert.DoesNotContain("by.form@example.com", await _app.CreateApiClient().GetStringAsync("/api/admin/users"));
    }

    [Fact]
    public async Task ATokenNeedsNoOriginAndReadsNeedNone()
    {
        var script = _app.CreateApiClient();

        var created = await script.PostAsync("/api/admin/keys/firstbird", null);

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _browser.Http.GetAsync("/api/admin/users")).StatusCode);
    }

    private async Task<HttpResponseMessage> CreateTokenAsync(string? header, string? value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/me/tokens") { Content = JsonContent.Create(new { name = "cross-site?" }) };
        if (header is not null) request.Headers.TryAddWithoutValidation(header, value);
        return await _browser.Http.SendAsync(request);
    }
}
