using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dashboard.Analytics;
using Dashboard.Tests.Support;
using Serilog.Events;

namespace Dashboard.Tests.Hosting;

/// <summary>
/// The bad requests the security review reproduced, and their kin, each answered on purpose: a far date is a date
/// like any other, and what cannot be answered is 400 problem+json naming the parameter, never a 500.
/// </summary>
public sealed class BadRequestAnswersTests : IAsyncLifetime
{
    private readonly DashboardApplication _app = new(projection: false);
    private HttpClient _api = null!;

    public Task InitializeAsync()
    {
        _api = _app.CreateApiClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("overview?to=9999-12-31")]
    [InlineData("overview?from=0001-01-01")]
    [InlineData("overview?from=0001-01-01&to=9999-12-31")]
    [InlineData("overview?from=0001-01-05&to=2026-01-01")]
    [InlineData("sources?to=9999-12-31")]
    [InlineData("quality-over-time?from=0001-01-01&to=9999-12-31")]
    [InlineData("candidates?from=0001-01-01&to=9999-12-31&page=1000000&pageSize=100")]
    public async Task EveryDateTheCalendarHoldsIsAnswered(string query)
    {
        var response = await _api.GetAsync("/api/analytics/" + query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task APeriodStartingOnTheCalendarsFirstDayHasNoPreviousPeriod()
    {
        var overview = await _api.GetFromJsonAsync<OverviewFigures>("/api/analytics/overview?from=0001-01-01&to=9999-12-31");

        Assert.Null(overview!.Candidates.Previous);
    }

    [Theory]
    [InlineData("/api/analytics/sources?from=10000-01-01", "from")]
    [InlineData("/api/analytics/sources?to=2026-02-30", "to")]
    [InlineData("/api/analytics/sources?from=2026-05-01&to=2026-04-01", "from")]
    [InlineData("/api/analytics/sources?format=xml", "format")]
    [InlineData("/api/analytics/candidates?page=0", "page")]
    [InlineData("/api/analytics/candidates?page=-3", "page")]
    [InlineData("/api/analytics/candidates?page=1000001", "page")]
    [InlineData("/api/analytics/candidates?page=abc", "page")]
    [InlineData("/api/analytics/candidates?pageSize=0", "pageSize")]
    [InlineData("/api/analytics/referral-applications?pageSize=101", "pageSize")]
    [InlineData("/api/analytics/referral-applications?pageSize=99999999999", "pageSize")]
    [InlineData("/api/analytics/sources?source=a%00b", "source")]
    [InlineData("/api/analytics/candidates?stage=%07", "stage")]
    [InlineData("/api/deliveries?page=2147483647", "page")]
    [InlineData("/api/deliveries?provider=idibuu", "provider")]
    [InlineData("/api/deliveries/99999999999999999999", "id")]
    [InlineData("/api/deliveries/abc", "id")]
    [InlineData("/api/admin/audit?take=0", "take")]
    [InlineData("/api/admin/audit?take=501", "take")]
    [InlineData("/api/admin/audit?action=%00", "action")]
    public async Task ABadParameterIsAnswered400NamingIt(string url, string parameter)
    {
        var response = await _api.GetAsync(url);

        await AssertNamesAsync(response, parameter);
    }

    [Theory]
    [InlineData("/api/analytics/candidates?page=abc", "'page' must be a whole number within range.")]
    [InlineData("/api/deliveries/99999999999999999999", "'id' must be a whole number within range.")]
    [InlineData("/api/analytics/sources?from=2026-1-5", "'from' must be a date like 2026-01-31 (0001-01-01 to 9999-12-31).")]
    [InlineData("/api/analytics/sources?source=%00", "'source' holds a control character (U+0000).")]
    public async Task TheDetailSaysWhatTheParameterMustBe(string url, string detail)
    {
        using var problem = JsonDocument.Parse(await (await _api.GetAsync(url)).Content.ReadAsStringAsync());

        Assert.Equal(detail, problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnOverLongTextParameterIsAnswered400NamingIt()
    {
        var response = await _api.GetAsync("/api/analytics/sources?vacancy=" + new string('v', 10_000));

        await AssertNamesAsync(response, "vacancy");
    }

    [Theory]
    [InlineData("/api/admin/keys/idibu/rotate?graceHours=NaN", "graceHours")]
    [InlineData("/api/admin/keys/idibu/rotate?graceHours=-1", "graceHours")]
    [InlineData("/api/admin/keys/idibu/rotate?graceHours=soon", "graceHours")]
    [InlineData("/api/admin/retention?days=2147483647", "days")]
    [InlineData("/api/admin/retention?days=0", "days")]
    [InlineData("/api/admin/retention", "days")]
    [InlineData("/api/admin/deliveries/replay?from=2026-05-01&to=2026-04-01", "from")]
    [InlineData("/api/admin/deliveries/replay?to=someday", "to")]
    [InlineData("/api/admin/deliveries/replay?provider=nobody", "provider")]
    [InlineData("/api/admin/deliveries/99999999999999999999/replay", "id")]
    public async Task ABadAdminParameterIsAnswered400NamingIt(string url, string parameter)
    {
        var response = await _api.PostAsync(url, null);

        await AssertNamesAsync(response, parameter);
    }

    [Fact]
    public async Task ReplayingUpToTheCalendarsLastDayIsAnswered()
    {
        var response = await _api.PostAsync("/api/admin/deliveries/replay?from=0001-01-01&to=9999-12-31&dryRun=true", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"stages\":null,\"mappings\":{}}", "stages")]
    [InlineData("{\"mappings\":{}}", "stages")]
    [InlineData("{\"stages\":[\"Applied\"]}", "mappings")]
    [InlineData("{\"stages\":[\"Applied\",null],\"mappings\":{}}", "stages")]
    [InlineData("{}", "stages")]
    [InlineData("{\"stages\":5,\"mappings\":{}}", "stages")]
    [InlineData("{\"stages\":[\"Applied\"],\"mappings\":[]}", "mappings")]
    [InlineData("{\"stages\":[\"App\\u0000lied\"],\"mappings\":{}}", "stages[0]")]
    [InlineData("{\"stages\":[\"Applied\"],\"mappings\":{\"default:11\":\"Ap\\u0000plied\"}}", "mappings[default:11]")]
    [InlineData("null", "body")]
    [InlineData("", "body")]
    [InlineData("[]", "body")]
    [InlineData("{\"stages\":", "stages")]
    [InlineData("not json", "body")]
    public async Task ABadFunnelBodyIsAnswered400NamingWhatIsWrong(string body, string parameter)
    {
        var response = await _api.PutAsync("/api/admin/funnel", new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertNamesAsync(response, parameter);
    }

    [Fact]
    public async Task AFunnelBodyThatIsNotJsonIsAnswered415NamingTheBody()
    {
        var response = await _api.PutAsync("/api/admin/funnel", new StringContent("{\"stages\":[\"Applied\"],\"mappings\":{}}", Encoding.UTF8, "text/plain"));

        await AssertNamesAsync(response, "body", HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task AGoodFunnelBodyIsStillSaved()
    {
        var response = await _api.PutAsJsonAsync("/api/admin/funnel", new { stages = new[] { "Applied", "Placed" }, mappings = new Dictionary<string, string?>() });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task ABadRequestIsLoggedWithoutItsValueAndNotAsAnError()
    {
        await _api.GetAsync("/health");
        var loggedBefore = _app.Log.Events.Count;

        await _api.GetAsync("/api/analytics/candidates?page=secret-looking-value");
        await _api.PutAsync("/api/admin/funnel", new StringContent("{\"stages\":null}", Encoding.UTF8, "application/json"));

        Assert.DoesNotContain(_app.Log.Events.Skip(loggedBefore), e => e.Level >= LogEventLevel.Error);
        Assert.DoesNotContain("secret-looking-value", _app.Log.Text());
        Assert.Contains(_app.Log.Events, e => e.RenderMessage().Contains("\"page\" could not be read"));
    }

    private static async Task AssertNamesAsync(HttpResponseMessage response, string parameter, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(text);
        var errors = problem.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(parameter, out _), $"errors does not name '{parameter}': {text}");
        Assert.Contains(parameter.Split('[')[0], problem.RootElement.GetProperty("detail").GetString());
    }
}
