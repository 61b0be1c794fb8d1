using System.Net.Http.Json;
using Dashboard.Analytics;
using Dashboard.Deliveries.Quality;
using Dashboard.DeliveryLog;
using Dashboard.Projection;
using Dashboard.Senders;
using Dashboard.Simulation;
using Dashboard.Storage;
using Dashboard.Tests.Fixtures;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Deliveries.Quality;

/// <summary>
/// The quarter-hour quality counts stay what counting the delivery log gives, whatever happened: deliveries over
/// days and weeks in any order, repeats, late snapshots, quarantine on arrival and by the projector, bad envelopes,
/// a replay of some deliveries, an erasure, a rebuild.
/// </summary>
public sealed class DeliveryQualityRollupTests
{
    [Theory]
    [InlineData(5)]
    [InlineData(17)]
    public async Task TheKeptCountsAreWhatCountingTheLogGives(int seed)
    {
        var random = new Random(seed);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 22, 50, 0, TimeSpan.Zero));
        var traffic = SampleTrafficGenerator.Generate(new SampleTrafficOptions { Candidates = 60, Seed = seed, LateShare = 0.2, DuplicateShare = 0.15 });
        var deliveries = traffic.Deliveries.ToList();
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(deliveries));

        await using var app = new DashboardApplication(projection: false, services: s => s.AddSingleton<TimeProvider>(clock));
        var api = app.CreateApiClient();
        var client = app.CreateClient();
        var sender = new SampleTrafficSender(client);
        var rounds = deliveries.Chunk(deliveries.Count / 5 + 1).ToList();
        for (var round = 0; round < rounds.Count; round++)
        {
            foreach (var part in rounds[round].Chunk(7))
            {
                await sender.SendAsync(new SampleTraffic(part, null!), DashboardApplication.IdibuKey, DashboardApplication.FirstbirdKey, 1, CancellationToken.None);
                // Quarter hours, days and weeks apart, some sent again later (a sender's retry).
                clock.Advance(TimeSpan.FromMinutes(random.Next(1, 300)));
            }
            await client.PostIdibuAsync(FixtureFile.Read("Idibu/malformed.json"), $"bad-{round}");
            await client.PostFirstbirdAsync(FixtureFile.Read("Firstbird/mixed-batch-one-bad.json"));
            if (round % 2 == 1) await client.PostFirstbirdAsync(FixtureFile.Read("Firstbird/mixed-batch-one-bad.json"));
            await app.ProjectAsync();
            await AssertCountsAsync(app, api, $"seed {seed}, round {round}");

            switch (round)
            {
                case 0:
                    Assert.True((await api.PostAsync("/api/admin/deliveries/replay?provider=idibu", null)).IsSuccessStatusCode);
                    break;
                case 1:
                    Assert.True((await api.PostAsync($"/api/admin/deliveries/{await AnyDeliveryAsync(app, random)}/replay", null)).IsSuccessStatusCode);
                    break;
                case 2:
                    var candidate = await AnyCandidateAsync(app, random);
                    Assert.True((await api.PostAsJsonAsync("/api/admin/erasure", new { candidate })).IsSuccessStatusCode);
                    break;
                case 3:
                    Assert.True((await api.PostAsync("/api/admin/rebuild", null)).IsSuccessStatusCode);
                    break;
            }
            await AssertCountsAsync(app, api, $"seed {seed}, after the change of round {round}, before projecting it");
            await app.ProjectAsync();
            await AssertCountsAsync(app, api, $"seed {seed}, after the change of round {round}");
        }
    }

    [Fact]
    public async Task AStoreFromBeforeTheCountsIsCountedOnceAtStart()
    {
        using var database = new TestDatabase();
        await using (var first = new DashboardApplication(database, projection: false))
        {
            var client = first.CreateClient();
            await client.PostIdibuAsync(FixtureFile.Read("Idibu/malformed.json"), "bad");
            await client.PostFirstbirdAsync(FixtureFile.Read("Firstbird/mixed-batch-one-bad.json"));
            await client.PostFirstbirdAsync(FixtureFile.Read("Firstbird/mixed-batch-one-bad.json"));
            await first.ProjectAsync();
            await using var db = await first.CreateDbContextAsync();
            await db.DeliveryQualityQuarters.ExecuteDeleteAsync();
        }

        await using var second = new DashboardApplication(database, projection: false);
        var quality = await second.CreateApiClient().GetFromJsonAsync<QualityFigures>("/api/analytics/quality");

        await using var counted = await second.CreateDbContextAsync();
        Assert.Equal(2, quality!.Deliveries);
        Assert.Equal(await CountedAsync(counted, AnalyticsFilter.None), quality);
    }

    private static async Task AssertCountsAsync(DashboardApplication app, HttpClient api, string when)
    {
        await using var db = await app.CreateDbContextAsync();
        var kept = await db.DeliveryQualityQuarters.AsNoTracking().OrderBy(q => q.Quarter).ToListAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await DeliveryQualityRollup.RecountAsync(db, CancellationToken.None);
            var recounted = await db.DeliveryQualityQuarters.AsNoTracking().OrderBy(q => q.Quarter).ToListAsync();
            Assert.True(Rows(kept) == Rows(recounted), $"{when}: kept\n{Rows(kept)}\nrecounted\n{Rows(recounted)}");
            await transaction.RollbackAsync();
        }

        var days = await db.Deliveries.Select(d => d.ReceivedAt).ToListAsync();
        var first = DateOnly.FromDateTime(days.Min());
        var last = DateOnly.FromDateTime(days.Max());
        foreach (var filter in new[] { AnalyticsFilter.None, new AnalyticsFilter(first.AddDays(1), last), new AnalyticsFilter(first, first.AddDays(2)) })
        {
            var query = filter.ToQueryString();
            Assert.Equal(await CountedAsync(db, filter), await api.GetFromJsonAsync<QualityFigures>($"/api/analytics/quality?{query}"));
        }
    }

    private static string Rows(IEnumerable<DeliveryQualityQuarter> rows) => string.Join('\n', rows.Select(q =>
        $"{q.Quarter}: {q.Deliveries} {q.DuplicateDeliveries} {q.Quarantined} {q.QuarantinedEnvelopes} {q.OutOfOrder} {q.RepeatedEvents}"));

    /// <summary>The quality figures counted from the log itself, as they were before the counts were kept.</summary>
    private static async Task<QualityFigures> CountedAsync(DashboardDbContext db, AnalyticsFilter filter)
    {
        var deliveries = db.Deliveries.AsNoTracking().Where(d => d.ReceivedAt >= filter.FromUtc && d.ReceivedAt < filter.ToUtcExclusive);
        var count = await deliveries.CountAsync();
        var repeatedDeliveries = await deliveries.SumAsync(d => d.DuplicateCount);
        var repeatedEvents = await db.FirstbirdEvents.AsNoTracking()
            .Where(e => e.RepeatCount > 0 && deliveries.Any(d => d.Id == e.DeliveryId)).SumAsync(e => e.RepeatCount);
        var quarantined = await deliveries.CountAsync(d => d.Status == DeliveryStatus.Quarantined);
        var envelopes = await db.QuarantinedEnvelopes.AsNoTracking()
            .CountAsync(q => deliveries.Any(d => d.Id == q.DeliveryId && d.Status != DeliveryStatus.Quarantined));
        var outOfOrder = await db.IdibuSnapshots.AsNoTracking().CountAsync(s => s.OutOfOrder && deliveries.Any(d => d.Id == s.DeliveryId));
        var authFailures = await db.AuthFailures.AsNoTracking()
            .Where(a => a.HourStart >= filter.FromUtc && a.HourStart < filter.ToUtcExclusive).SumAsync(a => a.Count);
        return new QualityFigures(count, repeatedDeliveries + repeatedEvents, quarantined + envelopes, outOfOrder, authFailures);
    }

    private static async Task<long> AnyDeliveryAsync(DashboardApplication app, Random random)
    {
        await using var db = await app.CreateDbContextAsync();
        var watermark = await DeliveryStandings.WatermarkAsync(db, CancellationToken.None);
        var ids = await db.Deliveries.Where(d => (d.Status == DeliveryStatus.Accepted && d.Id <= watermark) || d.Status == DeliveryStatus.Quarantined)
            .OrderBy(d => d.Id).Select(d => d.Id).ToListAsync();
        return ids[random.Next(ids.Count)];
    }

    private static async Task<string> AnyCandidateAsync(DashboardApplication app, Random random)
    {
        await using var db = await app.CreateDbContextAsync();
        var ids = await db.IdibuCandidates.OrderBy(c => c.CandidateId).Select(c => c.CandidateId).ToListAsync();
        return ids[random.Next(ids.Count)];
    }
}
