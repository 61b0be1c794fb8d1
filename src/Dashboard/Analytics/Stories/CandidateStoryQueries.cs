using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Analytics.Stories;

/// <summary>
/// Reads a candidate's story in a fixed number of statements, however many vacancies and statuses they have: the
/// candidate, then every vacancy with every status in one statement, then (for admins) their deliveries.
/// </summary>
internal static class CandidateStoryQueries
{
    public static async Task<CandidateStory?> ReadAsync(
        DashboardDbContext db, string candidateId, StatusTargets targets, bool withDeliveries, CancellationToken ct)
    {
        var candidate = await db.IdibuCandidates.AsNoTracking().Where(c => c.CandidateId == candidateId)
            .Select(c => new { c.FirstName, c.LastName, c.Source, c.ConsultantName, c.Location, c.CreatedAt, c.SnapshotAt })
            .FirstOrDefaultAsync(ct);
        if (candidate is null) return null;

        var sightings = await (
                from pair in db.IdibuApplications.AsNoTracking().Where(a => a.CandidateId == candidateId)
                join vacancy in db.IdibuVacancies.AsNoTracking() on pair.VacancyId equals vacancy.VacancyId into vacancyRows
                from vacancy in vacancyRows.DefaultIfEmpty()
                join seen in db.IdibuStatusObservations.AsNoTracking()
                    on new { pair.CandidateId, pair.VacancyId } equals new { seen.CandidateId, seen.VacancyId } into seenStatuses
                from seen in seenStatuses.DefaultIfEmpty()
                join status in db.IdibuStatuses.AsNoTracking() on seen.StatusKey equals status.StatusKey into statuses
                from status in statuses.DefaultIfEmpty()
                select new
                {
                    pair.VacancyId, PairSeenAt = pair.FirstObservedAt, pair.CurrentStatusKey,
                    vacancy.Title, vacancy.Reference, Place = vacancy.Location ?? vacancy.Country,
                    StatusKey = (string?)seen.StatusKey, SeenAt = (DateTime?)seen.FirstObservedAt,
                    DeliveryId = withDeliveries ? (long?)seen.DeliveryId : null,
                    status.Label,
                })
            .ToListAsync(ct);

        var labels = sightings.Where(s => s.StatusKey is not null)
            .GroupBy(s => s.StatusKey!).ToDictionary(g => g.Key, g => LabelOf(g.Key, g.First().Label));
        var vacancies = sightings
            .GroupBy(s => s.VacancyId)
            .Select(pair =>
            {
                var first = pair.First();
                var statuses = pair.Where(s => s.StatusKey is not null)
                    .Select(s => new StatusSighting(labels[s.StatusKey!], StageOf(targets, s.StatusKey!), s.SeenAt!.Value, s.DeliveryId))
                    .OrderBy(s => s.FirstSeenAt).ThenBy(s => targets.Funnel.StageIndexOf(s.Stage)).ThenBy(s => s.Status, StringComparer.Ordinal)
                    .ToList();
                var current = first.CurrentStatusKey is { } key ? labels.GetValueOrDefault(key) ?? LabelOf(key, null) : null;
                return new VacancyStory(pair.Key, FilterOptionQueries.VacancyLabel(pair.Key, first.Title, first.Reference), first.Place,
                    first.PairSeenAt, current, statuses);
            })
            .OrderBy(v => v.FirstSeenAt).ThenBy(v => v.VacancyId, StringComparer.Ordinal)
            .ToList();

        IReadOnlyList<CandidateDelivery>? deliveries = null;
        if (withDeliveries)
        {
            deliveries = (await db.IdibuSnapshots.AsNoTracking().Where(s => s.CandidateId == candidateId)
                    .Join(db.Deliveries.AsNoTracking(), s => s.DeliveryId, d => d.Id,
                        (s, d) => new { s.DeliveryId, d.ReceivedAt, s.SnapshotAt, d.EventName, s.OutOfOrder })
                    .OrderBy(d => d.SnapshotAt).ThenBy(d => d.DeliveryId)
                    .ToListAsync(ct))
                .Select(d => new CandidateDelivery(d.DeliveryId, d.ReceivedAt, d.SnapshotAt, d.EventName, d.OutOfOrder))
                .ToList();
        }

        return new CandidateStory(candidateId, DrillDownQueries.NameOf(candidate.FirstName, candidate.LastName, candidateId),
            candidate.Source ?? AnalyticsFilter.Unknown, candidate.ConsultantName, candidate.Location, candidate.CreatedAt, candidate.SnapshotAt,
            vacancies, deliveries);
    }

    private static string? StageOf(StatusTargets targets, string statusKey) => targets.TargetByKey.GetValueOrDefault(statusKey);

    // A status idibu sent without a label is still a status: it is named by its key (type:id).
    private static string LabelOf(string statusKey, string? label) => string.IsNullOrWhiteSpace(label) ? statusKey : label;
}
