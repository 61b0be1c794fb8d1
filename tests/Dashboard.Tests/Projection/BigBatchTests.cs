using System.Diagnostics;
using System.Net;
using Dashboard.DeliveryLog;
using Dashboard.Senders.Firstbird;
using Dashboard.Senders.Idibu;
using Dashboard.Tests.Builders;
using Dashboard.Tests.Ingestion;
using Dashboard.Tests.Senders.Firstbird;
using Dashboard.Tests.Senders.Idibu;
using Dashboard.Tests.Support;
using static Dashboard.Tests.Ingestion.HostileBodies;

namespace Dashboard.Tests.Projection;

/// <summary>
/// One body within the size limit can carry a hundred thousand envelopes, or a candidate on thousands of vacancies;
/// projecting it all in one transaction must not hold the store so long that other senders are told to retry.
/// </summary>
[Trait(TestRuns.Name, TestRuns.Once)]
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

        await AssertOthersAreServedQuicklyAsync($"beside-huge-{badEnvelopes}");
        Assert.Equal(ends, (await shared.VerdictAsync(answer.DeliveryId)).Status);
        Assert.Empty(shared.Errors());
    }

    [Theory]
    [InlineData(12_000, "quarantined", DeliveryStatus.Quarantined)]
    [InlineData(IdibuCandidateReader.MaxVacancies, "accepted", DeliveryStatus.Projected)]
    public async Task ACandidateOnThousandsOfVacanciesDoesNotMakeOtherSendersRetry(int count, string answered, DeliveryStatus ends)
    {
        var vacancies = "[" + string.Join(",", Enumerable.Range(0, count).Select(i =>
            $"{{\"id\":\"hv-{i}\",\"status\":{{\"id\":\"{i}\",\"type\":\"extra\",\"label\":\"S{i}\"}}}}")) + "]";
        var body = Utf8(IdibuCandidate($"\"many-vacancies-{count}\"", vacancies: vacancies));
        var answer = await (await shared.Client.PostIdibuAsync(body, $"many-vacancies-{count}")).AnswerAsync();
        Assert.Equal(answered, answer.Status);

        await AssertOthersAreServedQuicklyAsync($"beside-vacancies-{count}");
        Assert.Equal(ends, (await shared.VerdictAsync(answer.DeliveryId)).Status);
        Assert.Empty(shared.Errors());
    }

    private async Task AssertOthersAreServedQuicklyAsync(string idPrefix)
    {
        var slowest = TimeSpan.Zero;
        for (var i = 0; i < 20; i++)
        {
            var clock = Stopwatch.StartNew();
            var response = await shared.Client.PostIdibuAsync(new IdibuCandidateBuilder().WithId($"{idPrefix}-{i}").Build(), $"{idPrefix}-{i}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            slowest = clock.Elapsed > slowest ? clock.Elapsed : slowest;
            await Task.Delay(100);
        }
        Assert.True(slowest < TimeSpan.FromSeconds(3), $"an ordinary delivery waited {slowest} while the big one was projected");
    }
}
