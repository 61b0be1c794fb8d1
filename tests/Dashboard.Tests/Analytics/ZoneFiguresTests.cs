using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Analytics;
using Dashboard.Analytics.Index;
using Dashboard.Deliveries.Quality;
using Dashboard.Tests.Builders;
using Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Analytics;

/// <summary>
/// Days and weeks in the agency's zone, worked out by hand on both sides of a UTC midnight and of a change of the
/// clocks, in Berlin, New York and Kolkata (whose offset is not a whole hour), from the figure index and from the
/// store's own queries alike.
/// </summary>
/// <remarks>
/// Berlin springs forward on Sunday 2026-03-29 at 01:00 UTC: its 29 March runs from 28 March 23:00 UTC to 29 March
/// 22:00 UTC, 23 hours. New York falls back on Sunday 2026-11-01 at 06:00 UTC: its 1 November runs from 04:00 UTC to
/// 2 November 05:00 UTC, 25 hours. Kolkata is UTC+05:30 all year.
/// </remarks>
public sealed class ZoneFiguresTests
{
    // Candidate, created (UTC), and where it falls.
    private static readonly (string Id, string Created)[] Candidates =
    [
        ("a", "2026-03-28T23:00:00Z"), // Berlin: Sun 29 Mar 00:00 CET, the first instant of the short day. UTC: Sat 28 Mar.
        ("b", "2026-03-28T23:30:00Z"), // Berlin: Sun 29 Mar 00:30. UTC: Sat 28 Mar.
        ("c", "2026-03-29T21:59:00Z"), // Berlin: Sun 29 Mar 23:59 CEST, its last minute. UTC: Sun 29 Mar.
        ("d", "2026-03-29T22:00:00Z"), // Berlin: Mon 30 Mar 00:00, a new day and a new week. UTC: Sun 29 Mar.
        ("e", "2026-03-29T23:30:00Z"), // Berlin: Mon 30 Mar 01:30. UTC: Sun 29 Mar.
        ("f", "2026-11-01T03:30:00Z"), // New York: Sat 31 Oct 23:30 EDT. UTC: Sun 1 Nov.
        ("g", "2026-11-01T05:30:00Z"), // New York: Sun 1 Nov 01:30 EDT, the first 01:30.
        ("h", "2026-11-01T06:30:00Z"), // New York: Sun 1 Nov 01:30 EST, the second 01:30 of the long day.
        ("i", "2026-11-02T04:30:00Z"), // New York: Sun 1 Nov 23:30 EST, in the 25th hour. UTC: Mon 2 Nov, a new week.
        ("j", "2026-11-02T05:00:00Z"), // New York: Mon 2 Nov 00:00, a new week.
        ("k", "2026-03-16T18:15:00Z"), // Kolkata: Mon 16 Mar 23:45. UTC: Mon 16 Mar.
        ("l", "2026-03-22T18:30:00Z"), // Kolkata: Mon 23 Mar 00:00, a new week. UTC: Sun 22 Mar.
    ];

    public static TheoryData<bool> FromIndexAndStore => new() { true, false };

    [Theory]
    [MemberData(nameof(FromIndexAndStore))]
    public async Task ADayIsTheZonesDay23Or25HoursLongWhereTheClocksChange(bool figureIndex)
    {
        await using var app = await StartAsync(figureIndex);
        var api = app.CreateApiClient();

        Assert.Equal(["a", "b", "c"], await CandidateIdsAsync(api, "from=2026-03-29&to=2026-03-29&tz=Europe/Berlin"));
        Assert.Equal(["c", "d", "e"], await CandidateIdsAsync(api, "from=2026-03-29&to=2026-03-29"));
        Assert.Equal(["d", "e"], await CandidateIdsAsync(api, "from=2026-03-30&to=2026-03-30&tz=Europe/Berlin"));
        Assert.Equal(["g", "h", "i"], await CandidateIdsAsync(api, "from=2026-11-01&to=2026-11-01&tz=America/New_York"));
        Assert.Equal(["f", "g", "h"], await CandidateIdsAsync(api, "from=2026-11-01&to=2026-11-01&tz=UTC"));
        Assert.Equal(["l"], await CandidateIdsAsync(api, "from=2026-03-23&to=2026-03-23&tz=Asia/Kolkata"));

        var berlin = new ZoneCalendar(TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
        var newYork = new ZoneCalendar(TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        Assert.Equal(TimeSpan.FromHours(23), berlin.LengthOf(new DateOnly(2026, 3, 29)));
        Assert.Equal(TimeSpan.FromHours(25), newYork.LengthOf(new DateOnly(2026, 11, 1)));
        Assert.Equal(TimeSpan.FromHours(24), berlin.LengthOf(new DateOnly(2026, 3, 30)));

        // The overview's tiles count the same days: the short day's three, the day before it in the period before.
        var overview = await api.GetFromJsonAsync<OverviewFigures>("/api/analytics/overview?from=2026-03-29&to=2026-03-29&tz=Europe/Berlin");
        Assert.Equal(new Tile(3, 0), overview!.Candidates);
    }

    [Theory]
    [MemberData(nameof(FromIndexAndStore))]
    public async Task AWeekStartsOnTheZonesMondayAtMidnight(bool figureIndex)
    {
        await using var app = await StartAsync(figureIndex);
        var api = app.CreateApiClient();

        var berlin = await WeeksAsync(api, "candidates-over-time?from=2026-03-16&to=2026-04-05&tz=Europe/Berlin");
        Assert.Equal("Europe/Berlin", berlin.TimeZone);
        Assert.Equal([new(2026, 3, 16), new(2026, 3, 23), new(2026, 3, 30)], berlin.Periods);
        Assert.Equal([2, 3, 2], Total(berlin));

        var utc = await WeeksAsync(api, "candidates-over-time?from=2026-03-16&to=2026-04-05&tz=UTC");
        Assert.Equal([new(2026, 3, 16), new(2026, 3, 23)], utc.Periods);
        Assert.Equal([2, 5], Total(utc));

        var kolkata = await WeeksAsync(api, "candidates-over-time?from=2026-03-16&to=2026-04-05&tz=Asia/Kolkata");
        Assert.Equal([new(2026, 3, 16), new(2026, 3, 23), new(2026, 3, 30)], kolkata.Periods);
        Assert.Equal([1, 3, 3], Total(kolkata));

        var newYork = await WeeksAsync(api, "candidates-over-time?from=2026-10-26&to=2026-11-08&tz=America/New_York");
        Assert.Equal([new(2026, 10, 26), new(2026, 11, 2)], newYork.Periods);
        Assert.Equal([4, 1], Total(newYork));
        var newYorkInUtc = await WeeksAsync(api, "candidates-over-time?from=2026-10-26&to=2026-11-08&tz=UTC");
        Assert.Equal([3, 2], Total(newYorkInUtc));

        // Referrals received either side of Berlin's Monday midnight.
        var referrals = await WeeksAsync(api, "referrals-over-time?tz=Europe/Berlin");
        Assert.Equal([new(2026, 3, 23), new(2026, 3, 30)], referrals.Periods);
        Assert.Equal([1, 1], Total(referrals));
        Assert.Equal([2], Total(await WeeksAsync(api, "referrals-over-time?tz=UTC")));
    }

    [Fact]
    public async Task QualityOverTimeFoldsItsQuartersIntoTheZonesWeeks()
    {
        await using var app = await StartAsync(figureIndex: false);
        await using (var db = await app.CreateDbContextAsync())
        {
            db.DeliveryQualityQuarters.AddRange(
                Quarter("2026-03-29T21:45:00Z", deliveries: 2), // Berlin: Sun 29 Mar 23:45.
                Quarter("2026-03-29T22:00:00Z", deliveries: 3), // Berlin: Mon 30 Mar 00:00.
                Quarter("2026-03-22T18:15:00Z", deliveries: 7), // Kolkata: Sun 22 Mar 23:45.
                Quarter("2026-03-22T18:30:00Z", deliveries: 11)); // Kolkata: Mon 23 Mar 00:00.
            await db.SaveChangesAsync();
        }
        var api = app.CreateApiClient();

        var berlin = await WeeksAsync(api, "quality-over-time?from=2026-03-23&to=2026-04-05&tz=Europe/Berlin");
        Assert.Equal([new(2026, 3, 23), new(2026, 3, 30)], berlin.Periods);
        Assert.Equal([2, 3], berlin.Series.Single(s => s.Name == "Deliveries").Values);
        var kolkata = await WeeksAsync(api, "quality-over-time?from=2026-03-16&to=2026-03-29&tz=Asia/Kolkata");
        Assert.Equal([7, 11], kolkata.Series.Single(s => s.Name == "Deliveries").Values);
        var monday = await api.GetFromJsonAsync<QualityFigures>("/api/analytics/quality?from=2026-03-30&to=2026-03-30&tz=Europe/Berlin");
        Assert.Equal(3, monday!.Deliveries);
    }

    [Fact]
    public async Task TheIndexAndTheStoresQueriesAgreeInOtherZones()
    {
        await using var app = await StartAsync(figureIndex: true);
        var host = app.Services.GetRequiredService<FigureIndexHost>();
        var factory = app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Dashboard.Storage.DashboardDbContext>>();
        var indexed = new AnalyticsQueryService(factory, new Dashboard.Analytics.Funnel.FunnelDefinitionStore(factory), host);
        var stored = new AnalyticsQueryService(factory, new Dashboard.Analytics.Funnel.FunnelDefinitionStore(factory));
        foreach (var id in new[] { "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Sydney" })
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            foreach (var filter in new AnalyticsFilter[] { new(Zone: zone), new(new(2026, 3, 29), new(2026, 3, 30), Zone: zone), new(new(2026, 11, 1), new(2026, 11, 1), Zone: zone) })
            {
                Assert.Equal(Json(await stored.CandidatesOverTimeAsync(filter)), Json(await indexed.CandidatesOverTimeAsync(filter)));
                Assert.Equal(Json(await stored.ReferralsOverTimeAsync(filter)), Json(await indexed.ReferralsOverTimeAsync(filter)));
                Assert.Equal(Json(await stored.OverviewAsync(filter, filter.PreviousPeriod())), Json(await indexed.OverviewAsync(filter, filter.PreviousPeriod())));
                Assert.Equal(Json(await stored.CandidatesAsync(filter, null, 1, 25)), Json(await indexed.CandidatesAsync(filter, null, 1, 25)));
                Assert.Equal(Json(await stored.ReferralsAsync(filter)), Json(await indexed.ReferralsAsync(filter)));
            }
        }
    }

    private static DeliveryQualityQuarter Quarter(string start, long deliveries) =>
        new() { Quarter = QualityDelta.QuarterOf(DateTime.Parse(start, null, System.Globalization.DateTimeStyles.AdjustToUniversal)), Deliveries = deliveries };

    internal static async Task<DashboardApplication> StartAsync(bool figureIndex)
    {
        var app = new DashboardApplication(projection: false,
            settings: new Dictionary<string, string?> { ["Analytics:FigureIndex"] = figureIndex ? "true" : "false" });
        var client = app.CreateClient();
        foreach (var (id, created) in Candidates)
        {
            var answer = await client.PostIdibuAsync(new IdibuCandidateBuilder().WithId(id).WithSource("LinkedIn").CreatedOn(created)
                .OnVacancy("v1", "11", "Applicants").Build(), "delivery-" + id);
            Assert.True(answer.IsSuccessStatusCode);
        }
        // Received on either side of Berlin's Monday midnight; both in one UTC week.
        var referrals = new FirstbirdBatchBuilder()
            .Received("r1", "2026-03-29T21:30:00Z")
            .Received("r2", "2026-03-29T22:30:00Z").Build();
        Assert.True((await client.PostFirstbirdAsync(referrals)).IsSuccessStatusCode);
        await app.ProjectAsync();
        if (figureIndex) await IndexBuiltAsync(app);
        return app;
    }

    private static async Task IndexBuiltAsync(DashboardApplication app)
    {
        var host = app.Services.GetRequiredService<FigureIndexHost>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await host.ReadAsync(index => index, CancellationToken.None) is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "the index was not built");
            await Task.Delay(50);
        }
    }

    internal static async Task<List<string>> CandidateIdsAsync(HttpClient api, string query)
    {
        var page = await api.GetFromJsonAsync<RowPage<CandidateRow>>($"/api/analytics/candidates?{query}&pageSize=100");
        return page!.Items.Select(c => c.CandidateId).Order(StringComparer.Ordinal).ToList();
    }

    private static async Task<TimeSeries> WeeksAsync(HttpClient api, string pathAndQuery) =>
        (await api.GetFromJsonAsync<TimeSeries>("/api/analytics/" + pathAndQuery))!;

    private static List<int> Total(TimeSeries series) =>
        series.Periods.Select((_, i) => series.Series.Sum(s => s.Values[i])).ToList();

    private static string Json(object figure) => JsonSerializer.Serialize(figure);
}
