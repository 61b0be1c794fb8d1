using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dashboard.Access;
using Dashboard.Access.Tokens;
using Dashboard.Tests.Support;
using Dashboard.Tests.Access.SignIn;

namespace Dashboard.Tests.Access.Tokens;

/// <summary>Tokens come from a person signed in to the dashboard, never from another token, and carry the person's rights as they are now.</summary>
public sealed class TokenRulesTests : IAsyncLifetime
{
    private const string Password = PeopleOfEveryStanding.Password;
    private readonly DashboardApplication _app = new(projection: false);
    private BrowserLikeClient _browser = null!;
    private string _personId = "";

    public async Task InitializeAsync()
    {
        _personId = await PeopleOfEveryStanding.AddPersonAsync(_app, "scripter@example.com", Password, Roles.Admin);
        await PeopleOfEveryStanding.AddPersonAsync(_app, "other.admin@example.com", Password, Roles.Admin);
        _browser = new BrowserLikeClient(_app);
        await _browser.SignInAsync("scripter@example.com", Password);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ATokenCannotMintAnotherToken()
    {
        var script = ScriptWith(await _browser.CreateTokenAsync("first"));

        var minted = await script.PostAsJsonAsync("/api/me/tokens", new { name = "successor" });

        Assert.Equal(HttpStatusCode.Forbidden, minted.StatusCode);
        var listed = await _browser.Http.GetFromJsonAsync<List<TokenRow>>("/api/me/tokens");
        Assert.Equal(["first"], listed!.Select(t => t.Name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task ATokenWithoutANameIsRefusedNamingTheField(string? name)
    {
        var answer = await _browser.Http.PostAsJsonAsync("/api/me/tokens", new { name });

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        var problem = (await answer.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.NotNull(problem["errors"]?["name"]);
        Assert.Empty((await _browser.Http.GetFromJsonAsync<List<TokenRow>>("/api/me/tokens"))!);
    }

    [Fact]
    public async Task ADemotedPersonsTokenLosesAdminAtOnceAndADisabledPersonsStops()
    {
        var script = ScriptWith(await _browser.CreateTokenAsync("admin work"));
        var operatorToken = _app.CreateApiClient();
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/admin/users")).StatusCode);

        (await operatorToken.PutAsJsonAsync($"/api/admin/users/{_personId}/role", new { role = Roles.Recruiter })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Forbidden, (await script.GetAsync("/api/admin/users")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/analytics/sources")).StatusCode);

        (await operatorToken.PostAsync($"/api/admin/users/{_personId}/disable", null)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/analytics/sources")).StatusCode);
    }

    private HttpClient ScriptWith(string token)
    {
        var script = _app.CreateClient();
        script.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return script;
    }
}
