using System.Buffers;
using Dashboard.Analytics.Funnel;

namespace Dashboard.Analytics.Index;

/// <summary>
/// The funnel figures of <see cref="FunnelQueries"/>, <see cref="FunnelTimingQueries"/> and the per-vacancy funnels,
/// from the index: one pass over the pairs, whatever the number of vacancies.
/// </summary>
internal static class IndexedFunnelFigures
{
    public static FunnelFigures Funnel(IdibuFigureIndex index, AnalyticsFilter filter, StatusMapping mapping)
    {
        var scope = new IndexScope(index, filter);
        var furthest = new int[mapping.StageCount + 1];
        var current = new int[index.Statuses.Count];
        for (var pair = 0; pair < index.PairTotal; pair++)
        {
            if (!scope.HasPair(pair)) continue;
            furthest[mapping.FurthestOfSet[index.PairSet[pair]] + 1]++;
            if (index.Current[pair] >= 0) current[index.Current[pair]]++;
        }

        int CurrentlyIn(string target)
        {
            var count = 0;
            for (var status = 0; status < current.Length; status++)
                if (mapping.TargetOfStatus[status] == target) count += current[status];
            return count;
        }

        var stages = new List<FunnelStageFigure>();
        var reached = 0;
        for (var stage = mapping.StageCount - 1; stage >= 0; stage--)
        {
            reached += furthest[stage + 1];
            stages.Add(new FunnelStageFigure(mapping.Targets.Funnel.Stages[stage], reached, CurrentlyIn(mapping.Targets.Funnel.Stages[stage])));
        }
        stages.Reverse();
        return new FunnelFigures(stages, CurrentlyIn(FunnelDefinition.Rejected));
    }

    /// <summary>Every vacancy with pairs in scope (whatever vacancy the filter names), busiest first.</summary>
    public static IReadOnlyList<VacancyFunnel> VacancyFunnels(IdibuFigureIndex index, AnalyticsFilter filter, StatusMapping mapping)
    {
        var scope = new IndexScope(index, filter);
        var width = mapping.StageCount + 1;
        var furthest = new int[index.Vacancies.Count * width];
        var rejected = new int[index.Vacancies.Count];
        for (var pair = 0; pair < index.PairTotal; pair++)
        {
            if (!scope.HasPair(pair, anyVacancy: true)) continue;
            var vacancy = index.Vacancy[pair];
            furthest[vacancy * width + mapping.FurthestOfSet[index.PairSet[pair]] + 1]++;
            if (index.Current[pair] >= 0 && mapping.IsRejectedStatus[index.Current[pair]]) rejected[vacancy]++;
        }

        var funnels = new List<VacancyFunnel>();
        foreach (var vacancy in index.VacanciesInLabelOrder())
        {
            var reached = new int[mapping.StageCount];
            var sum = 0;
            for (var stage = mapping.StageCount - 1; stage >= 0; stage--)
            {
                sum += furthest[vacancy * width + stage + 1];
                reached[stage] = sum;
            }
            if (reached.Length > 0 && (reached[0] > 0 || rejected[vacancy] > 0))
                funnels.Add(new VacancyFunnel(index.Vacancies[vacancy], index.VacancyLabel[vacancy]!, reached, rejected[vacancy]));
        }
        return funnels.OrderByDescending(f => f.Reached[0]).ToList();
    }

    /// <summary>Pairs one thread takes at a time: at a million candidates the pass is split between the cores.</summary>
    public const int PairsPerPart = 1 << 18;

    public static FunnelTimings Timings(IdibuFigureIndex index, AnalyticsFilter filter, StatusMapping mapping) =>
        Timings(index, filter, mapping, PairsPerPart);

    public static FunnelTimings Timings(IdibuFigureIndex index, AnalyticsFilter filter, StatusMapping mapping, int pairsPerPart)
    {
        var scope = new IndexScope(index, filter);
        var stages = mapping.StageCount;
        var parts = Math.Max(1, (index.PairTotal + pairsPerPart - 1) / pairsPerPart);
        (int From, int To) PairsOf(int part) => (part * pairsPerPart, Math.Min(index.PairTotal, (part + 1) * pairsPerPart));

        // One buffer holds every median's values: a stage's times from stageStart[stage] (the times to placement as the
        // last stage's), each part's after those of the parts before it.
        var counts = new int[parts][];
        Parallel.For(0, parts, part => counts[part] = CountValues(index, scope, mapping, PairsOf(part)));
        var stageStart = new int[stages + 1];
        var next = Enumerable.Range(0, parts).Select(_ => new int[stages]).ToArray();
        for (var stage = 0; stage < stages; stage++)
        {
            stageStart[stage + 1] = stageStart[stage];
            for (var part = 0; part < parts; part++)
            {
                next[part][stage] = stageStart[stage + 1];
                stageStart[stage + 1] += counts[part][stage];
            }
        }

        var values = ArrayPool<double>.Shared.Rent(stageStart[stages]);
        try
        {
            var placed = new int[parts];
            Parallel.For(0, parts, part => placed[part] = Collect(index, scope, mapping, PairsOf(part), values, next[part]));
            var medians = new double?[stages];
            Parallel.For(0, stages, stage => medians[stage] = Median.OfScratch(values.AsSpan(stageStart[stage], stageStart[stage + 1] - stageStart[stage])));
            var timings = Enumerable.Range(0, stages - 1).Select(stage => new StageTiming(
                mapping.Targets.Funnel.Stages[stage], medians[stage], stageStart[stage + 1] - stageStart[stage])).ToList();
            return new FunnelTimings(timings, medians[stages - 1], placed.Sum());
        }
        finally
        {
            ArrayPool<double>.Shared.Return(values);
        }
    }

    /// <summary>
    /// Writes each pair's time in each stage it left, and to placement (as the last stage's), at <paramref name="next"/>
    /// (moved on as values are written); answers the pairs placed.
    /// </summary>
    private static int Collect(IdibuFigureIndex index, IndexScope scope, StatusMapping mapping, (int From, int To) pairs, double[] values, int[] next)
    {
        var stages = mapping.StageCount;
        var placedPairs = 0;
        var reachedAt = new long[stages];
        // The arrays in locals: read through the index's fields, each would be loaded again after every store to the
        // buffer.
        var (pairSet, observedStart, observedAt) = (index.PairSet, index.ObservedStart, index.ObservedAt);
        var (stageOfStatus, furthestOfSet) = (mapping.StageOfStatus, mapping.FurthestOfSet);
        var sets = index.Sets.All;
        for (var pair = pairs.From; pair < pairs.To; pair++)
        {
            if (!scope.HasPair(pair)) continue;
            var setId = pairSet[pair];
            if (furthestOfSet[setId] < 0) continue;
            var set = sets[setId];

            reachedAt.AsSpan().Fill(long.MaxValue);
            var start = observedStart[pair];
            var stagesSeen = 0;
            for (var i = 0; i < set.Length; i++)
            {
                var stage = stageOfStatus[set[i]];
                if (stage < 0) continue;
                var at = observedAt[start + i];
                if (reachedAt[stage] == long.MaxValue) stagesSeen++;
                if (at < reachedAt[stage]) reachedAt[stage] = at;
            }
            // Walking back from the last stage, the earliest later stage is known at each step.
            var later = reachedAt[stages - 1];
            for (var stage = stages - 2; stage >= 0; stage--)
            {
                var reached = reachedAt[stage];
                if (reached == long.MaxValue) continue;
                if (later != long.MaxValue) values[next[stage]++] = Days(later, reached);
                if (reached < later) later = reached;
            }
            var placed = stages - 1;
            if (reachedAt[placed] == long.MaxValue) continue;
            placedPairs++;
            if (stagesSeen <= 1) continue;
            var earliest = long.MaxValue;
            for (var stage = 0; stage < placed; stage++) earliest = Math.Min(earliest, reachedAt[stage]);
            values[next[placed]++] = Days(reachedAt[placed], earliest);
        }
        return placedPairs;
    }

    /// <summary>
    /// How many values <see cref="Collect"/> writes for these pairs, per stage (the times to placement as the last
    /// stage's). Whether a pair has a time in a stage depends only on the stages its status set reaches (it reached the
    /// stage and one after it; to placement: it was placed and reached another stage), so the pairs in scope are counted
    /// per set and the buffer is made once. Lists grown as values came, a million of them each at a million candidates,
    /// spent a third of the figure's time copying themselves, and a new buffer for each figure cost as much again in
    /// collections of the large object heap.
    /// </summary>
    private static int[] CountValues(IdibuFigureIndex index, IndexScope scope, StatusMapping mapping, (int From, int To) pairs)
    {
        var pairsOfSet = new int[index.Sets.Count];
        var pairSet = index.PairSet;
        for (var pair = pairs.From; pair < pairs.To; pair++)
            if (scope.HasPair(pair)) pairsOfSet[pairSet[pair]]++;

        var stages = mapping.StageCount;
        var count = new int[stages];
        var reached = new bool[stages];
        for (var set = 0; set < pairsOfSet.Length; set++)
        {
            var pairsWithSet = pairsOfSet[set];
            if (pairsWithSet == 0) continue;
            Array.Clear(reached);
            var stagesSeen = 0;
            foreach (var status in index.Sets[set])
            {
                var stage = mapping.StageOfStatus[status];
                if (stage < 0 || reached[stage]) continue;
                reached[stage] = true;
                stagesSeen++;
            }
            var later = reached[stages - 1];
            for (var stage = stages - 2; stage >= 0; stage--)
            {
                if (reached[stage] && later) count[stage] += pairsWithSet;
                later |= reached[stage];
            }
            if (reached[stages - 1] && stagesSeen > 1) count[stages - 1] += pairsWithSet;
        }
        return count;
    }

    private static double Days(long laterTicks, long earlierTicks) => TimeSpan.FromTicks(laterTicks - earlierTicks).TotalDays;
}
