using System.Net;
using Dashboard.Ingestion;
using Dashboard.Storage;
using Dashboard.Tests.Builders;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Events;
using Dashboard.Tests.DeliveryLog;
using Dashboard.Tests.SenderKeys;
using Dashboard.Tests.Senders;

namespace Dashboard.Tests.Ingestion;

/// <summary>
/// An instance works on at most <c>Webhooks:MaxDeliveriesInFlight</c> deliveries at once; one more is told to come
/// back later before its body is read, and what is already in hand is stored as usual.
/// </summary>
public sealed class DeliveriesInFlightTests : IDisposable
{
    private readonly DashboardApplication _app = new(projection: false,
        settings: new Dictionary<string, string?> { ["Webhooks:MaxDeliveriesInFlight"] = "3" });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task OneMoreThanTheLimitIsAnswered503WithRetryAfterAndTheOthersAreStored()
    {
        var client = _app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PostIdibuAsync(new IdibuCandidateBuilder().WithId("before").Build(), "before")).StatusCode);
        var intake = _app.Services.GetRequiredService<WebhookIntake>();

        Task<HttpResponseMessage>[] held;
        HttpResponseMessage refused;
        using (await _app.Services.GetRequiredService<StoreWriteGate>().EnterAsync(CancellationToken.None))
        {
            // The log cannot commit while the gate is held, so these three stay in hand.
            held = Enumerable.Range(0, 3)
                .Select(i => client.PostIdibuAsync(new IdibuCandidateBuilder().WithId($"held-{i}").Build(), $"held-{i}"))
                .ToArray();
            await WaitUntilAsync(() => intake.InFlight == 3);

            refused = await client.PostIdibuAsync(new IdibuCandidateBuilder().WithId("one-more").Build(), "one-more");
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(refused.Headers.RetryAfter);
        // A refusal is what the limit is for, not a fault: counted as a warning, never logged as an error.
        Assert.Contains(_app.Log.Events, e => e.Level == LogEventLevel.Warning && e.RenderMessage().StartsWith("Deliveries asked to retry since the last such line: 1;"));
        Assert.DoesNotContain(_app.Log.Events, e => e.Level >= LogEventLevel.Error);
        foreach (var response in await Task.WhenAll(held))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False((await response.AnswerAsync()).Duplicate);
        }
        await using var db = await _app.CreateDbContextAsync();
        Assert.Equal(4, await db.Deliveries.CountAsync());
        Assert.False(await db.Deliveries.AnyAsync(d => d.SenderDeliveryId == "one-more"));

        // Once the others are answered, the same delivery is taken.
        Assert.Equal(HttpStatusCode.OK, (await client.PostIdibuAsync(new IdibuCandidateBuilder().WithId("one-more").Build(), "one-more")).StatusCode);
        Assert.Equal(0, intake.InFlight);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(3);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "the deliveries never got to the log");
            await Task.Delay(10);
        }
    }
}
