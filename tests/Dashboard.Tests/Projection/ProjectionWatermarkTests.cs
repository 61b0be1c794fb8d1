using System.Net.Http.Json;
using Dashboard.Analytics;
using Dashboard.Deliveries;
using Dashboard.Projection;
using Dashboard.Tests.Builders;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Dashboard.Tests.Senders.Firstbird;
using Dashboard.Tests.Senders.Idibu;

namespace Dashboard.Tests.Projection;

/// <summary>
/// What the console and the figures show as the projector moves its watermark through the log: after a restart, when
/// one delivery of a batch cannot be written, and when an old delivery is replayed.
/// </summary>
public sealed class ProjectionWatermarkTests : IDisposable
{
    private readonly DashboardApplication _app = new(projection: false);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task WhatWasProjectedBeforeARestartStaysProjectedAndIsNotProjectedAgain()
    {
        var client = _app.CreateClient();
        var first = await PostCandidateAsync(client, "r1", "LinkedIn");
        var second = await PostCandidateAsync(client, "r2", "Indeed");
        await _app.ProjectAsync();

        await using var restarted = new DashboardApplication(_app.Database, projection: false);
        var api = restarted.CreateApiClient();
        Assert.Equal("projected", (await DeliveryAsync(api, first)).Status);
        Assert.Equal("projected", (await DeliveryAsync(api, second)).Status);
        Assert.Equal(0, (await api.GetFromJsonAsync<DeliveryPage>("/api/deliveries?status=accepted"))!.Total);
        Assert.Equal(0, await restarted.Services.GetRequiredService<DeliveryProjector>().ProjectPendingAsync(CancellationToken.None));

        var third = await PostCandidateAsync(restarted.CreateClient(), "r3", "LinkedIn");
        Assert.Equal("accepted", (await DeliveryAsync(api, third)).Status);
        Assert.Equal(1, await restarted.Services.GetRequiredService<DeliveryProjector>().ProjectPendingAsync(CancellationToken.None));
        Assert.Equal("projected", (await DeliveryAsync(api, third)).Status);
        var sources = (await api.GetFromJsonAsync<List<SourceFigure>>("/api/analytics/sources"))!;
        Assert.Equal(2, sources.Single(s => s.Source == "LinkedIn").Candidates);
        Assert.Equal(1, sources.Single(s => s.Source == "Indeed").Candidates);
    }

    [Fact]
    public async Task ADeliveryThatCannotBeWrittenFailsAloneAndIsProjectedWhenReplayed()
    {
        var client = _app.CreateClient();
        var before = await PostCandidateAsync(client, "ok-1", "LinkedIn");
        var refused = await PostCandidateAsync(client, "refused-1", "Indeed");
        var after = await PostCandidateAsync(client, "ok-2", "LinkedIn");
        // As if the store refused just this candidate's row (a constraint the projector did not expect).
        await ExecuteAsync(_app.Database.IsPostgreSql
            ? """
              CREATE FUNCTION refuse_candidate() RETURNS trigger LANGUAGE plpgsql AS $$
              BEGIN IF NEW."CandidateId" = 'refused-1' THEN RAISE EXCEPTION 'refused by the store'; END IF; RETURN NEW; END $$;
              CREATE TRIGGER refuse_candidate BEFORE INSERT ON "IdibuCandidates" FOR EACH ROW EXECUTE FUNCTION refuse_candidate();
              """
            : """
              CREATE TRIGGER refuse_candidate BEFORE INSERT ON "IdibuCandidates"
              WHEN NEW."CandidateId" = 'refused-1' BEGIN SELECT RAISE(ABORT, 'refused by the store'); END;
              """);

        await _app.ProjectAsync();

        var api = _app.CreateApiClient();
        Assert.Equal("projected", (await DeliveryAsync(api, before)).Status);
        Assert.Equal("projected", (await DeliveryAsync(api, after)).Status);
        var failed = await DeliveryAsync(api, refused);
        Assert.Equal("failed", failed.Status);
        Assert.Contains("refused by the store", failed.Reason);
        Assert.Null(failed.ProjectedAt);
        Assert.Equal(1, (await api.GetFromJsonAsync<DeliveryPage>("/api/deliveries?status=failed"))!.Total);
        Assert.Equal(2, (await api.GetFromJsonAsync<List<SourceFigure>>("/api/analytics/sources"))!.Single().Candidates);

        // Once the store takes it, a replay brings the failed delivery (now below the watermark) into the figures.
        await ExecuteAsync(_app.Database.IsPostgreSql
            ? "DROP TRIGGER refuse_candidate ON \"IdibuCandidates\"; DROP FUNCTION refuse_candidate();"
            : "DROP TRIGGER refuse_candidate;");
        Assert.True((await api.PostAsync($"/api/admin/deliveries/{refused}/replay", null)).IsSuccessStatusCode);
        Assert.Equal("accepted", (await DeliveryAsync(api, refused)).Status);
        await _app.ProjectAsync();

        var replayed = await DeliveryAsync(api, refused);
        Assert.Equal("projected", replayed.Status);
        Assert.NotNull(replayed.ProjectedAt);
        var sources = (await api.GetFromJsonAsync<List<SourceFigure>>("/api/analytics/sources"))!;
        Assert.Equal(1, sources.Single(s => s.Source == "Indeed").Candidates);
    }

    [Fact]
    public async Task ReplayingAnOldDeliveryWaitsAndIsProjectedAgainWithTheSameFigures()
    {
        var client = _app.CreateClient();
        var old = await PostCandidateAsync(client, "o1", "LinkedIn");
        await PostCandidateAsync(client, "o2", "Indeed");
        await _app.ProjectAsync();
        var api = _app.CreateApiClient();
        var figures = await api.GetStringAsync("/api/analytics/sources");
        var firstProjected = (await DeliveryAsync(api, old)).ProjectedAt;

        Assert.True((await api.PostAsync($"/api/admin/deliveries/{old}/replay", null)).IsSuccessStatusCode);
        Assert.Equal("accepted", (await DeliveryAsync(api, old)).Status);
        Assert.Equal(old, Assert.Single((await api.GetFromJsonAsync<DeliveryPage>("/api/deliveries?status=accepted"))!.Items).Id);
        await _app.ProjectAsync();

        var again = await DeliveryAsync(api, old);
        Assert.Equal("projected", again.Status);
        Assert.True(again.ProjectedAt >= firstProjected);
        Assert.Equal(0, (await api.GetFromJsonAsync<DeliveryPage>("/api/deliveries?status=accepted"))!.Total);
        Assert.Equal(figures, await api.GetStringAsync("/api/analytics/sources"));
    }

    private static async Task<long> PostCandidateAsync(HttpClient client, string id, string source) =>
        (await (await client.PostIdibuAsync(new IdibuCandidateBuilder().WithId(id).WithSource(source).OnVacancy("v1", "11", "Applicants").Build(), id))
            .AnswerAsync()).DeliveryId;

    private static async Task<DeliveryDetail> DeliveryAsync(HttpClient api, long id) =>
        (await api.GetFromJsonAsync<DeliveryDetail>($"/api/deliveries/{id}"))!;

    private async Task ExecuteAsync(string sql)
    {
        await using var db = await _app.CreateDbContextAsync();
        await db.Database.ExecuteSqlRawAsync(sql);
    }
}
