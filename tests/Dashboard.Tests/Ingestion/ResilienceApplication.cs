using System.Net.Http.Json;
using Dashboard.DeliveryLog;
using Dashboard.Projection;
using Dashboard.Tests.Builders;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Serilog.Events;
using Dashboard.Tests.DeliveryLog;
using Dashboard.Tests.SenderKeys;
using Dashboard.Tests.Senders;

namespace Dashboard.Tests.Ingestion;

/// <summary>
/// One app, with its background projector running, shared by a class of resilience tests: the point is that it keeps
/// working across everything they throw at it.
/// </summary>
public sealed class ResilienceApplication : IAsyncLifetime
{
    private static readonly TimeSpan VerdictWithin = TimeSpan.FromSeconds(30);
    private int _freshCount;

    public DashboardApplication App { get; } = new(projection: true);
    public HttpClient Client { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Client = App.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>Error-level events (unhandled exceptions, failed projections) logged so far.</summary>
    public IReadOnlyList<LogEvent> Errors() => App.Log.Events.Where(e => e.Level >= LogEventLevel.Error).ToList();

    /// <summary>Waits for the background projector to leave the delivery in its final state, and returns it with the status the console shows.</summary>
    public async Task<Delivery> VerdictAsync(long deliveryId)
    {
        var deadline = DateTime.UtcNow + VerdictWithin;
        while (true)
        {
            await using var db = await App.CreateDbContextAsync();
            var delivery = await db.Deliveries.AsNoTracking().SingleAsync(d => d.Id == deliveryId);
            delivery.Status = DeliveryStandings.ShownStatus(delivery.Status, delivery.Id, await DeliveryStandings.WatermarkAsync(db, CancellationToken.None));
            if (delivery.Status != DeliveryStatus.Accepted || DateTime.UtcNow > deadline) return delivery;
            await Task.Delay(25);
        }
    }

    /// <summary>Waits until the background projector has nothing left to do.</summary>
    public async Task<int> WaitUntilNothingWaitsAsync(TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            await using var db = await App.CreateDbContextAsync();
            var waiting = await DeliveryStandings.CountWaitingAsync(db, CancellationToken.None);
            if (waiting == 0 || DateTime.UtcNow > deadline) return waiting;
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Posts an ordinary delivery and proves the background projector still takes it all the way into the read model.
    /// </summary>
    public async Task AssertAFreshDeliveryIsProjectedAsync()
    {
        var candidateId = $"fresh-{Interlocked.Increment(ref _freshCount)}-{Guid.NewGuid():N}";
        var response = await Client.PostIdibuAsync(new IdibuCandidateBuilder().WithId(candidateId).OnVacancy("v-fresh", "11", "Applicants").Build(), candidateId);
        var answer = await response.Content.ReadFromJsonAsync<WebhookAnswerBody>();
        Assert.Equal("accepted", answer!.Status);

        var delivery = await VerdictAsync(answer.DeliveryId);
        Assert.Equal(DeliveryStatus.Projected, delivery.Status);
        await using var db = await App.CreateDbContextAsync();
        Assert.True(await db.IdibuCandidates.AnyAsync(c => c.CandidateId == candidateId), "the fresh candidate reached the read model");
    }
}
