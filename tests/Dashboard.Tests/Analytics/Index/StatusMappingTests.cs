using Dashboard.Analytics;
using Dashboard.Analytics.Funnel;
using Dashboard.Analytics.Index;

namespace Dashboard.Tests.Analytics.Index;

/// <summary>
/// The funnel's mapping over the index is made once and reused, and made again as soon as the funnel, a status's
/// stage or the index's statuses and sets change: a figure never reads a stale one.
/// </summary>
public sealed class StatusMappingTests
{
    [Fact]
    public void TheSameFunnelOverAnUnchangedIndexReusesItsMapping()
    {
        var index = IndexWith(("1", "applied"));
        var first = index.MappingFor(Targets(("applied", "Applied")));

        Assert.Same(first, index.MappingFor(Targets(("applied", "Applied"))));
    }

    [Fact]
    public void AStatusMovedToAnotherStageGivesANewMapping()
    {
        var index = IndexWith(("1", "applied"));
        var before = index.MappingFor(Targets(("applied", "Applied")));

        var after = index.MappingFor(Targets(("applied", "Interview")));

        Assert.Equal(0, before.StageOfStatus[0]);
        Assert.Equal(2, after.StageOfStatus[0]);
    }

    [Fact]
    public void AStatusTheFunnelComesToKnowGivesANewMapping()
    {
        var index = IndexWith(("1", "applied"));
        var before = index.MappingFor(Targets());

        var after = index.MappingFor(Targets(("applied", null)));

        Assert.NotSame(before, after);
        Assert.True(after.Targets.TargetByKey.ContainsKey("applied"));
    }

    [Fact]
    public void NewStagesGiveANewMapping()
    {
        var index = IndexWith(("1", "applied"));
        var before = index.MappingFor(Targets(("applied", "Applied")));
        var stages = new FunnelDefinition(["Applied", "Placed"], new Dictionary<string, string>());

        var after = index.MappingFor(new StatusTargets(stages, new Dictionary<string, string?> { ["applied"] = "Applied" }));

        Assert.Equal(5, before.StageCount);
        Assert.Equal(2, after.StageCount);
    }

    [Fact]
    public void AStatusOrSetNewToTheIndexGivesANewMapping()
    {
        var index = IndexWith(("1", "applied"));
        var targets = Targets(("applied", "Applied"), ("placed", "Placed"));
        var before = index.MappingFor(targets);

        var slot = index.PutCandidate("2", 0, null, null, null, null);
        index.PutPair(slot, "v1", 0, "placed", new[] { (index.Statuses.IdOf("applied"), 0L), (index.Statuses.IdOf("placed"), 1L) });
        index.EndCandidate(slot);
        var after = index.MappingFor(targets);

        Assert.Single(before.StageOfStatus);
        Assert.Equal(2, after.StageOfStatus.Length);
        Assert.Equal(4, after.StageOfStatus[1]);
        Assert.Equal(4, after.FurthestOfSet[index.PairSet[1]]);
    }

    private static IdibuFigureIndex IndexWith((string Candidate, string Status) pair)
    {
        var index = new IdibuFigureIndex();
        var slot = index.PutCandidate(pair.Candidate, 0, null, null, null, null);
        index.PutPair(slot, "v1", 0, pair.Status, new[] { (index.Statuses.IdOf(pair.Status), 0L) });
        index.EndCandidate(slot);
        return index;
    }

    private static StatusTargets Targets(params (string Key, string? Target)[] targets) =>
        new(FunnelDefinition.Default, targets.ToDictionary(t => t.Key, t => t.Target));
}
