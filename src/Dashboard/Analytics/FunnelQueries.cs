using System.Linq.Expressions;
using Dashboard.Analytics.Funnel;
using Dashboard.Senders.Idibu;
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

        // "Reached stage k" is "the furthest stage observed is k or later", so one pass that finds each pair's furthest
        // stage answers every stage at once, where asking stage by stage walked the observations once per stage.
        var furthest = await db.IdibuStatusObservations
            .Where(o => pairs.Any(p => p.CandidateId == o.CandidateId && p.VacancyId == o.VacancyId))
            .Select(StageOfObservation(targets))
            .GroupBy(o => new { o.CandidateId, o.VacancyId })
            .Select(g => g.Max(o => o.Stage))
            .GroupBy(stage => stage)
            .Select(g => new { Stage = g.Key, Pairs = g.Count() })
            .ToListAsync(ct);
        var byCurrentStatus = await pairs.Where(p => p.CurrentStatusKey != null)
            .GroupBy(p => p.CurrentStatusKey!)
            .Select(g => new { StatusKey = g.Key, Pairs = g.Count() })
            .ToListAsync(ct);

        int CurrentlyIn(string target)
        {
            var keys = targets.KeysOf(target);
            return byCurrentStatus.Where(c => keys.Contains(c.StatusKey)).Sum(c => c.Pairs);
        }

        var stages = new List<FunnelStageFigure>();
        for (var index = 0; index < targets.Funnel.Stages.Count; index++)
        {
            var reached = furthest.Where(f => f.Stage >= index).Sum(f => f.Pairs);
            stages.Add(new FunnelStageFigure(targets.Funnel.Stages[index], reached, CurrentlyIn(targets.Funnel.Stages[index])));
        }
        return new FunnelFigures(stages, CurrentlyIn(FunnelDefinition.Rejected));
    }

    /// <summary>An observation's stage index under today's funnel (-1 for none), as SQL: the mapping lives in code.</summary>
    private static Expression<Func<IdibuStatusObservation, ObservedStage>> StageOfObservation(StatusTargets targets)
    {
        var observation = Expression.Parameter(typeof(IdibuStatusObservation), "o");
        var statusKey = Expression.Property(observation, nameof(IdibuStatusObservation.StatusKey));
        Expression stage = Expression.Constant(-1);
        for (var index = 0; index < targets.Funnel.Stages.Count; index++)
        {
            var keys = targets.KeysOf(targets.Funnel.Stages[index]);
            if (keys.Count == 0) continue;
            var isAtStage = Expression.Call(Expression.Constant(keys), typeof(List<string>).GetMethod(nameof(List<string>.Contains))!, statusKey);
            stage = Expression.Condition(isAtStage, Expression.Constant(index), stage);
        }
        var body = Expression.MemberInit(
            Expression.New(typeof(ObservedStage)),
            Expression.Bind(typeof(ObservedStage).GetProperty(nameof(ObservedStage.CandidateId))!,
                Expression.Property(observation, nameof(IdibuStatusObservation.CandidateId))),
            Expression.Bind(typeof(ObservedStage).GetProperty(nameof(ObservedStage.VacancyId))!,
                Expression.Property(observation, nameof(IdibuStatusObservation.VacancyId))),
            Expression.Bind(typeof(ObservedStage).GetProperty(nameof(ObservedStage.Stage))!, stage));
        return Expression.Lambda<Func<IdibuStatusObservation, ObservedStage>>(body, observation);
    }

    private sealed class ObservedStage
    {
        public string CandidateId { get; init; } = "";
        public string VacancyId { get; init; } = "";
        public int Stage { get; init; }
    }
}
