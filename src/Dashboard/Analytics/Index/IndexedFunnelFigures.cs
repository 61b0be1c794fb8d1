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

    public static FunnelTimings Timings(IdibuFigureIndex index, AnalyticsFilter filter, StatusMapping mapping)
    {
        var scope = new IndexScope(index, filter);
        var stages = mapping.StageCount;
        var (inStage, toPlacement) = TimingBuffers(index, scope, mapping);
        var inStageCount = new int[inStage.Length];
        var toPlacementCount = 0;
        var placedPairs = 0;
        var reachedAt = new long[stages];
        for (var pair = 0; pair < index.PairTotal; pair++)
        {
            if (!scope.HasPair(pair)) continue;
            var set = index.Sets[index.PairSet[pair]];
            if (set.Length == 0 || mapping.FurthestOfSet[index.PairSet[pair]] < 0) continue;

            Array.Fill(reachedAt, long.MaxValue);
            var start = index.ObservedStart[pair];
            var stagesSeen = 0;
            for (var i = 0; i < set.Length; i++)
            {
                var stage = mapping.StageOfStatus[set[i]];
                if (stage < 0) continue;
                if (reachedAt[stage] == long.MaxValue) stagesSeen++;
                reachedAt[stage] = Math.Min(reachedAt[stage], index.ObservedAt[start + i]);
            }
            // Walking back from the last stage, the earliest later stage is known at each step.
            var next = reachedAt[stages - 1];
            for (var stage = stages - 2; stage >= 0; stage--)
            {
                var reached = reachedAt[stage];
                if (reached == long.MaxValue) continue;
                if (next != long.MaxValue) inStage[stage][inStageCount[stage]++] = Days(next, reached);
                if (reached < next) next = reached;
            }
            var placed = stages - 1;
            if (reachedAt[placed] == long.MaxValue) continue;
            placedPairs++;
            if (stagesSeen <= 1) continue;
            var earliest = long.MaxValue;
            for (var stage = 0; stage < placed; stage++) earliest = Math.Min(earliest, reachedAt[stage]);
            toPlacement[toPlacementCount++] = Days(reachedAt[placed], earliest);
        }
        var timings = inStage.Select((days, stage) => new StageTiming(
            mapping.Targets.Funnel.Stages[stage], Median.OfScratch(days.AsSpan(0, inStageCount[stage])), inStageCount[stage])).ToList();
        return new FunnelTimings(timings, Median.OfScratch(toPlacement.AsSpan(0, toPlacementCount)), placedPairs);
    }

    /// <summary>
    /// Room for exactly the values <see cref="Timings"/> collects. Whether a pair has a time in a stage depends only on
    /// the stages its status set reaches (it reached the stage and one after it; to placement: it was placed and reached
    /// another stage), so the pairs in scope are counted per set first. Lists grown as values came, a million of them
    /// each at a million candidates, spent a third of the figure's time copying themselves.
    /// </summary>
    private static (double[][] InStage, double[] ToPlacement) TimingBuffers(IdibuFigureIndex index, IndexScope scope, StatusMapping mapping)
    {
        var pairsOfSet = new int[index.Sets.Count];
        for (var pair = 0; pair < index.PairTotal; pair++)
            if (scope.HasPair(pair)) pairsOfSet[index.PairSet[pair]]++;

        var stages = mapping.StageCount;
        var inStage = new int[Math.Max(0, stages - 1)];
        var toPlacement = 0;
        var reached = new bool[stages];
        for (var set = 0; set < pairsOfSet.Length; set++)
        {
            var pairs = pairsOfSet[set];
            if (pairs == 0) continue;
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
                if (reached[stage] && later) inStage[stage] += pairs;
                later |= reached[stage];
            }
            if (reached[stages - 1] && stagesSeen > 1) toPlacement += pairs;
        }
        return (inStage.Select(count => GC.AllocateUninitializedArray<double>(count)).ToArray(), GC.AllocateUninitializedArray<double>(toPlacement));
    }

    private static double Days(long laterTicks, long earlierTicks) => TimeSpan.FromTicks(laterTicks - earlierTicks).TotalDays;
}
