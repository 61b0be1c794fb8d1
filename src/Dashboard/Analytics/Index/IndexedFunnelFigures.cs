using System.Runtime.InteropServices;
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
            if (mapping.TargetOfCurrent(index.Current[pair]) == FunnelDefinition.Rejected) rejected[vacancy]++;
        }

        var funnels = new List<VacancyFunnel>();
        foreach (var vacancy in VacanciesInLabelOrder(index))
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

    /// <summary>The vacancies the store has rows for, as the filter bar lists them.</summary>
    public static IEnumerable<int> VacanciesInLabelOrder(IdibuFigureIndex index) =>
        Enumerable.Range(0, index.Vacancies.Count)
            .Where(v => index.VacancyLabel[v] is not null)
            .OrderBy(v => index.VacancyLabel[v], StringComparer.OrdinalIgnoreCase)
            .ThenBy(v => index.Vacancies[v], StringComparer.Ordinal);

    public static FunnelTimings Timings(IdibuFigureIndex index, AnalyticsFilter filter, StatusMapping mapping)
    {
        var scope = new IndexScope(index, filter);
        var stages = mapping.StageCount;
        var inStage = Enumerable.Range(0, Math.Max(0, stages - 1)).Select(_ => new List<double>()).ToArray();
        var toPlacement = new List<double>();
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
                if (next != long.MaxValue) inStage[stage].Add(Days(next, reached));
                if (reached < next) next = reached;
            }
            var placed = stages - 1;
            if (reachedAt[placed] == long.MaxValue) continue;
            placedPairs++;
            if (stagesSeen <= 1) continue;
            var earliest = long.MaxValue;
            for (var stage = 0; stage < placed; stage++) earliest = Math.Min(earliest, reachedAt[stage]);
            toPlacement.Add(Days(reachedAt[placed], earliest));
        }
        var timings = inStage.Select((days, stage) =>
            new StageTiming(mapping.Targets.Funnel.Stages[stage], Median.OfScratch(CollectionsMarshal.AsSpan(days)), days.Count)).ToList();
        return new FunnelTimings(timings, Median.OfScratch(CollectionsMarshal.AsSpan(toPlacement)), placedPairs);
    }

    private static double Days(long laterTicks, long earlierTicks) => TimeSpan.FromTicks(laterTicks - earlierTicks).TotalDays;
}
