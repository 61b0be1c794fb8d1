using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Analytics;

/// <summary>Candidates by source, consultant and location, each with how many were placed.</summary>
internal static class CandidateFigureQueries
{
    public static async Task<IReadOnlyList<SourceFigure>> SourcesAsync(
        DashboardDbContext db, AnalyticsFilter filter, StatusTargets targets, CancellationToken ct)
    {
        var candidates = CandidateScope.Candidates(db, filter);
        var placedKeys = targets.PlacedKeys;
        var totals = await candidates.GroupBy(c => c.Source).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var placed = await CandidateScope.Placed(db, candidates, placedKeys)
            .GroupBy(c => c.Source).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);

        return totals
            .GroupBy(t => t.Key ?? AnalyticsFilter.Unknown)
            .Select(g => new SourceFigure(g.Key, g.Sum(t => t.Count),
                placed.Where(p => (p.Key ?? AnalyticsFilter.Unknown) == g.Key).Sum(p => p.Count)))
            .OrderByDescending(f => f.Candidates).ThenBy(f => f.Source, StringComparer.Ordinal)
            .ToList();
    }

    public static async Task<IReadOnlyList<ConsultantFigure>> ConsultantsAsync(
        DashboardDbContext db, AnalyticsFilter filter, StatusTargets targets, CancellationToken ct)
    {
        var candidates = CandidateScope.Candidates(db, filter);
        var placedKeys = targets.PlacedKeys;
        var totals = await candidates.GroupBy(c => c.ConsultantId)
            .Select(g => new { g.Key, Count = g.Count(), Name = g.Max(c => c.ConsultantName) }).ToListAsync(ct);
        var placed = await CandidateScope.Placed(db, candidates, placedKeys)
            .GroupBy(c => c.ConsultantId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);

        return totals
            .Select(t => new ConsultantFigure(
                t.Key ?? AnalyticsFilter.Unknown,
                t.Name ?? t.Key ?? AnalyticsFilter.Unknown,
                t.Count,
                placed.FirstOrDefault(p => p.Key == t.Key)?.Count ?? 0))
            .OrderByDescending(f => f.Candidates).ThenBy(f => f.ConsultantId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// A candidate counts once in each place it is linked to: its own place when the payload gave one, else the
    /// place of every vacancy it applied to ("Unknown" where that vacancy has none).
    /// </summary>
    public static async Task<IReadOnlyList<LocationFigure>> LocationsAsync(
        DashboardDbContext db, AnalyticsFilter filter, StatusTargets targets, CancellationToken ct)
    {
        var candidates = CandidateScope.Candidates(db, filter);
        var placedKeys = targets.PlacedKeys;

        var own = await candidates.Where(c => c.Location != null)
            .Select(c => new
            {
                Location = c.Location!,
                Placed = db.IdibuStatusObservations.Any(o => o.CandidateId == c.CandidateId && placedKeys.Contains(o.StatusKey)),
            })
            .GroupBy(r => new { r.Location, r.Placed }).Select(g => new { g.Key.Location, g.Key.Placed, Count = g.Count() })
            .ToListAsync(ct);

        var viaVacancy = await (
                from c in candidates.Where(c => c.Location == null)
                join a in db.IdibuApplications on c.CandidateId equals a.CandidateId
                join v in db.IdibuVacancies on a.VacancyId equals v.VacancyId into vacancies
                from v in vacancies.DefaultIfEmpty()
                select new
                {
                    c.CandidateId,
                    Location = v == null ? null : v.Location ?? v.Country,
                    Placed = db.IdibuStatusObservations.Any(o =>
                        o.CandidateId == a.CandidateId && o.VacancyId == a.VacancyId && placedKeys.Contains(o.StatusKey)),
                })
            .Distinct()
            .ToListAsync(ct);

        var nowhere = await candidates
            .Where(c => c.Location == null && !db.IdibuApplications.Any(a => a.CandidateId == c.CandidateId))
            .CountAsync(ct);

        var figures = new Dictionary<string, (int Candidates, int Placed)>(StringComparer.Ordinal);
        void Add(string location, int count, int placedCount)
        {
            var current = figures.GetValueOrDefault(location);
            figures[location] = (current.Candidates + count, current.Placed + placedCount);
        }

        foreach (var row in own) Add(row.Location, row.Count, row.Placed ? row.Count : 0);
        foreach (var place in viaVacancy.GroupBy(r => r.Location ?? AnalyticsFilter.Unknown))
        {
            var people = place.GroupBy(r => r.CandidateId).ToList();
            Add(place.Key, people.Count, people.Count(p => p.Any(r => r.Placed)));
        }
        if (nowhere > 0) Add(AnalyticsFilter.Unknown, nowhere, 0);

        return figures
            .Select(f => new LocationFigure(f.Key, f.Value.Candidates, f.Value.Placed))
            .Where(f => filter.Location is null || f.Location == filter.Location)
            .OrderByDescending(f => f.Candidates).ThenBy(f => f.Location, StringComparer.Ordinal)
            .ToList();
    }
}
