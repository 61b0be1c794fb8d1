using System.Diagnostics;
using System.Net;
using Dashboard.Ingestion;
using Dashboard.Ingestion.Firstbird;
using Dashboard.Tests.Builders;
using Dashboard.Tests.Support;
using static Dashboard.Tests.Resilience.HostileBodies;

namespace Dashboard.Tests.Resilience;

/// <summary>
/// One body within the size limit can carry a hundred thousand envelopes; projecting them all in one transaction
/// held the store so long that other senders were told to retry. Such a body is kept but quarantined, and the
/// largest batch that is projected leaves the other senders alone.
/// </summary>
public sealed class BigBatchTests(ResilienceApplication shared) : IClassFixture<ResilienceApplication>
{
    [Theory]
    [InlineData(100_000, "quarantined", DeliveryStatus.Quarantined)]
    [InlineData(FirstbirdEnvelopeParser.MaxEnvelopes - 1, "accepted", DeliveryStatus.Projected)]
    public async Task AHugeBatchDoesNotMakeOtherSendersRetry(int badEnvelopes, string answered, DeliveryStatus ends)
    {
        var huge = Utf8(Batch([.. Enumerable.Repeat("{}", badEnvelopes), FirstbirdReceived($"\"huge-batch-{badEnvelopes}\"")]));
        var answer = await (await shared.Client.PostFirstbirdAsync(huge)).AnswerAsync();
        Assert.Equal(answered, answer.Status);

        var slowest = TimeSpan.Zero;
        for (var i = 0; i < 20; i++)
        {
            var clock = Stopwatch.StartNew();
            var id = $"beside-huge-{badEnvelopes}-{i}";
            var response = await shared.Client.PostIdibuAsync(new IdibuCandidateBuilder().WithId(id).Build(), id);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            slowest = clock.Elapsed > slowest ? clock.Elapsed : slowest;
            await Task.Delay(100);
        }

        Assert.True(slowest < TimeSpan.FromSeconds(3), $"an ordinary delivery waited {slowest} while the batch was projected");
        Assert.Equal(ends, (await shared.VerdictAsync(answer.DeliveryId)).Status);
        Assert.Empty(shared.Errors());
    }
}
