using System.Net.Http.Json;
using System.Security.Cryptography;
using Dashboard.Analytics;
using Dashboard.Tests.Builders;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Senders.Idibu;

/// <summary>Two snapshots of one candidate stamped with the same second: which one is the candidate now.</summary>
public sealed class IdibuSnapshotOrderTests : IDisposable
{
    private const string Stamp = "2026-03-02T10:00:00+00:00";
    private readonly DashboardApplication _app = new(projection: false);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AnUpdateStampedTheSameSecondAsTheCreateIsTheCurrentStateWhicheverArrivesFirst()
    {
        var client = _app.CreateClient();
        var (create1, update1) = SameSecondPair("c1");
        var (create2, update2) = SameSecondPair("c2");

        await client.PostIdibuAsync(create1, eventHeader: "candidate.create");
        await client.PostIdibuAsync(update1);
        await client.PostIdibuAsync(update2);
        await _app.ProjectAsync();
        await client.PostIdibuAsync(create2, eventHeader: "candidate.create");
        await _app.ProjectAsync();

        var api = _app.CreateApiClient();
        var sources = (await api.GetFromJsonAsync<List<SourceFigure>>("/api/analytics/sources"))!;
        Assert.Equal(new SourceFigure("Indeed", 2, 0), Assert.Single(sources));
        var funnel = (await api.GetFromJsonAsync<FunnelFigures>("/api/analytics/funnel"))!;
        Assert.Equal(2, funnel.Stages.Single(s => s.Stage == "Shortlisted").Current);
        Assert.Equal(0, funnel.Stages.Single(s => s.Stage == "Applied").Current);
    }

    /// <summary>
    /// A create and an update of one candidate at the same second, chosen so that the create's body hashes higher:
    /// a hash alone would make the create the current state.
    /// </summary>
    private static (byte[] Create, byte[] Update) SameSecondPair(string candidateId)
    {
        var update = new IdibuCandidateBuilder().WithId(candidateId).At(Stamp).WithSource("Indeed").OnVacancy("v1", "12", "Shortlist").Build();
        var create = Enumerable.Range(1, 64)
            .Select(n => new IdibuCandidateBuilder().WithId(candidateId).WithEvent("candidate.create").At(Stamp).WithSource("LinkedIn")
                .WithEmail($"jess{n}@example.com").OnVacancy("v1", "11", "Applicants").Build())
            .First(body => string.CompareOrdinal(Hash(body), Hash(update)) > 0);
        return (create, update);
    }

    private static string Hash(byte[] body) => Convert.ToHexStringLower(SHA256.HashData(body));
}
