using System.Net.Http.Json;
using Dashboard.Ingestion;
using Dashboard.Projection;
using Dashboard.Simulation;
using Dashboard.Storage.Moving;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Storage.Moving;

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

        // Meanwhile the source carries on: new deliveries, a sender's retry of one already copied, an erasure.
        await MoveTestSupport.SendAsync(app, deliveries.Skip(firstHalf.Count).ToList());
        await MoveTestSupport.SendAsync(app, [firstHalf[0]]);
        Assert.True((await app.CreateApiClient().PostAsJsonAsync("/api/admin/erasure", new { candidate = "100002" })).IsSuccessStatusCode);
        await app.ProjectAsync();

        var lines = new List<string>();
        var report = await new StoreMove(source, target, lines.Add) { ChunkSize = 20 }.RunAsync(CancellationToken.None);

        Assert.True(report.Check.Match, string.Join(", ", report.Check.Differences));
        Assert.True(report.Deliveries.Refreshed > 0);
        Assert.Contains(lines, l => l.Contains("already holds deliveries up to id 40", StringComparison.Ordinal));
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
        await using (var db = await target.Factory.CreateDbContextAsync()) keys = await db.EndpointKeys.CountAsync();

        var refused = await Assert.ThrowsAsync<MoveRefusedException>(() =>
            new StoreMove(MoveTestSupport.Endpoint(second), target, _ => { }).RunAsync(CancellationToken.None));

        Assert.Contains("not this source's", refused.Message);
        // Refused before anything of the target was replaced.
        await using (var db = await target.Factory.CreateDbContextAsync()) Assert.Equal(keys, await db.EndpointKeys.CountAsync());
    }
}
