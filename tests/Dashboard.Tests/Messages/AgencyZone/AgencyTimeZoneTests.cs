using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Dashboard.Access;
using Dashboard.Access.Rights;
using Dashboard.Messages;
using Dashboard.Messages.AgencyZone;
using Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Dashboard.Tests.Messages.Alerts;
using Dashboard.Tests.Messages.Digests;
using Dashboard.Tests.Messages.Outbox;

namespace Dashboard.Tests.Messages.AgencyZone;

/// <summary>The agency's time zone: from configuration until an admin sets it, never to a zone the server does not know.</summary>
public sealed class AgencyTimeZoneTests
{
    [Fact]
    public async Task TheZoneComesFromConfigurationUntilAnAdminSetsAnother()
    {
        await using var app = new DashboardApplication(projection: false, settings: new Dictionary<string, string?> { ["Dashboard:TimeZone"] = "Europe/Berlin" });
        var api = app.CreateApiClient();

        Assert.Equal(new MessagesRegistration.TimeZoneAnswer("Europe/Berlin", "Europe/Berlin"),
            await api.GetFromJsonAsync<MessagesRegistration.TimeZoneAnswer>("/api/admin/time-zone"));

        Assert.Equal(HttpStatusCode.NoContent, (await api.PutAsJsonAsync("/api/admin/time-zone", new { timeZone = "America/New_York" })).StatusCode);
        Assert.Equal(new MessagesRegistration.TimeZoneAnswer("America/New_York", "Europe/Berlin"),
            await api.GetFromJsonAsync<MessagesRegistration.TimeZoneAnswer>("/api/admin/time-zone"));
        Assert.Contains("agency.time-zone", await api.GetStringAsync("/api/admin/audit"));

        // Another instance, or this one restarted, reads it from the store.
        await using var other = new DashboardApplication(app.Database, projection: false,
            settings: new Dictionary<string, string?> { ["Dashboard:TimeZone"] = "Europe/Berlin" });
        Assert.Equal("America/New_York", (await other.Services.GetRequiredService<AgencyTimeZone>().CurrentAsync(CancellationToken.None)).Id);
    }

    [Fact]
    public async Task WithoutConfigurationTheZoneIsUtc()
    {
        await using var app = new DashboardApplication(projection: false);
        var answer = await app.CreateApiClient().GetFromJsonAsync<MessagesRegistration.TimeZoneAnswer>("/api/admin/time-zone");
        Assert.Equal(new MessagesRegistration.TimeZoneAnswer("UTC", "UTC"), answer);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("W. Europe Standard Time")]
    [InlineData("../../etc/passwd")]
    [InlineData("")]
    public async Task AnUnknownZoneIsRefusedNamingTheParameterAndChangesNothing(string zone)
    {
        await using var app = new DashboardApplication(projection: false);
        var api = app.CreateApiClient();

        var answer = await api.PutAsJsonAsync("/api/admin/time-zone", new { timeZone = zone });

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        var problem = (await answer.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.NotNull(problem["errors"]?["timeZone"]);
        Assert.Contains(zone.Length == 0 ? "Name a time zone" : "is not a time zone this server knows", (string)problem["detail"]!);
        Assert.Equal("UTC", (await api.GetFromJsonAsync<MessagesRegistration.TimeZoneAnswer>("/api/admin/time-zone"))!.TimeZone);
    }

    [Fact]
    public async Task OnlyAnAdminNowMayChangeIt()
    {
        await using var app = new DashboardApplication(projection: false);
        var recruiter = await PeopleOfEveryStanding.AddPersonAsync(app, "rae@agency.example", "recruiter-password-long", Roles.Recruiter);
        var browser = new BrowserLikeClient(app);
        await browser.SignInAsync("rae@agency.example", "recruiter-password-long");
        var token = await browser.CreateTokenAsync("script");
        var script = app.CreateClient();
        script.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.Forbidden, (await script.PutAsJsonAsync("/api/admin/time-zone", new { timeZone = "Europe/Paris" })).StatusCode);

        // A page opened by someone who is not an admin (any more) changes nothing: the service checks when it runs.
        var notAdmin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, recruiter), new Claim(ClaimTypes.Name, "rae")], "test"));
        await Assert.ThrowsAsync<RefusedActionException>(() =>
            app.Services.GetRequiredService<AgencyTimeZone>().SetAsync("Europe/Paris", notAdmin, CancellationToken.None));
        Assert.Equal("UTC", (await app.Services.GetRequiredService<AgencyTimeZone>().CurrentAsync(CancellationToken.None)).Id);
    }

    [Fact]
    public void AnUnknownZoneInConfigurationStopsStartUpWithTheReason()
    {
        using var app = new DashboardApplication(projection: false, settings: new Dictionary<string, string?> { ["Dashboard:TimeZone"] = "Europe/Atlantis" });
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("Dashboard:TimeZone: 'Europe/Atlantis' is not a time zone this server knows", error.ToString());
    }

    [Fact]
    public async Task TheAdminsPageSaysWhichZoneIsInForceAndWhereTheDefaultComesFrom()
    {
        await using var app = new DashboardApplication(projection: false, settings: new Dictionary<string, string?> { ["Dashboard:TimeZone"] = "Europe/Berlin" });
        await PeopleOfEveryStanding.AddPersonAsync(app, "ada@agency.example", "admin-password-long", Roles.Admin);
        (await app.CreateApiClient().PutAsJsonAsync("/api/admin/time-zone", new { timeZone = "Asia/Tokyo" })).EnsureSuccessStatusCode();
        var browser = new BrowserLikeClient(app);
        await browser.SignInAsync("ada@agency.example", "admin-password-long");

        var page = WebUtility.HtmlDecode(await browser.Http.GetStringAsync("/admin/time-zone"));

        Assert.Contains("Now: <strong>Asia/Tokyo</strong>", page);
        Assert.Contains("Asia/Tokyo (UTC+09:00)", page);
        Assert.Contains("<strong data-testid=\"zone-default\">Europe/Berlin</strong>", page);
    }
}
