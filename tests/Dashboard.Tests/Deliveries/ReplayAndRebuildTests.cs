using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dashboard.Deliveries;
using Dashboard.DeliveryLog;
using Dashboard.Senders;
using Dashboard.Simulation;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Deliveries;

public sealed class ReplayAndRebuildTests : IDisposable
{
    private static readonly string[] Figures = ["sources", "locations", "consultants", "funnel", "referrals"];
    private readonly DashboardApplication _app = new(projection: false);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ReplayingDeliveriesGivesTheSameFigures()
    {
        await SendAsync(SampleTrafficGenerator.Generate(new SampleTrafficOptions { Candidates = 30, Seed = 2 }).Deliveries);
        var before = await FiguresAsync();
        var admin = _app.CreateApiClient();

        var dryRun = await (await admin.PostAsync("/api/admin/deliveries/replay?provider=firstbird&dryRun=true", null))
            .Content.ReadFromJsonAsync<Dashboard.Deliveries.DeliveriesEndpoints.ReplayAnswer>();
        Assert.True(dryRun!.Matching > 0);
        Assert.Equal(0, dryRun.Replayed);

        var replay = await (await admin.PostAsync("/api/admin/deliveries/replay?provider=firstbird", null))
            .Content.ReadFromJsonAsync<Dashboard.Deliveries.DeliveriesEndpoints.ReplayAnswer>();
        Assert.Equal(dryRun.Matching, replay!.Replayed);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/admin/deliveries/1/replay", null)).StatusCode);
        await _app.ProjectAsync();

        Assert.Equal(before, await FiguresAsync());
    }

    [Fact]
    public async Task ARebuildWhileDeliveriesKeepArrivingLosesNoneAndMatchesAFreshProjection()
    {
        var deliveries = SampleTrafficGenerator.Generate(new SampleTrafficOptions { Candidates = 60, Seed = 4 }).Deliveries;
        var half = deliveries.Count / 2;
        await SendAsync(deliveries.Take(half).ToList());
        var admin = _app.CreateApiClient();

        var started = await (await admin.PostAsync("/api/admin/rebuild", null)).Content.ReadFromJsonAsync<RebuildProgress>();
        Assert.True(started!.Running);
        var sending = SendAsync(deliveries.Skip(half).ToList());
        var projecting = _app.ProjectAsync();
        await Task.WhenAll(sending, projecting);
        await _app.ProjectAsync();
        var progress = await admin.GetFromJsonAsync<RebuildProgress>("/api/admin/rebuild");
        Assert.False(progress!.Running);
        var rebuilt = await FiguresAsync();

        await using var fresh = new DashboardApplication(projection: false);
        await new SampleTrafficSender(fresh.CreateClient()).SendAsync(
            new SampleTraffic(deliveries, null!), DashboardApplication.IdibuKey, DashboardApplication.FirstbirdKey, 1, CancellationToken.None);
        await fresh.ProjectAsync();
        Assert.Equal(await FiguresAsync(fresh), rebuilt);
        Assert.Equal(0, (await admin.GetFromJsonAsync<DeliveryPage>("/api/deliveries?status=accepted"))!.Total);
        foreach (var status in new[] { "projected", "quarantined" })
        {
            var path = $"/api/deliveries?status={status}";
            Assert.Equal((await fresh.CreateApiClient().GetFromJsonAsync<DeliveryPage>(path))!.Total, (await admin.GetFromJsonAsync<DeliveryPage>(path))!.Total);
        }
    }

    [Fact]
    public async Task AfterAParserChangeABulkReplayChangesExactlyWhatItsDryRunPredicted()
    {
        var client = _app.CreateClient();
        await client.PostIdibuAsync(new Builders.IdibuCandidateBuilder().WithId("k1").WithSource("LinkedIn").OnVacancy("v1", "11", "Applicants").Build(), "k1");
        await client.PostIdibuAsync(new Builders.IdibuCandidateBuilder().WithId("k2").WithSource("Indeed").OnVacancy("v1", "11", "Applicants").Build(), "k2");
        // As if an older parser had not understood k2: it was quarantined and never reached the figures.
        await using (var db = await _app.CreateDbContextAsync())
            await db.Deliveries.Where(d => d.SenderDeliveryId == "k2").ExecuteUpdateAsync(set => set
                .SetProperty(d => d.Status, DeliveryStatus.Quarantined).SetProperty(d => d.StatusReason, "unknown event"));
        await _app.ProjectAsync();
        var admin = _app.CreateApiClient();
        var before = await admin.GetStringAsync("/api/analytics/sources");

        var dryRun = await (await admin.PostAsync("/api/admin/deliveries/replay?status=quarantined&dryRun=true", null))
            .Content.ReadFromJsonAsync<Dashboard.Deliveries.DeliveriesEndpoints.ReplayAnswer>();
        Assert.Equal(before, await admin.GetStringAsync("/api/analytics/sources"));
        Assert.Equal(1, dryRun!.Matching);
        var predicted = Assert.Single(dryRun.WouldChange!, c => c.Figure == "sources");
        Assert.Equal(["consultants", "funnel", "locations", "sources"], dryRun.WouldChange!.Select(c => c.Figure).Order());

        await admin.PostAsync("/api/admin/deliveries/replay?status=quarantined", null);
        await _app.ProjectAsync();

        Assert.Equal(JsonNode.Parse(predicted.After)!.ToJsonString(), JsonNode.Parse(await admin.GetStringAsync("/api/analytics/sources"))!.ToJsonString());
        Assert.Contains("Indeed", predicted.After);
    }

    [Fact]
    public async Task TheConsoleFindsADeliveryByTextInsideItsBody()
    {
        var deliveries = SampleTrafficGenerator.Generate(new SampleTrafficOptions { Candidates = 10, Seed = 9 }).Deliveries;
        await SendAsync(deliveries);
        var log = new DeliveryLogQueries(_app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Dashboard.Storage.DashboardDbContext>>(), _app.Services.GetRequiredService<Dashboard.Storage.StoreDialect>());

        var found = await log.SearchAsync(new DeliverySearch(Text: "100007"), 1, CancellationToken.None);

        Assert.NotEmpty(found.Items);
        Assert.All(found.Items, d => Assert.Equal("idibu", d.Provider));
        var byId = await log.SearchAsync(new DeliverySearch(Id: found.Items[0].Id.ToString()), 1, CancellationToken.None);
        Assert.Equal(found.Items[0].Id, Assert.Single(byId.Items).Id);
    }

    private async Task SendAsync(IReadOnlyList<SampleDelivery> deliveries)
    {
        await new SampleTrafficSender(_app.CreateClient()).SendAsync(
            new SampleTraffic(deliveries, null!), DashboardApplication.IdibuKey, DashboardApplication.FirstbirdKey, 2, CancellationToken.None);
        await _app.ProjectAsync();
    }

    private Task<string> FiguresAsync() => FiguresAsync(_app);

    private static async Task<string> FiguresAsync(DashboardApplication app)
    {
        var api = app.CreateApiClient();
        var all = new JsonObject();
        foreach (var figure in Figures) all[figure] = JsonNode.Parse(await api.GetStringAsync($"/api/analytics/{figure}"));
        return all.ToJsonString();
    }
}
