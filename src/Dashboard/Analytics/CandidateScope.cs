using Dashboard.Senders.Idibu;
using Dashboard.Storage;

namespace Dashboard.Analytics;

/// <summary>The idibu candidates and (candidate, vacancy) pairs that a filter selects, as composable queries.</summary>
internal static class CandidateScope
{
    public static IQueryable<IdibuCandidate> Candidates(DashboardDbContext db, AnalyticsFilter filter)
    {
        var query = db.IdibuCandidates.AsQueryable()
            .Where(c => c.CreatedAt >= filter.FromUtc && c.CreatedAt < filter.ToUtcExclusive);
        return ByCandidateFacets(db, query, filter, filter.Vacancy is { } vacancy
            ? c => db.IdibuApplications.Any(a => a.CandidateId == c.CandidateId && a.VacancyId == vacancy)
            : null);
    }

    public static IQueryable<IdibuApplicationRow> Pairs(DashboardDbContext db, AnalyticsFilter filter)
    {
        var pairs = db.IdibuApplications.AsQueryable()
            .Where(a => a.FirstObservedAt >= filter.FromUtc && a.FirstObservedAt < filter.ToUtcExclusive);
        if (filter.Vacancy is { } vacancy) pairs = pairs.Where(a => a.VacancyId == vacancy);
        if (filter.Source is null && filter.Consultant is null && filter.Location is null) return pairs;

        var candidates = ByCandidateFacets(db, db.IdibuCandidates.AsQueryable(), filter with { Location = null }, null);
        pairs = pairs.Where(a => candidates.Any(c => c.CandidateId == a.CandidateId));
        if (filter.Location is { } location)
        {
            // For a pair, the place is the candidate's own, else the vacancy's.
            pairs = pairs.Where(a => db.IdibuCandidates.Any(c => c.CandidateId == a.CandidateId &&
                (c.Location == location ||
                 (c.Location == null && (db.IdibuVacancies.Where(v => v.VacancyId == a.VacancyId)
                     .Select(v => v.Location ?? v.Country).FirstOrDefault() ?? AnalyticsFilter.Unknown) == location))));
        }
        return pairs;
    }

    /// <summary>Candidates that reached the placed stage on any vacancy.</summary>
    public static IQueryable<IdibuCandidate> Placed(DashboardDbContext db, IQueryable<IdibuCandidate> candidates, List<string> placedKeys) =>
        candidates.Where(c => db.IdibuStatusObservations.Any(o => o.CandidateId == c.CandidateId && placedKeys.Contains(o.StatusKey)));

    private static IQueryable<IdibuCandidate> ByCandidateFacets(
        DashboardDbContext db, IQueryable<IdibuCandidate> query, AnalyticsFilter filter,
        System.Linq.Expressions.Expression<Func<IdibuCandidate, bool>>? vacancyFilter)
    {
        if (vacancyFilter is not null) query = query.Where(vacancyFilter);
        if (filter.Source is { } source)
            query = source == AnalyticsFilter.Unknown ? query.Where(c => c.Source == null) : query.Where(c => c.Source == source);
        if (filter.Consultant is { } consultant)
            query = consultant == AnalyticsFilter.Unknown ? query.Where(c => c.ConsultantId == null) : query.Where(c => c.ConsultantId == consultant);
        if (filter.Location is { } location)
        {
            query = query.Where(c => c.Location == location ||
                (c.Location == null && db.IdibuApplications.Any(a => a.CandidateId == c.CandidateId &&
                    (db.IdibuVacancies.Where(v => v.VacancyId == a.VacancyId).Select(v => v.Location ?? v.Country).FirstOrDefault()
                        ?? AnalyticsFilter.Unknown) == location)) ||
                (c.Location == null && location == AnalyticsFilter.Unknown && !db.IdibuApplications.Any(a => a.CandidateId == c.CandidateId)));
        }
        return query;
    }
}
