using System.Net;
using System.Net.Http.Json;
using Dashboard.Admin.Audit;
using Dashboard.Analytics;
using Dashboard.Analytics.Funnel;
using Dashboard.Tests.Builders;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Analytics.Funnel;

public sealed class FunnelEditorTests : IAsyncLifetime
{
    private readonly DashboardApplication _app = new(projection: false);
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _admin = _app.CreateApiClient();
        var client = _app.CreateClient();
        await client.PostIdibuAsync(new IdibuCandidateBuilder().WithId("c1").OnVacancy("v1", "241", "Placed", "extra").Build(), "c1");
        await client.PostIdibuAsync(new IdibuCandidateBuilder().WithId("c2").OnVacancy("v1", "777", "Second interview", "extra").Build(), "c2");
        await client.PostIdibuAsync(new IdibuCandidateBuilder().WithId("c3").OnVacancy("v1", "888", "Talent pool", "extra").Build(), "c3");
        await _app.ProjectAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task EveryStatusSeenIsListedWithItsMappingAndUnmappedOnesStandOut()
    {
        var view = await _admin.GetFromJsonAsync<FunnelSettingsView>("/api/admin/funnel");

        Assert.Equal(FunnelDefinition.DefaultStages, view!.Stages);
        var rows = view.Statuses.ToDictionary(s => s.StatusKey);
        Assert.Equal("Placed", rows["extra:241"].Target);
        Assert.Equal("Interview", rows["extra:777"].Target);
        Assert.Null(rows["extra:888"].Target);
        Assert.False(rows["extra:888"].Explicit);
        Assert.Equal(1, rows["extra:888"].Pairs);
    }

    [Fact]
    public async Task AMappingChangeRedrawsEveryFigureHistoryIncludedAndIsAudited()
    {
        Assert.Equal(1, (await Funnel()).Stages.Single(s => s.Stage == "Placed").Reached);

        var saved = await _admin.PutAsJsonAsync("/api/admin/funnel", new FunnelChange(
            ["Applied", "Screened", "Interview", "Offer", "Placed"],
            new Dictionary<string, string?> { ["extra:241"] = FunnelDefinition.Ignored, ["extra:888"] = "Screened" }));

        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        var funnel = await Funnel();
        Assert.Equal(["Applied", "Screened", "Interview", "Offer", "Placed"], funnel.Stages.Select(s => s.Stage));
        Assert.Equal(0, funnel.Stages.Single(s => s.Stage == "Placed").Reached);
        Assert.Equal(1, funnel.Stages.Single(s => s.Stage == "Screened").Current);
        var sources = await _admin.GetFromJsonAsync<List<SourceFigure>>("/api/analytics/sources");
        Assert.Equal(0, sources!.Sum(s => s.Placed));
        var audit = await _admin.GetFromJsonAsync<List<AuditRow>>("/api/admin/audit?action=funnel.");
        Assert.Contains("extra:241→None", Assert.Single(audit!).Details);
    }

    [Theory]
    [InlineData("""{"stages":[],"mappings":{}}""", "at least one stage")]
    [InlineData("""{"stages":["Applied","Applied"],"mappings":{}}""", "same name")]
    [InlineData("""{"stages":["Applied"],"mappings":{"extra:241":"Hired"}}""", "'Hired' is not one of the stages")]
    public async Task AnImpossibleFunnelIsRefusedWithTheReason(string body, string reason)
    {
        var response = await _admin.PutAsync("/api/admin/funnel", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
    }

    private async Task<FunnelFigures> Funnel() => (await _admin.GetFromJsonAsync<FunnelFigures>("/api/analytics/funnel"))!;
}
