using System.Net.Http.Json;
using Dashboard.Analytics;
using Dashboard.Deliveries;
using Dashboard.Tests.Builders;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Dashboard.Tests.Senders.Firstbird;
using Dashboard.Tests.Senders.Idibu;

namespace Dashboard.Tests.Projection;

/// <summary>What the figures show after deliveries arrive twice, late, broken or while the projector is down.</summary>
public sealed class ProjectionTests : IDisposable
{
    private readonly DashboardApplication _app = new(projection: false);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task DuplicateIdibuDeliveryIsCountedOnce()
    {
        var client = _app.CreateClient();
        var body = new IdibuCandidateBuilder().WithId("c1").OnVacancy("v1", "11", "Applicants").Build();
        await client.PostIdibuAsync(body, "one");
        await client.PostIdibuAsync(body, "one");
        await client.PostIdibuAsync(body);
        await _app.ProjectAsync();

        var sources = await GetAsync<List<SourceFigure>>("/api/analytics/sources");
        Assert.Equal(1, sources.Single().Candidates);
        var quality = await GetAsync<QualityFigures>("/api/analytics/quality");
        Assert.Equal(2, quality.Deliveries);
        Assert.Equal(1, quality.Duplicates);
    }

    [Fact]
    public async Task ResentAndRepackedFirstbirdBatchesAreCountedOnce()
    {
        var client = _app.CreateClient();
        var batch = new FirstbirdBatchBuilder()
            .Received("a1", "2026-03-01 10:00:00.000Z")
            .Hired("a1", "2026-03-05 10:00:00.000Z", payReward: true)
            .Build();
        var repacked = new FirstbirdBatchBuilder()
            .Received("a2", "2026-03-02 10:00:00.000Z")
            .Hired("a1", "2026-03-05 10:00:00.000Z", payReward: true)
            .Build();

        await client.PostFirstbirdAsync(batch);
        var again = await (await client.PostFirstbirdAsync(batch)).AnswerAsync();
        await client.PostFirstbirdAsync(repacked);
        await _app.ProjectAsync();

        Assert.True(again.Duplicate);
        var referrals = await GetAsync<ReferralFigures>("/api/analytics/referrals");
        Assert.Equal(2, referrals.Received);
        Assert.Equal(1, referrals.Hired);
        Assert.Equal(1, referrals.RewardEligibleHires);
        Assert.Equal(4.0, referrals.MedianDaysToHire);
        var quality = await GetAsync<QualityFigures>("/api/analytics/quality");
        Assert.Equal(2, quality.Duplicates);
    }

    [Fact]
    public async Task OlderSnapshotArrivingLateLeavesTheNewerState()
    {
        var client = _app.CreateClient();
        var newer = new IdibuCandidateBuilder().WithId("c1").At("2026-03-10T10:00:00+00:00").WithSource("Indeed")
            .OnVacancy("v1", "241", "Placed", "extra").Build();
        var older = new IdibuCandidateBuilder().WithId("c1").At("2026-03-02T10:00:00+00:00").WithSource("LinkedIn")
            .OnVacancy("v1", "12", "Shortlist").Build();

        await client.PostIdibuAsync(newer, "new");
        await _app.ProjectAsync();
        await client.PostIdibuAsync(older, "old");
        await _app.ProjectAsync();

        var sources = await GetAsync<List<SourceFigure>>("/api/analytics/sources");
        Assert.Equal(new SourceFigure("Indeed", 1, 1), Assert.Single(sources));
        var funnel = await GetAsync<FunnelFigures>("/api/analytics/funnel");
        Assert.Equal(1, funnel.Stages.Single(s => s.Stage == "Placed").Current);
        Assert.Equal(0, funnel.Stages.Single(s => s.Stage == "Shortlisted").Current);
        Assert.Equal(1, funnel.Stages.Single(s => s.Stage == "Shortlisted").Reached);
        var quality = await GetAsync<QualityFigures>("/api/analytics/quality");
        Assert.Equal(1, quality.OutOfOrder);
        await using var db = await _app.CreateDbContextAsync();
        var observed = await db.IdibuStatusObservations.SingleAsync(o => o.StatusKey == "default:12");
        Assert.Equal(new DateTime(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc), observed.FirstObservedAt);
    }

    [Fact]
    public async Task OneBadEnvelopeInABatchQuarantinesOnlyItself()
    {
        var client = _app.CreateClient();
        var batch = new FirstbirdBatchBuilder()
            .Received("a1", "2026-03-01 10:00:00.000Z")
            .Garbage()
            .Rated("a1", "2026-03-02 10:00:00.000Z", "A")
            .Build();

        var answer = await (await client.PostFirstbirdAsync(batch)).AnswerAsync();
        await _app.ProjectAsync();

        Assert.Equal("accepted", answer.Status);
        Assert.Contains("1 of 3", answer.Reason);
        var referrals = await GetAsync<ReferralFigures>("/api/analytics/referrals");
        Assert.Equal(1, referrals.Received);
        Assert.Equal(1, referrals.Ratings["A"]);
        var quality = await GetAsync<QualityFigures>("/api/analytics/quality");
        Assert.Equal(1, quality.Quarantined);
        await using var db = await _app.CreateDbContextAsync();
        var envelope = await db.QuarantinedEnvelopes.SingleAsync();
        Assert.Equal(1, envelope.EnvelopeIndex);
        Assert.Equal("projected", (await _app.CreateApiClient().GetFromJsonAsync<DeliveryDetail>($"/api/deliveries/{answer.DeliveryId}"))!.Status);
    }

    [Fact]
    public async Task DeletedApplicationLeavesEveryFigure()
    {
        var client = _app.CreateClient();
        await client.PostFirstbirdAsync(new FirstbirdBatchBuilder()
            .Received("a1", "2026-03-01 10:00:00.000Z").Rated("a1", "2026-03-02 10:00:00.000Z", "B")
            .Feedback("a1", "2026-03-02 11:00:00.000Z", "r1", "REFERRAL")
            .Received("a2", "2026-03-01 12:00:00.000Z").Build());
        await client.PostFirstbirdAsync(new FirstbirdBatchBuilder().Deleted("a1", "2026-03-03 10:00:00.000Z").Build());
        await _app.ProjectAsync();

        var referrals = await GetAsync<ReferralFigures>("/api/analytics/referrals");
        Assert.Equal(1, referrals.Received);
        Assert.Equal(1, referrals.Deleted);
        Assert.Equal(0, referrals.Ratings["B"]);
        Assert.Equal(0, referrals.Feedback["POSITIVE"]);
    }

    [Fact]
    public async Task AcceptedWhileTheProjectorIsStoppedIsProjectedAfterRestart()
    {
        var client = _app.CreateClient();
        await client.PostIdibuAsync(new IdibuCandidateBuilder().WithId("c9").OnVacancy("v1", "11", "Applicants").Build(), "before-restart");
        Assert.Equal("accepted", Assert.Single((await GetAsync<DeliveryPage>("/api/deliveries")).Items).Status);
        Assert.Empty(await GetAsync<List<SourceFigure>>("/api/analytics/sources"));

        await using var restarted = new DashboardApplication(_app.Database, projection: true);
        var api = restarted.CreateApiClient();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        List<SourceFigure> sources;
        do
        {
            await Task.Delay(100);
            sources = (await api.GetFromJsonAsync<List<SourceFigure>>("/api/analytics/sources"))!;
        }
        while (sources.Count == 0 && DateTime.UtcNow < deadline);

        Assert.Equal(1, Assert.Single(sources).Candidates);
    }

    private async Task<T> GetAsync<T>(string path) => (await _app.CreateApiClient().GetFromJsonAsync<T>(path))!;
}
