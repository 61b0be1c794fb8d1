using Dashboard.Analytics.Funnel;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Analytics;

/// <summary>
/// The stage funnel over distinct (candidate, vacancy) pairs. A pair has reached a stage when any status it was
/// ever observed in maps to that stage or a later one; its current stage is where its newest snapshot puts it.
/// </summary>
internal static class FunnelQueries
{
    public static async Task<FunnelFigures> FunnelAsync(DashboardDbContext db, AnalyticsFilter filter, StatusTargets targets, CancellationToken ct)
    {
        var pairs = CandidateScope.Pairs(db, filter);
        var stages = new List<FunnelStageFigure>();
        for (var index = 0; index < targets.Funnel.Stages.Count; index++)
        {
            var reachingKeys = targets.KeysReaching(index);
            var currentKeys = targets.KeysOf(targets.Funnel.Stages[index]);
            var reached = reachingKeys.Count == 0 ? 0 : await pairs
                .Where(p => db.IdibuStatusObservations.Any(o =>
                    o.CandidateId == p.CandidateId && o.VacancyId == p.VacancyId && reachingKeys.Contains(o.StatusKey)))
                .CountAsync(ct);
            var current = currentKeys.Count == 0 ? 0 : await pairs
                .Where(p => p.CurrentStatusKey != null && currentKeys.Contains(p.CurrentStatusKey))
                .CountAsync(ct);
            stages.Add(new FunnelStageFigure(targets.Funnel.Stages[index], reached, current));
        }

        var rejectedKeys = targets.KeysOf(FunnelDefinition.Rejected);
        var rejected = rejectedKeys.Count == 0 ? 0 : await pairs
            .Where(p => p.CurrentStatusKey != null && rejectedKeys.Contains(p.CurrentStatusKey))
            .CountAsync(ct);
        return new FunnelFigures(stages, rejected);
    }
}
