using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dashboard.Simulation;
using Dashboard.Tests.Support;
using Dashboard.Tests.Senders.Firstbird;
using Dashboard.Tests.Senders.Idibu;

namespace Dashboard.Tests.Projection;

/// <summary>The same deliveries in any order give the same figures: the promise that makes retries and late arrivals harmless.</summary>
public sealed class OrderIndependenceTests
{
    private static readonly string[] Endpoints = ["sources", "locations", "consultants", "funnel", "referrals", "quality"];

    [Fact]
    public async Task TheSameDeliveriesInThreeShuffledOrdersGiveIdenticalAnswers()
    {
        var traffic = SampleTrafficGenerator.Generate(new SampleTrafficOptions { Candidates = 60, Seed = 7 });
        Assert.True(traffic.Deliveries.Count >= 200, $"only {traffic.Deliveries.Count} deliveries");
        var deliveries = traffic.Deliveries.Take(200).ToList();

        var answers = new List<Dictionary<string, string>>();
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var shuffled = deliveries.ToList();
            new Random(seed).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(shuffled));
            answers.Add(await FiguresAfterAsync(shuffled));
        }

        foreach (var endpoint in Endpoints)
        {
            Assert.Equal(answers[0][endpoint], answers[1][endpoint]);
            Assert.Equal(answers[0][endpoint], answers[2][endpoint]);
        }
        Assert.Contains("\"candidates\"", answers[0]["sources"]);
    }

    [Fact]
    public async Task FiguresMatchWhatTheGeneratorSent()
    {
        var traffic = SampleTrafficGenerator.Generate(new SampleTrafficOptions { Candidates = 120, Seed = 3 });
        using var database = new TestDatabase();
        await using var app = new DashboardApplication(database, projection: false);
        var report = await new SampleTrafficSender(app.CreateClient())
            .SendAsync(traffic, DashboardApplication.IdibuKey, DashboardApplication.FirstbirdKey, 4, CancellationToken.None);
        await app.ProjectAsync();
        var api = app.CreateApiClient();

        Assert.Equal(0, report.Failed);
        var sources = (await api.GetFromJsonAsync<List<Dashboard.Analytics.SourceFigure>>("/api/analytics/sources"))!;
        Assert.Equal(traffic.Truth.CandidatesBySource, sources.ToDictionary(s => s.Source, s => s.Candidates));
        Assert.Equal(traffic.Truth.PlacedBySource, sources.ToDictionary(s => s.Source, s => s.Placed));
        var funnel = (await api.GetFromJsonAsync<Dashboard.Analytics.FunnelFigures>("/api/analytics/funnel"))!;
        Assert.Equal(traffic.Truth.FunnelReached, funnel.Stages.ToDictionary(s => s.Stage, s => s.Reached));
        Assert.Equal(traffic.Truth.CurrentRejectedPairs, funnel.Rejected);
        var referrals = (await api.GetFromJsonAsync<Dashboard.Analytics.ReferralFigures>("/api/analytics/referrals"))!;
        Assert.Equal(traffic.Truth.ReferralsReceived, referrals.Received);
        Assert.Equal(traffic.Truth.ReferralsHired, referrals.Hired);
        Assert.Equal(traffic.Truth.RewardEligibleHires, referrals.RewardEligibleHires);
        Assert.Equal(traffic.Truth.ReferralsDeleted, referrals.Deleted);
        var quality = (await api.GetFromJsonAsync<Dashboard.Analytics.QualityFigures>("/api/analytics/quality"))!;
        Assert.Equal(traffic.Truth.DuplicatesSent, quality.Duplicates);
    }

    private static async Task<Dictionary<string, string>> FiguresAfterAsync(IReadOnlyList<SampleDelivery> deliveries)
    {
        using var database = new TestDatabase();
        await using var app = new DashboardApplication(database, projection: false);
        var sender = new SampleTrafficSender(app.CreateClient());
        await sender.SendAsync(new SampleTraffic(deliveries, null!), DashboardApplication.IdibuKey, DashboardApplication.FirstbirdKey, 1, CancellationToken.None);
        await app.ProjectAsync();

        var api = app.CreateApiClient();
        var figures = new Dictionary<string, string>();
        foreach (var endpoint in Endpoints)
        {
            var json = JsonNode.Parse(await api.GetStringAsync($"/api/analytics/{endpoint}"))!;
            // outOfOrder measures the arrival order itself, so it is the one figure that must differ between orders.
            if (endpoint == "quality") json.AsObject().Remove("outOfOrder");
            figures[endpoint] = json.ToJsonString();
        }
        return figures;
    }
}
