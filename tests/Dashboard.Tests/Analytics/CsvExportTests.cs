using System.Net;
using System.Net.Http.Json;
using Dashboard.Analytics;
using Dashboard.Tests.Builders;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Analytics;

/// <summary>
/// Every analytics endpoint's <c>format=csv</c>, downloaded and read back with a CSV reader as a spreadsheet opens it:
/// UTF-8 with a byte order mark, one column per field, the JSON API's figures.
/// </summary>
public sealed class CsvExportTests : IAsyncLifetime
{
    private readonly DashboardApplication _app = new(projection: false);
    private HttpClient _api = null!;

    public async Task InitializeAsync()
    {
        _api = _app.CreateApiClient();
        var client = _app.CreateClient();
        await client.PostIdibuAsync(new IdibuVacancyBuilder().WithId("v-lon").In("London", "GB").Build(), "vac-1", "vacancy.update");
        await client.PostIdibuAsync(new IdibuCandidateBuilder().WithId("c1").WithSource("LinkedIn").WithConsultant("p1")
            .CreatedOn("2026-03-02T09:30:00+00:00").OnVacancy("v-lon", "241", "Placed", "extra").Build(), "c1");
        await client.PostIdibuAsync(new IdibuCandidateBuilder().WithId("c2").WithSource("=HYPERLINK(\"http://evil\")").WithConsultant("p2")
            .CreatedOn("2026-03-16T09:00:00+00:00").OnVacancy("v-lon", "239", "Invite in for Interview", "extra").Build(), "c2");
        await client.PostFirstbirdAsync(new FirstbirdBatchBuilder()
            .Received("a1", "2026-03-03 10:00:00.000Z").Rated("a1", "2026-03-04 10:00:00.000Z", "good")
            .Hired("a1", "2026-03-20 10:00:00.000Z", payReward: true).Build());
        await _app.ProjectAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("sources", "source,candidates,placed")]
    [InlineData("locations", "location,candidates,placed")]
    [InlineData("consultants", "consultantId,name,candidates,placed")]
    [InlineData("funnel", "stage,reached,current")]
    [InlineData("referrals", "figure,key,value")]
    [InlineData("quality", "figure,key,value")]
    [InlineData("overview?from=2026-03-01&to=2026-03-31", "figure,value,previous")]
    [InlineData("funnel-timings", "stage,medianDaysInStage,pairsMovedOn")]
    [InlineData("vacancy-funnels", "vacancyId,vacancy,reached1,reached2,reached3,reached4,reached5,rejected")]
    [InlineData("candidates-over-time", "week,LinkedIn,=HYPERLINK(\"http://evil\")")]
    [InlineData("referrals-over-time", "week,referral")]
    [InlineData("quality-over-time", "week,Deliveries,Duplicates,Quarantined")]
    [InlineData("candidates", "candidateId,name,source,consultant,createdAt,placed")]
    [InlineData("referral-applications", "applicationId,applicant,job,receivedType,receivedAt,state,rating,closeReason,feedback,hiredAt")]
    public async Task EveryCsvEndpointAnswersUtf8WithAByteOrderMarkAndAColumnPerField(string endpoint, string header)
    {
        var response = await _api.GetAsync($"/api/analytics/{endpoint}{(endpoint.Contains('?') ? '&' : '?')}format=csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var csv = CsvAnswer.Parse(bytes);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal(header.Replace("=HYPERLINK", "'=HYPERLINK").Split(','), csv.Columns);
        Assert.NotEmpty(csv.Rows);
        Assert.DoesNotContain(csv.Rows.SelectMany(r => r.Values), cell => cell.Contains(" { ") || cell.Contains("System."));
    }

    [Fact]
    public async Task TheOverviewSaysValueAndPreviousInColumnsOfTheirOwn()
    {
        var json = await _api.GetFromJsonAsync<OverviewFigures>("/api/analytics/overview?from=2026-03-01&to=2026-03-31");
        var csv = await CsvAsync("overview?from=2026-03-01&to=2026-03-31");

        Assert.Equal(json!.Candidates.Value.ToString(), csv.Row("figure", "candidates")["value"]);
        Assert.Equal(json.Candidates.Previous.ToString(), csv.Row("figure", "candidates")["previous"]);
        Assert.Equal("1", csv.Row("figure", "hires")["value"]);
    }

    [Fact]
    public async Task RowsHoldTheJsonFiguresWithInstantsInIso8601Utc()
    {
        var candidates = await CsvAsync("candidates");
        var referrals = await CsvAsync("referral-applications");
        var sources = await CsvAsync("sources");

        Assert.Equal("2026-03-02T09:30:00Z", candidates.Row("candidateId", "c1")["createdAt"]);
        Assert.Equal("true", candidates.Row("candidateId", "c1")["placed"]);
        Assert.Equal("2026-03-03T10:00:00Z", referrals.Row("applicationId", "a1")["receivedAt"]);
        Assert.Equal("2026-03-20T10:00:00Z", referrals.Row("applicationId", "a1")["hiredAt"]);
        var json = await _api.GetFromJsonAsync<List<SourceFigure>>("/api/analytics/sources");
        Assert.Equal(json!.Select(s => (s.Source.StartsWith('=') ? "'" + s.Source : s.Source, s.Candidates.ToString())),
            sources.Rows.Select(r => (r["source"], r["candidates"])));
    }

    [Fact]
    public async Task TheWeekColumnIsAnIsoDate()
    {
        var csv = await CsvAsync("candidates-over-time");

        Assert.Equal(["2026-03-02", "2026-03-09", "2026-03-16"], csv.Rows.Select(r => r["week"]));
        Assert.Equal(["1", "0", "0"], csv.Rows.Select(r => r["LinkedIn"]));
    }

    private async Task<CsvAnswer> CsvAsync(string endpoint) =>
        CsvAnswer.Parse(await _api.GetByteArrayAsync($"/api/analytics/{endpoint}{(endpoint.Contains('?') ? '&' : '?')}format=csv"));
}
