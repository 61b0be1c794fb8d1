using System.Text.Json;
using Dashboard.Simulation;

namespace Dashboard.Tests.Simulation;

public sealed class SampleTrafficGeneratorTests
{
    private static readonly SampleTrafficOptions Options = new() { Candidates = 80, Seed = 11 };

    [Fact]
    public void TheSameSeedGivesTheSameBytes()
    {
        var first = SampleTrafficGenerator.Generate(Options);
        var second = SampleTrafficGenerator.Generate(Options);

        Assert.Equal(first.Deliveries.Count, second.Deliveries.Count);
        Assert.All(first.Deliveries.Zip(second.Deliveries), pair => Assert.Equal(pair.First.Body, pair.Second.Body));
    }

    [Fact]
    public void AnotherSeedGivesOtherTraffic()
    {
        var first = SampleTrafficGenerator.Generate(Options);
        var other = SampleTrafficGenerator.Generate(Options with { Seed = 12 });
        Assert.NotEqual(first.Deliveries.Select(d => d.Body.Length), other.Deliveries.Select(d => d.Body.Length));
    }

    [Fact]
    public void EveryBodyIsJsonOfTheDocumentedShape()
    {
        foreach (var delivery in SampleTrafficGenerator.Generate(Options).Deliveries)
        {
            using var json = JsonDocument.Parse(delivery.Body);
            if (delivery.Provider == "idibu")
            {
                Assert.True(json.RootElement.TryGetProperty("payload", out _));
                Assert.True(json.RootElement.GetProperty("payload-information").TryGetProperty("timestamp", out _));
                Assert.True(Guid.TryParse(delivery.Headers["X-Idibu-Delivery"], out _));
            }
            else
            {
                Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
                Assert.All(json.RootElement.EnumerateArray(), e => Assert.StartsWith("job_application.", e.GetProperty("event_name").GetString()));
            }
        }
    }

    [Fact]
    public void DuplicatesRepeatTheirOriginalExactly()
    {
        var deliveries = SampleTrafficGenerator.Generate(Options).Deliveries;
        var duplicates = deliveries.Where(d => d.IsDuplicate).ToList();

        Assert.NotEmpty(duplicates);
        Assert.All(duplicates, duplicate => Assert.Contains(deliveries, original => !original.IsDuplicate
            && original.Body.AsSpan().SequenceEqual(duplicate.Body)
            && original.Headers.GetValueOrDefault("X-Idibu-Delivery") == duplicate.Headers.GetValueOrDefault("X-Idibu-Delivery")));
    }

    [Fact]
    public void SomeSnapshotsArriveAfterANewerOneOfTheSameCandidate()
    {
        var deliveries = SampleTrafficGenerator.Generate(Options).Deliveries.Where(d => d.Provider == "idibu" && d.Subject is not null).ToList();
        var late = deliveries.Select((d, i) => (d, i)).Where(x => deliveries.Take(x.i).Any(earlier => earlier.Subject == x.d.Subject && earlier.At > x.d.At));
        Assert.NotEmpty(late);
    }

    [Fact]
    public void TheTruthIsConsistent()
    {
        var truth = SampleTrafficGenerator.Generate(Options).Truth;

        Assert.Equal(80, truth.CandidatesBySource.Values.Sum());
        Assert.All(truth.PlacedBySource, placed => Assert.InRange(placed.Value, 0, truth.CandidatesBySource[placed.Key]));
        var reached = truth.FunnelReached.Values.ToList();
        Assert.Equal(reached.OrderByDescending(n => n), reached);
        Assert.InRange(truth.ReferralsHired, 0, truth.ReferralsReceived);
    }
}

public sealed class SimulateCommandTests
{
    [Fact]
    public async Task WithoutAUrlItPrintsUsageAndFails()
    {
        var output = new StringWriter();
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();

        var exit = await SimulateCommand.RunAsync(["--candidates", "5"], configuration, output, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.StartsWith("usage: simulate --url", output.ToString());
    }
}
