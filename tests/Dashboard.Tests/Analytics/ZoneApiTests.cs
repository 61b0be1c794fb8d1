using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Analytics;

namespace Dashboard.Tests.Analytics;

/// <summary>
/// The JSON API and its CSV in the agency's zone: the zone an admin set unless <c>tz</c> names another, always said in
/// the answer; an unknown zone is refused naming <c>tz</c>; a change of the agency's zone shows in the next answer.
/// </summary>
public sealed class ZoneApiTests
{
    [Fact]
    public async Task TheAgencysZoneCutsTheDaysUntilTzNamesAnotherAndTheAnswerSaysWhich()
    {
        await using var app = await ZoneFiguresTests.StartAsync(figureIndex: true);
        var api = app.CreateApiClient();
        const string day = "from=2026-03-29&to=2026-03-29";

        // Asked once in UTC first, so a figure kept from before the change would show.
        Assert.Equal(["c", "d", "e"], await ZoneFiguresTests.CandidateIdsAsync(api, day));
        Assert.Equal(HttpStatusCode.NoContent, (await api.PutAsJsonAsync("/api/admin/time-zone", new { timeZone = "Europe/Berlin" })).StatusCode);

        Assert.Equal(["a", "b", "c"], await ZoneFiguresTests.CandidateIdsAsync(api, day));
        Assert.Equal(["c", "d", "e"], await ZoneFiguresTests.CandidateIdsAsync(api, day + "&tz=UTC"));
        Assert.Equal(["a", "b"], await ZoneFiguresTests.CandidateIdsAsync(api, "from=2026-03-28&to=2026-03-28&tz=America/New_York"));

        var sources = await api.GetAsync($"/api/analytics/sources?{day}");
        Assert.Equal("Europe/Berlin", sources.Headers.GetValues(AnalyticsEndpoints.TimeZoneHeader).Single());
        Assert.Equal(3, (await sources.Content.ReadFromJsonAsync<List<SourceFigure>>())!.Single().Candidates);
        var overridden = await api.GetAsync($"/api/analytics/candidates?{day}&tz=Asia/Kolkata");
        Assert.Equal("Asia/Kolkata", overridden.Headers.GetValues(AnalyticsEndpoints.TimeZoneHeader).Single());
        using var list = JsonDocument.Parse(await overridden.Content.ReadAsStringAsync());
        Assert.Equal("Asia/Kolkata", list.RootElement.GetProperty("timeZone").GetString());
    }

    [Theory]
    [InlineData("Europe/Nowhere")]
    [InlineData("W. Europe Standard Time")]
    [InlineData("+02:00")]
    public async Task AnUnknownZoneIsA400NamingTz(string zone)
    {
        await using var app = await ZoneFiguresTests.StartAsync(figureIndex: false);
        var answer = await app.CreateApiClient().GetAsync($"/api/analytics/candidates-over-time?tz={Uri.EscapeDataString(zone)}");

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("tz", out _));
        Assert.Contains("'tz'", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task TheCsvShowsInstantsInTheZoneAndItsColumnsSayWhich()
    {
        await using var app = await ZoneFiguresTests.StartAsync(figureIndex: true);
        var api = app.CreateApiClient();

        var answer = await api.GetAsync("/api/analytics/candidates?from=2026-03-30&to=2026-03-30&tz=Europe/Berlin&format=csv");
        Assert.Equal("Europe/Berlin", answer.Headers.GetValues(AnalyticsEndpoints.TimeZoneHeader).Single());
        var csv = CsvAnswer.Parse(await answer.Content.ReadAsByteArrayAsync());
        Assert.Contains("createdAt (Europe/Berlin)", csv.Columns);
        Assert.Equal("2026-03-30T00:00:00+02:00", csv.Row("candidateId", "d")["createdAt (Europe/Berlin)"]);
        Assert.Equal("2026-03-30T01:30:00+02:00", csv.Row("candidateId", "e")["createdAt (Europe/Berlin)"]);

        var weeks = CsvAnswer.Parse(await api.GetByteArrayAsync("/api/analytics/candidates-over-time?from=2026-03-29&to=2026-03-30&tz=Europe/Berlin&format=csv"));
        Assert.Equal(["2026-03-23", "2026-03-30"], weeks.Rows.Select(r => r["week"]));

        // In UTC the CSV is as it always was.
        var utc = CsvAnswer.Parse(await api.GetByteArrayAsync("/api/analytics/candidates?from=2026-03-29&to=2026-03-29&format=csv"));
        Assert.Equal("2026-03-29T22:00:00Z", utc.Row("candidateId", "d")["createdAt"]);
    }
}
