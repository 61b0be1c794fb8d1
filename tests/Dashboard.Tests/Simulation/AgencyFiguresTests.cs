using System.Net.Http.Json;
using Dashboard.Analytics;
using Dashboard.Simulation;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Simulation;

/// <summary>
/// Agency traffic through the app: sixty statuses (some counting nowhere), thousands of vacancies and one candidate on a
/// thousand of them, and the figures still equal what the generator counted from its own model.
/// </summary>
public sealed class AgencyFiguresTests
{
    [Fact]
    public async Task FiguresMatchWhatTheAgencyGeneratorSent()
    {
        var world = SampleWorld.Agency(1_000_000, heavyEvery: 100);
        // Two weeks two years in: the vacancies opened then are announced, the rest are known from snapshots.
        var traffic = SampleTrafficGenerator.Generate(new SampleTrafficOptions
        {
            Candidates = 150, Seed = 6, World = world, Start = world.Start.AddDays(730), Period = TimeSpan.FromDays(14),
        });
        using var database = new TestDatabase();
        await using var app = new DashboardApplication(database, projection: false);

        var report = await new SampleTrafficSender(app.CreateClient())
            .SendAsync(traffic, DashboardApplication.IdibuKey, DashboardApplication.FirstbirdKey, 4, CancellationToken.None);
        await app.ProjectAsync();
        var api = app.CreateApiClient();

        Assert.Equal(0, report.Failed);
        Assert.Equal(1_000, traffic.Shape!.MostVacanciesOnOneCandidate);
        Assert.True(traffic.Shape.StatusKeys.Count >= 30, $"{traffic.Shape.StatusKeys.Count} statuses used");
        var quality = (await api.GetFromJsonAsync<QualityFigures>("/api/analytics/quality"))!;
        Assert.Equal(0, quality.Quarantined);
        Assert.Equal(traffic.Truth.DuplicatesSent, quality.Duplicates);
        var sources = (await api.GetFromJsonAsync<List<SourceFigure>>("/api/analytics/sources"))!;
        Assert.Equal(traffic.Truth.CandidatesBySource, sources.ToDictionary(s => s.Source, s => s.Candidates));
        Assert.Equal(traffic.Truth.PlacedBySource, sources.ToDictionary(s => s.Source, s => s.Placed));
        var consultants = (await api.GetFromJsonAsync<List<ConsultantFigure>>("/api/analytics/consultants"))!;
        Assert.Equal(traffic.Truth.CandidatesByConsultant, consultants.ToDictionary(c => c.ConsultantId, c => c.Candidates));
        var funnel = (await api.GetFromJsonAsync<FunnelFigures>("/api/analytics/funnel"))!;
        Assert.Equal(traffic.Truth.FunnelReached, funnel.Stages.ToDictionary(s => s.Stage, s => s.Reached));
        Assert.Equal(traffic.Truth.CurrentRejectedPairs, funnel.Rejected);
        var referrals = (await api.GetFromJsonAsync<ReferralFigures>("/api/analytics/referrals"))!;
        Assert.Equal(traffic.Truth.ReferralsReceived, referrals.Received);
        Assert.Equal(traffic.Truth.ReferralsHired, referrals.Hired);
    }
}
