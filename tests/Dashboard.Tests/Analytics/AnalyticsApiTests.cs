using System.Net;
using System.Net.Http.Json;
using Dashboard.Analytics;
using Dashboard.Tests.Builders;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Analytics;

/// <summary>The JSON API as automation uses it: its token, its filters and the figures it answers.</summary>
public sealed class AnalyticsApiTests : IAsyncLifetime
{
    private readonly DashboardApplication _app = new(projection: false);
    private HttpClient _api = null!;

    public async Task InitializeAsync()
    {
        _api = _app.CreateApiClient();
        var client = _app.CreateClient();
        await client.PostIdibuAsync(new IdibuVacancyBuilder().WithId("v-lon").In("London", "GB").Build(), "vac-1", "vacancy.update");
        await client.PostIdibuAsync(new IdibuVacancyBuilder().WithId("v-ber").In("Berlin", "DE").Build(), "vac-2", "vacancy.update");
        await client.PostIdibuAsync(new IdibuCandidateBuilder().WithId("c1").WithSource("LinkedIn").WithConsultant("p1")
            .CreatedOn("2026-03-01T09:00:00+00:00").OnVacancy("v-lon", "241", "Placed", "extra").OnVacancy("v-ber", "12", "Shortlist").Build(), "c1");
        await client.PostIdibuAsync(new IdibuCandidateBuilder().WithId("c2").WithSource("LinkedIn").WithConsultant("p2")
            .CreatedOn("2026-03-15T09:00:00+00:00").OnVacancy("v-lon", "239", "Invite in for Interview", "extra").Build(), "c2");
        await client.PostIdibuAsync(new IdibuCandidateBuilder().WithId("c3").WithSource(null).WithConsultant("p1")
            .CreatedOn("2026-04-02T09:00:00+00:00").OnVacancy("v-none", "13", "Rejected").Build(), "c3");
        await client.PostIdibuAsync(new IdibuCandidateBuilder().WithId("c4").WithSource("Indeed").LivingIn("Vienna", "AT")
            .CreatedOn("2026-04-03T09:00:00+00:00").OnVacancy("v-ber", "11", "Applicants").Build(), "c4");
        await _app.ProjectAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/api/analytics/sources")]
    [InlineData("/api/analytics/funnel")]
    [InlineData("/api/deliveries")]
    public async Task WithoutTheTokenTheApiAnswers401ProblemJson(string path)
    {
        var anonymous = await _app.CreateClient().GetAsync(path);
        var wrong = _app.CreateClient();
        wrong.DefaultRequestHeaders.Authorization = new("Bearer", "nope");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task SourcesCountCandidatesAndPlacedWithUnknownForMissing()
    {
        var sources = await _api.GetFromJsonAsync<List<SourceFigure>>("/api/analytics/sources");
        Assert.Equal(
            [new("LinkedIn", 2, 1), new("Indeed", 1, 0), new("Unknown", 1, 0)],
            sources);
    }

    [Fact]
    public async Task LocationsUseTheCandidatesOwnPlaceElseEachVacancysPlace()
    {
        var locations = await _api.GetFromJsonAsync<List<LocationFigure>>("/api/analytics/locations");
        Assert.Equal(
            [new("London", 2, 1), new("Berlin", 1, 0), new("Unknown", 1, 0), new("Vienna", 1, 0)],
            locations);
    }

    [Fact]
    public async Task ConsultantsAreKeyedByProfileId()
    {
        var consultants = (await _api.GetFromJsonAsync<List<ConsultantFigure>>("/api/analytics/consultants"))!;
        Assert.Equal(2, consultants.Single(c => c.ConsultantId == "p1").Candidates);
        Assert.Equal("Tim Parker", consultants.Single(c => c.ConsultantId == "p1").Name);
        Assert.Equal(1, consultants.Single(c => c.ConsultantId == "p1").Placed);
    }

    [Fact]
    public async Task FunnelCountsPairsReachingEachStage()
    {
        var funnel = await _api.GetFromJsonAsync<FunnelFigures>("/api/analytics/funnel");
        Assert.Equal(["Applied", "Shortlisted", "Interview", "Offer", "Placed"], funnel!.Stages.Select(s => s.Stage));
        Assert.Equal([4, 3, 2, 1, 1], funnel.Stages.Select(s => s.Reached));
        Assert.Equal([1, 1, 1, 0, 1], funnel.Stages.Select(s => s.Current));
        Assert.Equal(1, funnel.Rejected);
    }

    [Fact]
    public async Task EveryFilterNarrowsTheFigures()
    {
        var march = await _api.GetFromJsonAsync<List<SourceFigure>>("/api/analytics/sources?from=2026-03-01&to=2026-03-31");
        Assert.Equal([new("LinkedIn", 2, 1)], march);
        var byVacancy = await _api.GetFromJsonAsync<List<SourceFigure>>("/api/analytics/sources?vacancy=v-ber");
        Assert.Equal([new("Indeed", 1, 0), new("LinkedIn", 1, 1)], byVacancy);
        var bySource = await _api.GetFromJsonAsync<FunnelFigures>("/api/analytics/funnel?source=Unknown");
        Assert.Equal(0, bySource!.Stages[0].Reached);
        Assert.Equal(1, bySource.Rejected);
        var byConsultant = await _api.GetFromJsonAsync<List<SourceFigure>>("/api/analytics/sources?consultant=p2");
        Assert.Equal([new("LinkedIn", 1, 0)], byConsultant);
        var byLocation = await _api.GetFromJsonAsync<List<SourceFigure>>("/api/analytics/sources?location=Berlin");
        Assert.Equal([new("LinkedIn", 1, 1)], byLocation);
        var funnelInBerlin = await _api.GetFromJsonAsync<FunnelFigures>("/api/analytics/funnel?location=Berlin");
        Assert.Equal(1, funnelInBerlin!.Stages[0].Reached);
    }

    [Theory]
    [InlineData("from=yesterday")]
    [InlineData("to=2026-13-01")]
    [InlineData("from=2026-05-01&to=2026-04-01")]
    public async Task ABadFilterGets400WithAReason(string query)
    {
        var response = await _api.GetAsync("/api/analytics/sources?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task DeliveriesCanBeListedAndReadWithTheirRawBody()
    {
        var page = await _api.GetFromJsonAsync<Dashboard.Deliveries.DeliveryPage>("/api/deliveries?provider=idibu&status=projected");
        Assert.Equal(6, page!.Total);
        var detail = await _api.GetFromJsonAsync<Dashboard.Deliveries.DeliveryDetail>($"/api/deliveries/{page.Items[0].Id}");
        Assert.Contains("\"payload\"", detail!.Body);
        Assert.Equal("Idibu-Hookshot", detail.Headers["User-Agent"]);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync("/api/deliveries/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _api.GetAsync("/api/deliveries?status=bogus")).StatusCode);
    }

    [Theory]
    [InlineData("overview")]
    [InlineData("funnel-timings")]
    [InlineData("vacancy-funnels")]
    [InlineData("candidates-over-time")]
    [InlineData("referrals-over-time")]
    [InlineData("quality-over-time")]
    [InlineData("candidates?stage=Interview")]
    [InlineData("referral-applications")]
    public async Task EveryFigureThePagesShowIsServedAsJsonAndCsv(string endpoint)
    {
        var json = await _api.GetAsync($"/api/analytics/{endpoint}");
        var csv = await _api.GetAsync($"/api/analytics/{endpoint}{(endpoint.Contains('?') ? '&' : '?')}format=csv");

        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task DrillDownListsTheCandidatesBehindAStageWithoutTheirEmails()
    {
        var page = await _api.GetFromJsonAsync<Dashboard.Analytics.RowPage<CandidateRow>>("/api/analytics/candidates?stage=Interview");
        Assert.Equal(["c1", "c2"], page!.Items.Select(c => c.CandidateId).Order());
        Assert.DoesNotContain("@", await _api.GetStringAsync("/api/analytics/candidates"));
    }

    [Fact]
    public async Task CsvHoldsTheSameFiguresAsJson()
    {
        var csv = await _api.GetStringAsync("/api/analytics/sources?format=csv");
        Assert.Equal("source,candidates,placed\nLinkedIn,2,1\nIndeed,1,0\nUnknown,1,0\n", csv.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task FilterOptionsListEveryValueAFilterTakesAsJsonAndCsv()
    {
        var options = await _api.GetFromJsonAsync<FilterOptions>("/api/analytics/filter-options");
        var csv = (await _api.GetStringAsync("/api/analytics/filter-options?format=csv")).ReplaceLineEndings("\n");

        Assert.Equal(["Indeed", "LinkedIn", "Unknown"], options!.Sources.Select(o => o.Value));
        Assert.Equal(["456", "p1", "p2"], options.Consultants.Select(o => o.Value).Order());
        Assert.Equal(["v-ber", "v-lon", "v-none"], options.Vacancies.Select(o => o.Value).Order());
        Assert.Equal(["Berlin", "London", "Unknown", "Vienna"], options.Locations.Select(o => o.Value));
        Assert.StartsWith("parameter,value,label\n", csv);
        Assert.Contains("\nsource,LinkedIn,LinkedIn\n", csv);
        Assert.Contains("\nlocation,Vienna,Vienna\n", csv);
        Assert.Equal(1 + 3 + 3 + 3 + 4 + 1, csv.Split('\n').Length);
    }

    [Fact]
    public async Task HealthSaysFiguresComeFromTheIndexOnceItIsBuilt()
    {
        var client = _app.CreateClient();
        string? figures = null;
        for (var attempt = 0; attempt < 100 && figures != "index"; attempt++)
        {
            var health = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/health");
            Assert.Equal("healthy", health.GetProperty("status").GetString());
            figures = health.GetProperty("figures").GetString();
            Assert.Contains(figures, new[] { "index", "building" });
            if (figures != "index") await Task.Delay(100);
        }
        Assert.Equal("index", figures);
    }

    [Fact]
    public async Task OpenApiDocumentAndHealthAreServed()
    {
        var client = _app.CreateClient();
        var openApi = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/analytics/funnel", openApi);
        Assert.Contains("/webhooks/idibu/{key}", openApi);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        using var document = System.Text.Json.JsonDocument.Parse(openApi);
        var sources = document.RootElement.GetProperty("paths").GetProperty("/api/analytics/sources").GetProperty("get");
        Assert.Equal(["from", "to", "vacancy", "source", "consultant", "location", "format", "tz"],
            sources.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }
}
