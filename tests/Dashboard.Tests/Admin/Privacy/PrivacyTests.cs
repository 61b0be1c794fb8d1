using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dashboard.Admin.Privacy;
using Dashboard.Tests.Builders;
using Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Dashboard.Tests.Analytics.Funnel;
using Dashboard.Tests.Deliveries;
using Dashboard.Tests.SenderKeys;

namespace Dashboard.Tests.Admin.Privacy;

public sealed class PrivacyTests : IDisposable
{
    private const string Email = "erase.me@example.com";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero));
    private readonly DashboardApplication _app;

    public PrivacyTests() => _app = new DashboardApplication(projection: false, services: s => s.AddSingleton<TimeProvider>(_clock));

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ErasureLeavesNoTraceOfTheCandidatesEmailInAnyTableOrBody()
    {
        var client = _app.CreateClient();
        await client.PostIdibuAsync(new IdibuCandidateBuilder().WithId("gone").WithEmail(Email).OnVacancy("v1", "11", "Applicants").Build(), "g1");
        await client.PostIdibuAsync(new IdibuCandidateBuilder().WithId("gone").WithEmail(Email).At("2026-03-03T10:00:00+00:00")
            .OnVacancy("v1", "12", "Shortlist").Build(), "g2");
        await client.PostIdibuAsync(new IdibuCandidateBuilder().WithId("stays").OnVacancy("v1", "11", "Applicants").Build(), "s1");
        await _app.ProjectAsync();
        Assert.NotEmpty(await PlacesHolding(Email));

        var report = await (await _app.CreateApiClient().PostAsJsonAsync("/api/admin/erasure", new { candidate = Email }))
            .Content.ReadFromJsonAsync<ErasureReport>();

        Assert.Equal(new ErasureReport(1, 2, 0, 0), report);
        Assert.Empty(await PlacesHolding(Email));
        var sources = await _app.CreateApiClient().GetFromJsonAsync<List<Dashboard.Analytics.SourceFigure>>("/api/analytics/sources");
        Assert.Equal(1, Assert.Single(sources!).Candidates);
        await _app.CreateApiClient().PostAsync("/api/admin/rebuild", null);
        await _app.ProjectAsync();
        var rebuilt = await _app.CreateApiClient().GetFromJsonAsync<List<Dashboard.Analytics.SourceFigure>>("/api/analytics/sources");
        Assert.Equal(1, Assert.Single(rebuilt!).Candidates);
        Assert.Empty(await PlacesHolding(Email));
        Assert.Contains("candidate.erased", await _app.CreateApiClient().GetStringAsync("/api/admin/audit"));
        Assert.DoesNotContain(Email, await _app.CreateApiClient().GetStringAsync("/api/admin/audit"));
    }

    [Fact]
    public async Task RetentionRedactsBodiesPastTheLimitAndKeepsTheFigures()
    {
        var client = _app.CreateClient();
        await client.PostIdibuAsync(new IdibuCandidateBuilder().WithId("old").WithEmail("old.person@example.com").OnVacancy("v1", "11", "Applicants").Build(), "o1");
        await client.PostFirstbirdAsync(new FirstbirdBatchBuilder().Received("a1", "2026-03-01 10:00:00.000Z").Build());
        await _app.ProjectAsync();
        var before = await Figures();
        _clock.Advance(TimeSpan.FromDays(40));
        await client.PostIdibuAsync(new IdibuCandidateBuilder().WithId("new").WithEmail("new.person@example.com").At("2026-04-19T10:00:00+00:00")
            .OnVacancy("v1", "11", "Applicants").Build(), "n1");
        await _app.ProjectAsync();

        var report = await (await _app.CreateApiClient().PostAsync("/api/admin/retention?days=30", null)).Content.ReadFromJsonAsync<RetentionReport>();

        Assert.Equal(2, report!.DeliveriesRedacted);
        Assert.Empty(await PlacesHolding("old.person@example.com"));
        Assert.Empty(await PlacesHolding("ann.lee@example.org"));
        Assert.NotEmpty(await PlacesHolding("new.person@example.com"));
        var after = JsonNode.Parse(await Figures())!;
        Assert.Equal(2, after["sources"]!.AsArray().Sum(s => (int)s!["candidates"]!));
        Assert.Equal(JsonNode.Parse(before)!["referrals"]!.ToJsonString(), after["referrals"]!.ToJsonString());
    }

    private async Task<string> Figures()
    {
        var api = _app.CreateApiClient();
        return new JsonObject
        {
            ["sources"] = JsonNode.Parse(await api.GetStringAsync("/api/analytics/sources")),
            ["referrals"] = JsonNode.Parse(await api.GetStringAsync("/api/analytics/referrals")),
        }.ToJsonString();
    }

    private Task<List<string>> PlacesHolding(string needle) => StoreProbe.PlacesHoldingAsync(_app.Database, needle);
}
