using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Analytics;

/// <summary>
/// Time in stage and time to placement, from the first time each status was <em>observed</em> on a pair: a status
/// held between two snapshots is never seen, so these are observations, and labelled so.
/// </summary>
internal static class FunnelTimingQueries
{
    public static async Task<FunnelTimings> TimingsAsync(DashboardDbContext db, AnalyticsFilter filter, StatusTargets targets, CancellationToken ct)
    {
        var pairs = CandidateScope.Pairs(db, filter);
        var observations = await db.IdibuStatusObservations.AsNoTracking()
            .Where(o => pairs.Any(p => p.CandidateId == o.CandidateId && p.VacancyId == o.VacancyId))
            .Select(o => new { o.CandidateId, o.VacancyId, o.StatusKey, o.FirstObservedAt })
            .ToListAsync(ct);

        var stages = targets.Funnel.Stages;
        // Per pair: the first time each stage was seen.
        var reachedAt = observations
            .GroupBy(o => (o.CandidateId, o.VacancyId))
            .Select(pair => pair
                .Select(o => (Stage: targets.Funnel.StageIndexOf(targets.TargetByKey.GetValueOrDefault(o.StatusKey)), o.FirstObservedAt))
                .Where(x => x.Stage >= 0)
                .GroupBy(x => x.Stage)
                .ToDictionary(g => g.Key, g => g.Min(x => x.FirstObservedAt)))
            .ToList();

        var timings = new List<StageTiming>();
        for (var k = 0; k < stages.Count - 1; k++)
        {
            var days = reachedAt
                .Where(r => r.ContainsKey(k) && NextSeen(r, k) is not null)
                .Select(r => (NextSeen(r, k)!.Value - r[k]).TotalDays)
                .ToList();
            timings.Add(new StageTiming(stages[k], Median.Of(days), days.Count));
        }
        var placed = stages.Count - 1;
        var toPlacement = reachedAt.Where(r => r.ContainsKey(placed) && r.Count > 1)
            .Select(r => (r[placed] - r.Where(x => x.Key < placed).Min(x => x.Value)).TotalDays)
            .ToList();
        return new FunnelTimings(timings, Median.Of(toPlacement), reachedAt.Count(r => r.ContainsKey(placed)));
    }

    private static DateTime? NextSeen(Dictionary<int, DateTime> reached, int stage) =>
        reached.Where(x => x.Key > stage).Select(x => (DateTime?)x.Value).Min();
}
