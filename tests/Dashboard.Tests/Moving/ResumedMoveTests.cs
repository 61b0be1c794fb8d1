using System.Net.Http.Json;
using Dashboard.DeliveryLog;
using Dashboard.Moving;
using Dashboard.Projection;
using Dashboard.Simulation;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Moving;

[Trait(TestRuns.Name, TestRuns.Once)]
public sealed class ResumedMoveTests
{
    [Fact]
    public async Task AMoveStoppedAfterAChunkCarriesOnAndPicksUpWhatChangedInBetween()
    {
        using var sqlite = new TestDatabase("Sqlite");
        using var postgres = new TestDatabase("PostgreSQL");
        var deliveries = SampleTrafficGenerator.Generate(new SampleTrafficOptions { Candidates = 30, Seed = 5 }).Deliveries;
        var firstHalf = deliveries.Take(deliveries.Count / 2).ToList();
        await using var app = new DashboardApplication(sqlite, projection: false);
        await MoveTestSupport.SendAsync(app, firstHalf);
        var source = MoveTestSupport.Endpoint(sqlite);
        var target = MoveTestSupport.Endpoint(postgres);

        using var stop = new CancellationTokenSource();
        var interrupted = new StoreMove(source, target, _ => { })
        {
            ChunkSize = 20,
            AfterChunk = (copied, _) =>
            {
                if (copied >= 40) stop.Cancel();
                return Task.CompletedTask;
            },
        };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => interrupted.RunAsync(stop.Token));
        await using (var db = await target.Factory.CreateDbContextAsync())
            Assert.Equal(40, await db.Deliveries.CountAsync());

        // Meanwhile the source carries on: new deliveries, the senders' retries of the ones already copied, and the
        // erasure of a candidate whose delivery was copied. Which deliveries got the first 40 ids depends on how the
        // two senders' requests interleaved (a 503 and its retry reorder them), so the retries and the erasure are
        // chosen from what was copied, not from the sample's order.
        await MoveTestSupport.SendAsync(app, deliveries.Skip(firstHalf.Count).ToList());
        await MoveTestSupport.SendAsync(app, firstHalf);
        string erased;
        await using (var db = await app.CreateDbContextAsync())
            erased = await db.IdibuSnapshots.Where(s => s.DeliveryId <= 40).OrderBy(s => s.DeliveryId).Select(s => s.CandidateId).FirstAsync();
        Assert.True((await app.CreateApiClient().PostAsJsonAsync("/api/admin/erasure", new { candidate = erased })).IsSuccessStatusCode);
        await app.ProjectAsync();

        var lines = new List<string>();
        var report = await new StoreMove(source, target, lines.Add) { ChunkSize = 20 }.RunAsync(CancellationToken.None);

        Assert.True(report.Check.Match, string.Join(", ", report.Check.Differences));
        Assert.Contains(lines, l => l.Contains("already holds deliveries up to id 40", StringComparison.Ordinal));
        var reconciled = Assert.Single(lines, l => l.Contains("redacted or erased since", StringComparison.Ordinal));
        Assert.Matches(@"0 filled in, [1-9]\d* redacted or erased since, [1-9]\d* with new duplicate counts", reconciled);
        Assert.True(report.Deliveries.Refreshed > 0, string.Join('\n', lines));
        await using var from = await source.Factory.CreateDbContextAsync();
        await using var to = await target.Factory.CreateDbContextAsync();
        var expected = await from.Deliveries.OrderBy(d => d.Id).Select(d => new { d.Id, d.DedupeKey, d.DuplicateCount, Erased = d.Status == DeliveryStatus.Erased })
            .ToListAsync();
        var moved = await to.Deliveries.OrderBy(d => d.Id).Select(d => new { d.Id, d.DedupeKey, d.DuplicateCount, Erased = d.Status == DeliveryStatus.Erased })
            .ToListAsync();
        Assert.Equal(expected, moved);
        Assert.Contains(moved, d => d.Erased);
        Assert.Equal(0, await DeliveryStandings.CountWaitingAsync(to, CancellationToken.None));

        // A third run finds nothing to do and still matches.
        var again = await new StoreMove(source, target, _ => { }) { ChunkSize = 20 }.RunAsync(CancellationToken.None);
        Assert.Equal((0, 0), (again.Deliveries.Copied, again.Deliveries.Refreshed));
        Assert.True(again.Check.Match);
    }

    [Fact]
    public async Task AMoveIntoAnotherStoresDeliveriesIsRefused()
    {
        using var first = new TestDatabase("Sqlite");
        using var second = new TestDatabase("Sqlite");
        using var postgres = new TestDatabase("PostgreSQL");
        await using (var app = new DashboardApplication(first, projection: false))
            await MoveTestSupport.SendAsync(app, SampleTrafficGenerator.Generate(new SampleTrafficOptions { Candidates = 5, Seed = 1 }).Deliveries);
        await using (var app = new DashboardApplication(second, projection: false))
        {
            await MoveTestSupport.SendAsync(app, SampleTrafficGenerator.Generate(new SampleTrafficOptions { Candidates = 5, Seed = 2 }).Deliveries);
            Assert.True((await app.CreateApiClient().PostAsync("/api/admin/keys/firstbird", null)).IsSuccessStatusCode);
        }
        var target = MoveTestSupport.Endpoint(postgres);
        Assert.True((await new StoreMove(MoveTestSupport.Endpoint(first), target, _ => { }).RunAsync(CancellationToken.None)).Check.Match);
        int keys;
        await using (var db = await target.Factory.CreateDbContextAsync()) keys = await db.SenderKeys.CountAsync();

        var refused = await Assert.ThrowsAsync<MoveRefusedException>(() =>
            new StoreMove(MoveTestSupport.Endpoint(second), target, _ => { }).RunAsync(CancellationToken.None));

        Assert.Contains("not this source's", refused.Message);
        // Refused before anything of the target was replaced.
        await using (var db = await target.Factory.CreateDbContextAsync()) Assert.Equal(keys, await db.SenderKeys.CountAsync());
    }
}
