using System.Net;
using System.Net.Http.Json;
using Dashboard.Analytics;
using Dashboard.Analytics.Funnel;
using Dashboard.SenderKeys;
using Dashboard.Tests.Builders;
using Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Analytics;

/// <summary>
/// Figures are kept between asks, yet every writer of the store shows at once in the next answer: the projector, the
/// funnel settings, a repeated delivery, wrong keys, an erasure, a rebuild.
/// </summary>
public sealed class CachedAnalyticsQueriesTests : IAsyncLifetime
{
    private readonly DashboardApplication _app = new(projection: false);
    private HttpClient _senders = null!;
    private HttpClient _api = null!;

    public Task InitializeAsync()
    {
        _senders = _app.CreateClient();
        _api = _app.CreateApiClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ADeliveryChangesTheAnswerAsSoonAsItIsProjected()
    {
        await _senders.PostIdibuAsync(new IdibuCandidateBuilder().WithId("c1").WithSource("LinkedIn").OnVacancy("v1", "11", "Applicants").Build(), "d1");
        await _app.ProjectAsync();
        Assert.Equal(["LinkedIn"], (await Sources()).Select(s => s.Source));
        Assert.DoesNotContain("Indeed", await _api.GetStringAsync("/api/analytics/sources?format=csv"));

        await _senders.PostIdibuAsync(new IdibuCandidateBuilder().WithId("c2").WithSource("Indeed").OnVacancy("v1", "11", "Applicants").Build(), "d2");
        await _app.ProjectAsync();

        Assert.Equal(["Indeed", "LinkedIn"], (await Sources()).Select(s => s.Source).Order());
        Assert.Contains("Indeed", await _api.GetStringAsync("/api/analytics/sources?format=csv"));
        Assert.Equal(2, (await Quality()).Deliveries);
    }

    [Fact]
    public async Task SavingTheFunnelChangesTheFunnelAnswerAtOnce()
    {
        await _senders.PostIdibuAsync(new IdibuCandidateBuilder().WithId("c1").OnVacancy("v1", "888", "Talent pool", "extra").Build(), "d1");
        await _app.ProjectAsync();
        var before = await Funnel();
        Assert.DoesNotContain(before.Stages, s => s.Stage == "Pooled");

        var saved = await _api.PutAsJsonAsync("/api/admin/funnel", new FunnelChange(
            ["Pooled", "Applied", "Placed"], new Dictionary<string, string?> { ["extra:888"] = "Pooled" }));

        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        var after = await Funnel();
        Assert.Equal(["Pooled", "Applied", "Placed"], after.Stages.Select(s => s.Stage));
        Assert.Equal(1, after.Stages[0].Current);
    }

    [Fact]
    public async Task ARepeatedDeliveryCountsAsADuplicateAtOnce()
    {
        var body = new IdibuCandidateBuilder().WithId("c1").OnVacancy("v1", "11", "Applicants").Build();
        await _senders.PostIdibuAsync(body, "d1");
        await _app.ProjectAsync();
        Assert.Equal(0, (await Quality()).Duplicates);

        Assert.True((await (await _senders.PostIdibuAsync(body, "d1")).AnswerAsync()).Duplicate);

        Assert.Equal(1, (await Quality()).Duplicates);
    }

    [Fact]
    public async Task WrongKeysCountInTheQualityFiguresOnceWritten()
    {
        Assert.Equal(0, (await Quality()).AuthFailures);

        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await _senders.PostIdibuAsync([], key: "not-a-key")).StatusCode);
        await _app.Services.GetRequiredService<AuthFailureCounter>().FlushAsync(CancellationToken.None);

        Assert.Equal(3, (await Quality()).AuthFailures);
    }

    [Fact]
    public async Task AnErasedCandidateLeavesTheListsAtOnce()
    {
        await _senders.PostIdibuAsync(new IdibuCandidateBuilder().WithId("gone").WithEmail("gone@example.com").OnVacancy("v1", "11", "Applicants").Build(), "g1");
        await _senders.PostIdibuAsync(new IdibuCandidateBuilder().WithId("stays").WithEmail("stays@example.com").OnVacancy("v1", "11", "Applicants").Build(), "s1");
        await _app.ProjectAsync();
        Assert.Equal(["gone", "stays"], (await Candidates()).Items.Select(c => c.CandidateId).Order());

        (await _api.PostAsJsonAsync("/api/admin/erasure", new { candidate = "gone" })).EnsureSuccessStatusCode();

        var after = await Candidates();
        Assert.Equal("stays", Assert.Single(after.Items).CandidateId);
        Assert.Equal(1, Assert.Single(await Sources()).Candidates);
    }

    [Fact]
    public async Task ARebuildShowsAtOnceAndTheFiguresFillBackIn()
    {
        await _senders.PostIdibuAsync(new IdibuCandidateBuilder().WithId("c1").OnVacancy("v1", "11", "Applicants").Build(), "d1");
        await _app.ProjectAsync();
        Assert.Single(await Sources());

        Assert.Equal(HttpStatusCode.Accepted, (await _api.PostAsync("/api/admin/rebuild", null)).StatusCode);
        Assert.Empty(await Sources());

        await _app.ProjectAsync();
        Assert.Equal(1, Assert.Single(await Sources()).Candidates);
    }

    private async Task<List<SourceFigure>> Sources() => (await _api.GetFromJsonAsync<List<SourceFigure>>("/api/analytics/sources"))!;

    private async Task<QualityFigures> Quality() => (await _api.GetFromJsonAsync<QualityFigures>("/api/analytics/quality"))!;

    private async Task<FunnelFigures> Funnel() => (await _api.GetFromJsonAsync<FunnelFigures>("/api/analytics/funnel"))!;

    private async Task<RowPage<CandidateRow>> Candidates() =>
        (await _api.GetFromJsonAsync<RowPage<CandidateRow>>("/api/analytics/candidates"))!;
}
