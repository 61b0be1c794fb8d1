using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dashboard.Deliveries;
using Dashboard.Projection;
using Dashboard.Simulation;
using Dashboard.Tests.Support;
using Serilog.Events;

namespace Dashboard.Tests.Instances;

/// <summary>
/// Two instances projecting one PostgreSQL store while deliveries arrive at both: every delivery is projected once,
/// whichever instance took its batch, so the figures (the data-quality counts included, which a delivery projected
/// twice would count twice) are those a rebuild of the same log gives.
/// </summary>
[Trait(TestRuns.Name, TestRuns.Once)]
public sealed class TwoProjectorsTests
{
    private static readonly string[] Figures = ["sources", "locations", "consultants", "funnel", "referrals", "quality"];

    [Fact]
    public async Task TwoInstancesNeverProjectTheSameDeliveryTwice()
    {
        var deliveries = SampleTrafficGenerator.Generate(new SampleTrafficOptions { Candidates = 60, Seed = 11 }).Deliveries;
        using var shared = new TestDatabase("PostgreSQL");
        await using var first = new DashboardApplication(shared, projection: true);
        await using var second = new DashboardApplication(shared, projection: true);
        first.CreateClient();
        second.CreateClient();

        var halves = deliveries.Select((d, i) => (d, i)).GroupBy(x => x.i % 2, x => x.d).ToList();
        await Task.WhenAll(
            SendAsync(first, halves[0].ToList()),
            SendAsync(second, halves[1].ToList()));
        await NothingWaitsAsync(first);

        var api = first.CreateApiClient();
        Assert.Equal(0, (await api.GetFromJsonAsync<DeliveryPage>("/api/deliveries?status=failed"))!.Total);
        Assert.Equal(0, (await api.GetFromJsonAsync<DeliveryPage>("/api/deliveries?status=accepted"))!.Total);
        var projected = await FiguresAsync(first);
        Assert.Equal(projected, await FiguresAsync(second));

        // A rebuild projects the same log once, batch after batch, and counts the data quality again from scratch.
        Assert.True((await api.PostAsync("/api/admin/rebuild", null)).IsSuccessStatusCode);
        await NothingWaitsAsync(first);
        Assert.Equal(projected, await FiguresAsync(first));
        // Neither projector had a batch refused (a delivery projected twice would break a unique key) or a delivery failed.
        Assert.DoesNotContain(first.Log.Events.Concat(second.Log.Events), e => e.Level >= LogEventLevel.Warning
            && e.Properties.TryGetValue("SourceContext", out var source) && source.ToString().Contains(nameof(DeliveryProjector), StringComparison.Ordinal));
    }

    private static Task SendAsync(DashboardApplication app, IReadOnlyList<SampleDelivery> deliveries) =>
        new SampleTrafficSender(app.CreateClient()).SendAsync(
            new SampleTraffic(deliveries, null!), DashboardApplication.IdibuKey, DashboardApplication.FirstbirdKey, 2, CancellationToken.None);

    private static async Task NothingWaitsAsync(DashboardApplication app)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using var db = await app.CreateDbContextAsync();
            if (await DeliveryStandings.CountWaitingAsync(db, CancellationToken.None) == 0 || DateTime.UtcNow > deadline) return;
            await Task.Delay(100);
        }
    }

    private static async Task<string> FiguresAsync(DashboardApplication app)
    {
        var api = app.CreateApiClient();
        var all = new JsonObject();
        foreach (var figure in Figures) all[figure] = JsonNode.Parse(await api.GetStringAsync($"/api/analytics/{figure}"));
        return all.ToJsonString();
    }
}
