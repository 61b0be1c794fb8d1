using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Deliveries;
using Dashboard.Tests.Builders;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Deliveries;

/// <summary>
/// The delivery log in the agency's zone: a search by day takes the zone's days, the replay API's days too unless
/// <c>tz</c> names another zone, and a delivery's page shows when it arrived in the zone, saying which.
/// </summary>
public sealed class DeliveryLogZoneTests : IAsyncLifetime
{
    private const string AdminEmail = "zone.admin@example.com";
    private const string AdminPassword = "zone-admin-password";

    // 00:30 on Sunday 29 March in Berlin (still UTC+1), and 00:30 on Monday 30 March there (UTC+2 since that night).
    private static readonly DateTime BeforeTheChange = new(2026, 3, 28, 23, 30, 0, DateTimeKind.Utc);
    private static readonly DateTime AfterTheChange = new(2026, 3, 29, 22, 30, 0, DateTimeKind.Utc);

    private readonly DashboardApplication _app = new(projection: false, settings: new Dictionary<string, string?>
    {
        ["Dashboard:AdminEmail"] = AdminEmail,
        ["Dashboard:AdminPassword"] = AdminPassword,
    });

    private long _before, _after;

    public async Task InitializeAsync()
    {
        var sender = _app.CreateClient();
        _before = await ReceivedAtAsync(sender, "zone-1", BeforeTheChange);
        _after = await ReceivedAtAsync(sender, "zone-2", AfterTheChange);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ASearchByDayTakesTheDaysOfTheZoneItIsGiven()
    {
        var log = _app.Services.GetRequiredService<DeliveryLogQueries>();
        var sunday = new DateOnly(2026, 3, 29);

        Assert.Equal([_before], await log.IdsAsync(new DeliverySearch(From: sunday, To: sunday, Zone: Berlin), CancellationToken.None));
        Assert.Equal([_after], await log.IdsAsync(new DeliverySearch(From: sunday, To: sunday), CancellationToken.None));
        Assert.Equal([_after], await log.IdsAsync(new DeliverySearch(From: sunday.AddDays(1), To: sunday.AddDays(1), Zone: Berlin), CancellationToken.None));
    }

    [Fact]
    public async Task TheReplayApiCountsTheAgencysDaysUnlessTzNamesAnotherZone()
    {
        var api = _app.CreateApiClient();
        Assert.Equal(HttpStatusCode.NoContent, (await api.PutAsJsonAsync("/api/admin/time-zone", new { timeZone = "Europe/Berlin" })).StatusCode);
        const string saturday = "/api/admin/deliveries/replay?from=2026-03-28&to=2026-03-28&dryRun=true";

        Assert.Equal(0, await MatchedAsync(api, saturday));
        Assert.Equal(1, await MatchedAsync(api, saturday + "&tz=UTC"));
        Assert.Equal(2, await MatchedAsync(api, "/api/admin/deliveries/replay?from=2026-03-28&to=2026-03-29&dryRun=true&tz=America/New_York"));

        var refused = await api.PostAsync(saturday + "&tz=Europe/Nowhere", null);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("tz", out _));
    }

    [Fact]
    public async Task ADeliverysPageShowsItsArrivalInTheAgencysZoneAndSaysWhich()
    {
        Assert.Equal(HttpStatusCode.NoContent,
            (await _app.CreateApiClient().PutAsJsonAsync("/api/admin/time-zone", new { timeZone = "Europe/Berlin" })).StatusCode);
        var admin = new BrowserLikeClient(_app);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SignInAsync(AdminEmail, AdminPassword)).StatusCode);

        var html = await admin.Http.GetStringAsync($"/admin/deliveries/{_after}");

        Assert.Contains("2026-03-30 00:30:00.000 Europe/Berlin", html);
        Assert.DoesNotContain("(UTC)", html);
    }

    private static TimeZoneInfo Berlin => TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static async Task<int> MatchedAsync(HttpClient api, string path)
    {
        var answer = await api.PostAsync(path, null);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("matching").GetInt32();
    }

    // Deliveries arrive now; the log is moved back to the instants the test is about.
    private async Task<long> ReceivedAtAsync(HttpClient sender, string id, DateTime at)
    {
        var answer = await (await sender.PostIdibuAsync(new IdibuCandidateBuilder().WithId(id).Build(), id)).AnswerAsync();
        await using var db = await _app.CreateDbContextAsync();
        await db.Deliveries.Where(d => d.Id == answer.DeliveryId).ExecuteUpdateAsync(s => s.SetProperty(d => d.ReceivedAt, at));
        return answer.DeliveryId;
    }
}
