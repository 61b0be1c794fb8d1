using Dashboard.Senders.Firstbird;
using Dashboard.Tests.Builders;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Senders.Firstbird;

/// <summary>
/// The fold as the projector runs it: one application per arrival order, its facts posted to the webhook one by one
/// (projected in between) or as one batch, and every copy ends in the same state.
/// </summary>
public sealed class ReferralProjectionOrderTests : IDisposable
{
    private readonly DashboardApplication _app = new(projection: false);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AHireRatedTheNextDayIsARewardedHireHoweverItsFactsArrive()
    {
        var client = _app.CreateClient();
        var orders = new[] { new[] { 0, 1, 2 }, [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0] };
        var ids = new List<string>();
        foreach (var (order, n) in orders.Select((o, n) => (o, n)))
        {
            var id = $"alone-{n}";
            ids.Add(id);
            var facts = Story(id).Envelopes();
            foreach (var i in order)
            {
                await client.PostFirstbirdAsync(FirstbirdBatchBuilder.Batch([facts[i]]));
                await _app.ProjectAsync();
            }
            id = $"batch-{n}";
            ids.Add(id);
            facts = Story(id).Envelopes();
            await client.PostFirstbirdAsync(FirstbirdBatchBuilder.Batch(order.Select(i => facts[i])));
        }
        await _app.ProjectAsync();

        await using var db = await _app.CreateDbContextAsync();
        var folded = await db.ReferralApplications.ToListAsync();
        Assert.Equal(ids.Order(), folded.Select(a => a.ApplicationId).Order());
        var outcomes = folded.Select(a => (a.State, a.HiredAt, a.RewardEligible, a.Rating)).Distinct().ToList();
        Assert.Equal((ReferralStates.Hired, (DateTime?)new DateTime(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc), true, "B"), Assert.Single(outcomes));
    }

    private static FirstbirdBatchBuilder Story(string id) => new FirstbirdBatchBuilder()
        .Received(id, "2026-03-01 09:00:00.000Z")
        .Hired(id, "2026-03-10 09:00:00.000Z", payReward: true)
        .Rated(id, "2026-03-11 09:00:00.000Z", "B");
}
