using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Analytics;
using Dashboard.Analytics.Funnel;
using Dashboard.Analytics.Index;
using Dashboard.Simulation;
using Dashboard.Storage;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Analytics.Index;

/// <summary>
/// The figure index gives exactly the figures the store's own queries give, whatever happened to the store: deliveries
/// in any order, repeats, late snapshots, replays, an erasure and a change of the funnel in between.
/// </summary>
public sealed class FigureIndexTests
{
    [Theory]
    [InlineData(11)]
    [InlineData(23)]
    [InlineData(37)]
    public async Task TheIndexAnswersAsTheStoreDoesAfterRandomInterleavings(int seed)
    {
        var random = new Random(seed);
        var traffic = SampleTrafficGenerator.Generate(new SampleTrafficOptions { Candidates = 90, Seed = seed, LateShare = 0.2, DuplicateShare = 0.1 });
        var deliveries = traffic.Deliveries.ToList();
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(deliveries));

        using var database = new TestDatabase();
        await using var app = new DashboardApplication(database, projection: false);
        var api = app.CreateApiClient();
        var sender = new SampleTrafficSender(app.CreateClient());
        var rounds = deliveries.Chunk(deliveries.Count / 4 + 1).ToList();
        for (var round = 0; round < rounds.Count; round++)
        {
            await sender.SendAsync(new SampleTraffic(rounds[round], null!), DashboardApplication.IdibuKey, DashboardApplication.FirstbirdKey, 2, CancellationToken.None);
            await app.ProjectAsync();
            await AssertSameFiguresAsync(app, $"seed {seed}, round {round}");

            switch (round)
            {
                case 0:
                    // Every idibu delivery so far, again: a replay must leave the figures as they were.
                    Assert.True((await api.PostAsync("/api/admin/deliveries/replay?provider=idibu", null)).IsSuccessStatusCode);
                    break;
                case 1:
                    await MoveOneStatusToAnotherStageAsync(api, random);
                    break;
                case 2:
                    var candidate = await AnyCandidateAsync(app, random);
                    Assert.True((await api.PostAsJsonAsync("/api/admin/erasure", new { candidate })).IsSuccessStatusCode);
                    break;
            }
            await app.ProjectAsync();
            await AssertSameFiguresAsync(app, $"seed {seed}, after the change of round {round}");
        }
    }

    private static async Task AssertSameFiguresAsync(DashboardApplication app, string when)
    {
        var host = app.Services.GetRequiredService<FigureIndexHost>();
        var factory = app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>();
        var indexed = new AnalyticsQueryService(factory, new FunnelDefinitionStore(factory), host);
        var stored = new AnalyticsQueryService(factory, new FunnelDefinitionStore(factory));

        // After an erasure the index is built again in the background; until then both would ask the store.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await host.ReadAsync(index => index, CancellationToken.None) is null)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{when}: the index was not built");
            await Task.Delay(50);
        }

        Assert.Equal(Json(await stored.FilterOptionsAsync()), Json(await indexed.FilterOptionsAsync()));
        foreach (var filter in await FiltersAsync(stored))
        {
            foreach (var (name, figure) in Figures(filter))
                Assert.True(Json(await figure(stored)) == Json(await figure(indexed)), $"{when}: {name} for {filter} differs");
        }
    }

    private static IEnumerable<(string Name, Func<IAnalyticsQueries, Task<object>> Figure)> Figures(AnalyticsFilter filter) =>
    [
        ("sources", async q => await q.SourcesAsync(filter)),
        ("consultants", async q => await q.ConsultantsAsync(filter)),
        ("locations", async q => await q.LocationsAsync(filter)),
        ("funnel", async q => await q.FunnelAsync(filter)),
        ("funnel-timings", async q => await q.FunnelTimingsAsync(filter)),
        ("vacancy-funnels", async q => await q.VacancyFunnelsAsync(filter)),
        ("overview", async q => await q.OverviewAsync(filter, filter.PreviousPeriod())),
        ("candidates-over-time", async q => await q.CandidatesOverTimeAsync(filter)),
        ("candidates", async q => await q.CandidatesAsync(filter, null, 1, 25)),
        ("candidates, page 2 of 7", async q => await q.CandidatesAsync(filter, null, 2, 7)),
        ("candidates who reached Interview", async q => await q.CandidatesAsync(filter, "Interview", 1, 10)),
        ("candidates who reached Placed", async q => await q.CandidatesAsync(filter, "Placed", 1, 100)),
        ("referrals", async q => await q.ReferralsAsync(filter)),
        ("referrals-over-time", async q => await q.ReferralsOverTimeAsync(filter)),
        ("referral-applications", async q => await q.ReferralApplicationsAsync(filter, ReferralSelection.All, 1, 25)),
        ("referral-applications, page 3 of 5", async q => await q.ReferralApplicationsAsync(filter, ReferralSelection.All, 3, 5)),
        ("hired referrals", async q => await q.ReferralApplicationsAsync(filter, new ReferralSelection(State: "hired"), 1, 25)),
        ("referrals rated A", async q => await q.ReferralApplicationsAsync(filter, new ReferralSelection(Rating: "A"), 1, 25)),
        ("referrals by link", async q => await q.ReferralApplicationsAsync(filter, new ReferralSelection(Type: "link"), 1, 25)),
        ("referrals closed without a reason", async q =>
            await q.ReferralApplicationsAsync(filter, new ReferralSelection(CloseReason: ReferralBuckets.Unspecified), 1, 25)),
    ];

    /// <summary>
/// No filter, dates, every facet alone (with "Unknown" too) and two facets with dates, from what the store holds;
/// no filter and dates again in Berlin and Kolkata.
/// </summary>
    private static async Task<List<AnalyticsFilter>> FiltersAsync(IAnalyticsQueries queries)
    {
        var options = await queries.FilterOptionsAsync();
        var sources = await queries.SourcesAsync(AnalyticsFilter.None);
        var days = (await queries.CandidatesOverTimeAsync(AnalyticsFilter.None)).Periods;
        var filters = new List<AnalyticsFilter> { AnalyticsFilter.None };
        if (days.Count > 0)
        {
            var (from, to) = (days[days.Count / 3], days[^1].AddDays(6));
            filters.Add(new AnalyticsFilter(from, to));
            if (options.Sources.Count > 0 && options.Locations.Count > 1)
                filters.Add(new AnalyticsFilter(from, to, Source: options.Sources[0].Value, Location: options.Locations[1].Value));
            if (options.Consultants.Count > 0 && options.Vacancies.Count > 0)
                filters.Add(new AnalyticsFilter(from, to, Vacancy: options.Vacancies[0].Value, Consultant: options.Consultants[0].Value));
        }
        filters.AddRange(options.Vacancies.Take(2).Select(v => new AnalyticsFilter(Vacancy: v.Value)));
        filters.AddRange(sources.Take(2).Select(s => new AnalyticsFilter(Source: s.Source)));
        filters.Add(new AnalyticsFilter(Source: AnalyticsFilter.Unknown));
        filters.AddRange(options.Consultants.Take(2).Select(c => new AnalyticsFilter(Consultant: c.Value)));
        filters.Add(new AnalyticsFilter(Consultant: AnalyticsFilter.Unknown));
        filters.AddRange(options.Locations.Take(3).Select(l => new AnalyticsFilter(Location: l.Value)));
        filters.Add(new AnalyticsFilter(Location: AnalyticsFilter.Unknown));
        filters.Add(new AnalyticsFilter(Source: "nobody uses this source"));
        // Days and weeks cut in other zones: one an hour off UTC with its clock changes, one half an hour off.
        filters.AddRange(filters.Take(2).SelectMany(f => new[] { "Europe/Berlin", "Asia/Kolkata" }
            .Select(zone => f with { Zone = TimeZoneInfo.FindSystemTimeZoneById(zone) })).ToList());
        return filters;
    }

    private static async Task MoveOneStatusToAnotherStageAsync(HttpClient api, Random random)
    {
        var settings = (await api.GetFromJsonAsync<FunnelSettingsView>("/api/admin/funnel"))!;
        var status = settings.Statuses[random.Next(settings.Statuses.Count)];
        var stage = settings.Stages[random.Next(settings.Stages.Count)];
        var answer = await api.PutAsJsonAsync("/api/admin/funnel", new
        {
            stages = settings.Stages,
            mappings = new Dictionary<string, string?> { [status.StatusKey] = stage == status.Target ? FunnelDefinition.Rejected : stage },
        });
        Assert.True(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync());
    }

    private static async Task<string> AnyCandidateAsync(DashboardApplication app, Random random)
    {
        await using var db = await app.CreateDbContextAsync();
        var ids = await db.IdibuCandidates.Select(c => c.CandidateId).OrderBy(id => id).ToListAsync();
        return ids[random.Next(ids.Count)];
    }

    private static string Json(object figure) => JsonSerializer.Serialize(figure);
}
