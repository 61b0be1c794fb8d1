using System.Text.Json;
using Dashboard.Analytics;
using Dashboard.Analytics.Funnel;
using Dashboard.Analytics.Index;

namespace Dashboard.Tests.Analytics.Index;

/// <summary>
/// Funnel timings split their pass over the pairs into parts that run side by side: however the pairs are cut, the
/// medians, counts and placed pairs are those of one pass over all of them.
/// </summary>
public sealed class FunnelTimingPartsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64)]
    public void AnyCutOfThePairsGivesTheFiguresOfOnePass(int pairsPerPart)
    {
        var index = RandomIndex(new Random(pairsPerPart));
        var mapping = index.MappingFor(new StatusTargets(FunnelDefinition.Default, new Dictionary<string, string?>
        {
            ["s0"] = "Applied", ["s1"] = "Applied", ["s2"] = "Shortlisted", ["s3"] = "Interview", ["s4"] = "Offer",
            ["s5"] = "Placed", ["s6"] = FunnelDefinition.Rejected, ["s7"] = null,
        }));
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        AnalyticsFilter[] filters = [AnalyticsFilter.None, new(DateOnly.FromDateTime(start.AddDays(30)), DateOnly.FromDateTime(start.AddDays(90)))];

        foreach (var filter in filters)
        {
            var whole = IndexedFunnelFigures.Timings(index, filter, mapping, int.MaxValue);
            var cut = IndexedFunnelFigures.Timings(index, filter, mapping, pairsPerPart);

            Assert.True(whole.PlacedPairs > 0 && whole.Stages.Any(s => s.PairsMovedOn > 10), "the index should have timings to compare");
            Assert.Equal(JsonSerializer.Serialize(whole), JsonSerializer.Serialize(cut));
        }
    }

    // Candidates with one to three pairs, each through a few of the statuses at random times; a tenth of them put again
    // later, so the pass also meets retired pairs.
    private static IdibuFigureIndex RandomIndex(Random random)
    {
        var index = new IdibuFigureIndex();
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
        for (var n = 0; n < 440; n++)
        {
            var candidate = $"c{(n < 400 ? n : random.Next(400))}";
            var created = start + TimeSpan.FromDays(random.Next(120)).Ticks;
            var slot = index.PutCandidate(candidate, created, null, null, null, null);
            for (var p = random.Next(1, 4); p > 0; p--)
            {
                var statuses = Enumerable.Range(0, 8).Where(_ => random.Next(3) == 0).Select(s => $"s{s}").ToList();
                var observations = statuses
                    .Select(s => (index.Statuses.IdOf(s), created + TimeSpan.FromHours(random.Next(24 * 60)).Ticks)).ToArray();
                index.PutPair(slot, $"v{random.Next(12)}", created, statuses.LastOrDefault(), observations);
            }
            index.EndCandidate(slot);
        }
        return index;
    }
}
