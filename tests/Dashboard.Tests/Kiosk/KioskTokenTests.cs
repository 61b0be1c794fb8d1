using System.Net;
using System.Net.Http.Json;
using Dashboard.Kiosk;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Kiosk;

/// <summary>
/// A wall screen's token, as a television's browser and anyone who copied its address would use it: it opens the
/// screen's pages without a sign-in, and nothing else, until it is revoked.
/// </summary>
public sealed class KioskTokenTests : IAsyncLifetime
{
    private readonly DashboardApplication _app = new(projection: false);
    private HttpClient _admin = null!;

    public Task InitializeAsync()
    {
        _admin = _app.CreateApiClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<IssuedKiosk> CreateAsync(string pages = "overview,funnel", int seconds = 30)
    {
        var answer = await _admin.PostAsJsonAsync("/api/admin/kiosks", new { name = "Sales floor", pages, seconds });
        answer.EnsureSuccessStatusCode();
        return (await answer.Content.ReadFromJsonAsync<IssuedKiosk>())!;
    }

    private HttpClient Television() => _app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task TheAddressOpensTheScreensPagesWithoutASignIn()
    {
        var kiosk = await CreateAsync();
        Assert.StartsWith("http://localhost/kiosk/dbk_", kiosk.Address);

        var answer = await Television().GetAsync(new Uri(kiosk.Address).PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var html = await answer.Content.ReadAsStringAsync();
        Assert.Contains("Sales floor", html);
        Assert.Contains(">Overview</h1>", html);
        Assert.Contains("Overview · 1 of 2", html);
        Assert.DoesNotContain("filter-summary", html);
        Assert.False(answer.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("dashboard.auth", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TheTokenOpensOnlyItsOwnPagesAndNothingElse()
    {
        var kiosk = await CreateAsync();
        var path = new Uri(kiosk.Address).AbsolutePath;
        var tv = Television();

        var otherPage = await tv.GetStringAsync($"{path}?pages=sources");
        Assert.Contains("This wall screen shows only overview, funnel.", otherPage);
        Assert.DoesNotContain(">Sources</h1>", otherPage);
        Assert.Contains(">Funnel</h1>", await tv.GetStringAsync($"{path}?pages=funnel"));

        var bearer = Television();
        bearer.DefaultRequestHeaders.Authorization = new("Bearer", kiosk.Key);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/analytics/sources")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/deliveries")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.PostAsJsonAsync("/api/views", new { name = "x", page = "/", shared = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.PostAsJsonAsync("/api/admin/kiosks", new { name = "more" })).StatusCode);
        // Having opened the screen gives the browser no sign-in for the rest of the app.
        foreach (var page in new[] { "/", "/sources", "/admin/deliveries", "/admin/deliveries/1", "/candidates/1001", "/kiosk" })
        {
            var answer = await tv.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
            Assert.StartsWith("/account/login", answer.Headers.Location!.PathAndQuery);
        }
    }

    [Fact]
    public async Task ARevokedTokenIsRefused()
    {
        var kiosk = await CreateAsync();
        var path = new Uri(kiosk.Address).AbsolutePath;
        Assert.Contains(">Overview</h1>", await Television().GetStringAsync(path));

        Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync($"/api/admin/kiosks/{kiosk.Id}")).StatusCode);

        var html = await Television().GetStringAsync(path);
        Assert.Contains("This wall-screen address is not valid, or it was revoked", html);
        Assert.DoesNotContain(">Overview</h1>", html);
        Assert.True(Assert.Single((await _admin.GetFromJsonAsync<List<KioskScreenRow>>("/api/admin/kiosks"))!).Revoked);
    }

    [Fact]
    public async Task TheTokenIsShownOnceStoredHashedListedWithItsLastUseAndNeverLogged()
    {
        var kiosk = await CreateAsync();
        var before = Assert.Single((await _admin.GetFromJsonAsync<List<KioskScreenRow>>("/api/admin/kiosks"))!);
        Assert.Null(before.LastUsedAt);

        await Television().GetStringAsync(new Uri(kiosk.Address).AbsolutePath);

        var listed = await _admin.GetStringAsync("/api/admin/kiosks");
        Assert.NotNull(Assert.Single(JsonListOf(listed)).LastUsedAt);
        Assert.DoesNotContain(kiosk.Key, listed);
        Assert.Empty(await StoreProbe.PlacesHoldingAsync(_app.Database, kiosk.Key));
        Assert.DoesNotContain(kiosk.Key, _app.Log.Text());
    }

    [Theory]
    [InlineData("/kiosk/dbk_not-a-real-token")]
    [InlineData("/kiosk/anything")]
    public async Task AnUnknownTokenOpensNothing(string path)
    {
        var html = await Television().GetStringAsync(path);

        Assert.Contains("This wall-screen address is not valid", html);
        Assert.DoesNotContain("kiosk-bar", html);
    }

    [Theory]
    [InlineData("?pages=overview,nowhere", "'pages' names a page there is none of")]
    [InlineData("?seconds=1", "'seconds' must be a whole number from 5 to 3,600")]
    [InlineData("?seconds=ten", "'seconds' must be a whole number from 5 to 3,600")]
    public async Task AWrongKioskAddressSaysWhatIsWrong(string query, string expected)
    {
        var kiosk = await CreateAsync();

        var html = await Television().GetStringAsync(new Uri(kiosk.Address).AbsolutePath + query);

        Assert.Contains(expected.Replace("'", "&#x27;"), html);
        Assert.DoesNotContain("kiosk-bar", html);
    }

    private static List<KioskScreenRow> JsonListOf(string json) =>
        System.Text.Json.JsonSerializer.Deserialize<List<KioskScreenRow>>(json, System.Text.Json.JsonSerializerOptions.Web)!;
}
