using System.Text.Json;
using Dashboard.Analytics.Funnel;
using Dashboard.Simulation;

namespace Dashboard.Tests.Simulation;

/// <summary>The agency preset: realistic cardinalities that grow with the candidates, years of history, skew.</summary>
public sealed class AgencyTrafficTests
{
    [Theory]
    [InlineData(1_000_000, 20_000, 300, 40, 500, 60)]
    [InlineData(100_000, 2_000, 30, 6, 50, 7)]
    [InlineData(2_000_000, 40_000, 600, 80, 1_000, 120)]
    public void TheCastGrowsWithTheCandidates(int candidates, int vacancies, int consultants, int sources, int locations, int statuses)
    {
        var size = SampleWorld.Agency(candidates).Size;

        Assert.Equal((vacancies, consultants, sources, locations, statuses),
            (size.Vacancies, size.Consultants, size.Sources, size.Locations, size.Statuses));
    }

    [Fact]
    public void ASmallAgencyKeepsAtLeastTheSmallCast()
    {
        Assert.Equal(SampleWorld.Small.Size, SampleWorld.Agency(200).Size);
        Assert.Equal(new SampleWorldSize(8, 5, 6, 7, 7, 0), SampleWorld.Small.Size);
        Assert.Same(SampleWorld.Small, new SampleTrafficOptions().World);
    }

    [Fact]
    public void EveryStatusGoesWhereTheFunnelRulesPutItAndSomeGoNowhere()
    {
        var statuses = AgencyStatuses.First(60).All;

        Assert.Equal(60, statuses.Select(s => $"{s.Type}:{s.Id}").Distinct().Count());
        Assert.All(statuses, s => Assert.Equal(s.Stage, DefaultStatusRules.TargetOf($"{s.Type}:{s.Id}", s.Label)));
        Assert.Equal(15, statuses.Count(s => s.Stage is null));
        Assert.All(SampleCast.Stages.Append(FunnelDefinition.Rejected), stage => Assert.True(statuses.Count(s => s.Stage == stage) >= 5, stage));
        Assert.Equal(15, SampleWorld.Agency(1_000_000).Size.StatusesWithoutStage);
    }

    [Fact]
    public void TheSameSeedGivesTheSameBytes()
    {
        var options = SampleTrafficOptions.Agency(300, seed: 4);
        var first = SampleTrafficGenerator.Generate(options);
        var second = SampleTrafficGenerator.Generate(SampleTrafficOptions.Agency(300, seed: 4));

        Assert.Equal(first.Deliveries.Select(d => d.Body), second.Deliveries.Select(d => d.Body));
    }

    [Fact]
    public void CandidatesArriveOverFourYears()
    {
        var shape = SampleTrafficGenerator.Generate(SampleTrafficOptions.Agency(2_000)).Shape!;

        Assert.InRange((shape.LastCreated - shape.FirstCreated).TotalDays, 3.5 * 365, 4 * 365.25);
    }

    [Fact]
    public void AFewVacanciesDrawManyAndMostAFew()
    {
        var world = SampleWorld.Agency(100_000);
        var shape = SampleTrafficGenerator.Generate(new SampleTrafficOptions
        {
            Candidates = 5_000, World = world, Start = world.Start, Period = world.Period, Referrals = 1, DuplicateShare = 0, LateShare = 0,
        }).Shape!;

        var counts = shape.PairsByVacancy.Values.OrderDescending().ToList();
        var median = counts[counts.Count / 2];
        // A twentieth of the agency's candidates: its busiest vacancy already draws over fifty of them.
        Assert.True(counts[0] >= 50 && counts[0] >= 20 * median, $"busiest {counts[0]}, median {median}");
        Assert.True(counts.Count >= 1_000, $"{counts.Count} vacancies with candidates");
        Assert.True(counts.Count(c => c <= 2) >= counts.Count / 4, "the long tail");
    }

    [Fact]
    public void OneCandidateIsOnAThousandVacanciesInAFewSnapshots()
    {
        var world = SampleWorld.Agency(1_000_000, heavyEvery: 20);
        var traffic = SampleTrafficGenerator.Generate(new SampleTrafficOptions
        {
            Candidates = 12, World = world, Start = world.Start.AddDays(400), Period = TimeSpan.FromDays(30), Referrals = 1,
        });

        var snapshots = traffic.Deliveries.Where(d => d.Subject == "100010" && !d.IsDuplicate).ToList();
        var listed = snapshots.Select(d => JsonDocument.Parse(d.Body).RootElement.GetProperty("payload").GetProperty("vacancies").GetArrayLength()).ToList();
        Assert.Equal(1_000, listed.Max());
        Assert.InRange(snapshots.Count, 2, 10);
        Assert.All(snapshots, d => Assert.True(d.Body.Length < 1_048_576, $"{d.Body.Length} bytes"));
        Assert.Equal(1_000, traffic.Shape!.MostVacanciesOnOneCandidate);
    }
}
