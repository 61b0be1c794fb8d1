using Dashboard.Projection;

namespace Dashboard.Senders.Idibu;

/// <summary>
/// Applies idibu snapshots to the read model so that the result does not depend on arrival order: the newest
/// snapshot (by timestamp, then create before update, then body hash) owns the current state; every snapshot may
/// lower a first-observed time.
/// Every row it reads was loaded with the batch (<see cref="IdibuBatchRows"/>), so applying costs no round trip.
/// </summary>
public sealed class IdibuProjection(IdibuBatchRows rows)
{
    public void Apply(WaitingDelivery delivery, IdibuDelivery parsed)
    {
        var at = parsed.SnapshotAt?.UtcDateTime ?? delivery.ReceivedAt;
        switch (parsed)
        {
            case IdibuCandidateSnapshot candidate:
                ApplyCandidate(delivery, candidate, at);
                break;
            case IdibuVacancySnapshot vacancy:
                ApplyVacancy(delivery, vacancy, at);
                break;
        }
    }

    private void ApplyCandidate(WaitingDelivery delivery, IdibuCandidateSnapshot snapshot, DateTime at)
    {
        var tieBreak = TieBreakOf(snapshot.EventName, delivery.BodySha256);
        var candidate = rows.Candidates.GetValueOrDefault(snapshot.CandidateId);
        var isNewest = candidate is null || IsNewer(at, tieBreak, candidate.SnapshotAt, candidate.SnapshotTieBreak);
        RecordSnapshot(delivery.Id, snapshot.CandidateId, at, outOfOrder: candidate is not null && at < candidate.SnapshotAt);

        if (candidate is null)
        {
            candidate = new IdibuCandidate { CandidateId = snapshot.CandidateId, SnapshotTieBreak = tieBreak, CreatedAt = DateTime.MaxValue };
            rows.Candidates[snapshot.CandidateId] = candidate;
        }
        candidate.CreatedAt = Min(candidate.CreatedAt, snapshot.CreatedAt?.UtcDateTime ?? at);
        if (isNewest) CopyCurrentState(candidate, snapshot, at, tieBreak, delivery.Id);

        var pairs = rows.PairsByCandidate[snapshot.CandidateId];
        foreach (var application in snapshot.Vacancies)
        {
            if (!pairs.TryGetValue(application.VacancyId, out var pair))
            {
                pair = new IdibuApplicationRow
                {
                    CandidateId = snapshot.CandidateId, VacancyId = application.VacancyId, FirstObservedAt = at, DeliveryId = delivery.Id,
                };
                pairs[application.VacancyId] = pair;
            }
            else if (at < pair.FirstObservedAt)
            {
                pair.FirstObservedAt = at;
                pair.DeliveryId = delivery.Id;
            }
            NoteVacancy(application, delivery.Id);
            if (application.Status is { } status) Observe(snapshot.CandidateId, application.VacancyId, status, at, delivery.Id);
        }

        if (!isNewest) return;
        var current = snapshot.Vacancies.GroupBy(v => v.VacancyId).ToDictionary(g => g.Key, g => g.Last().Status?.Key);
        foreach (var pair in pairs.Values) pair.CurrentStatusKey = current.GetValueOrDefault(pair.VacancyId);
    }

    private static void CopyCurrentState(IdibuCandidate candidate, IdibuCandidateSnapshot snapshot, DateTime at, string tieBreak, long deliveryId)
    {
        candidate.FirstName = snapshot.FirstName;
        candidate.LastName = snapshot.LastName;
        candidate.Email = snapshot.Email;
        candidate.Source = snapshot.Source;
        candidate.ConsultantId = snapshot.Consultant?.ProfileId;
        candidate.ConsultantName = snapshot.Consultant?.DisplayName;
        candidate.Location = snapshot.Location is { IsKnown: true } place ? PlaceText(place) : null;
        candidate.SnapshotAt = at;
        candidate.SnapshotTieBreak = tieBreak;
        candidate.DeliveryId = deliveryId;
    }

    private void RecordSnapshot(long deliveryId, string candidateId, DateTime at, bool outOfOrder)
    {
        if (!rows.SnapshotDeliveries.Add(deliveryId)) return;
        rows.NewSnapshots.Add(new IdibuSnapshot { DeliveryId = deliveryId, CandidateId = candidateId, SnapshotAt = at, OutOfOrder = outOfOrder });
    }

    private void Observe(string candidateId, string vacancyId, IdibuStatus status, DateTime at, long deliveryId)
    {
        var observation = rows.Observations.GetValueOrDefault((candidateId, vacancyId, status.Key));
        if (observation is null)
        {
            observation = new IdibuStatusObservation
            {
                CandidateId = candidateId, VacancyId = vacancyId, StatusKey = status.Key, FirstObservedAt = at, DeliveryId = deliveryId,
            };
            rows.Observations[(candidateId, vacancyId, status.Key)] = observation;
        }
        else if (at < observation.FirstObservedAt)
        {
            observation.FirstObservedAt = at;
            observation.DeliveryId = deliveryId;
        }

        var definition = rows.Statuses.GetValueOrDefault(status.Key);
        if (definition is null)
        {
            definition = new IdibuStatusDefinition
            {
                StatusKey = status.Key, StatusType = status.Type, StatusId = status.Id, Label = status.Label, LabelSeenAt = at,
            };
            rows.Statuses[status.Key] = definition;
        }
        else if (status.Label is not null && (definition.Label is null || at >= definition.LabelSeenAt))
        {
            definition.Label = status.Label;
            definition.LabelSeenAt = at;
        }
    }

    // Candidate snapshots only fill gaps; the vacancy's own deliveries are the authority on it.
    private void NoteVacancy(IdibuApplication application, long deliveryId)
    {
        var vacancy = rows.Vacancies.GetValueOrDefault(application.VacancyId);
        if (vacancy is null)
        {
            vacancy = new IdibuVacancy
            {
                VacancyId = application.VacancyId, Title = application.Title, Reference = application.Reference, DeliveryId = deliveryId,
            };
            rows.Vacancies[application.VacancyId] = vacancy;
            return;
        }
        vacancy.Title ??= application.Title;
        vacancy.Reference ??= application.Reference;
    }

    private void ApplyVacancy(WaitingDelivery delivery, IdibuVacancySnapshot snapshot, DateTime at)
    {
        var tieBreak = TieBreakOf(snapshot.EventName, delivery.BodySha256);
        var vacancy = rows.Vacancies.GetValueOrDefault(snapshot.VacancyId);
        if (vacancy is null)
        {
            vacancy = new IdibuVacancy { VacancyId = snapshot.VacancyId };
            rows.Vacancies[snapshot.VacancyId] = vacancy;
        }
        else if (vacancy.SnapshotAt is { } seen && !IsNewer(at, tieBreak, seen, vacancy.SnapshotTieBreak ?? ""))
        {
            return;
        }
        vacancy.Title = snapshot.Title ?? vacancy.Title;
        vacancy.Reference = snapshot.Reference ?? vacancy.Reference;
        vacancy.Status = snapshot.Status;
        vacancy.Location = snapshot.Location?.Place is { Length: > 0 } place ? place : null;
        vacancy.Country = snapshot.Location?.Country;
        vacancy.SnapshotAt = at;
        vacancy.SnapshotTieBreak = tieBreak;
        vacancy.DeliveryId = delivery.Id;
    }

    /// <summary>
    /// Orders two snapshots with the same timestamp: a create before an update (a create cannot describe a later
    /// state than an update of the same moment), and only then the body's hash, so the outcome is the same whatever
    /// the arrival order. The step replaces the hash's first character, keeping the key within its 64-character column.
    /// </summary>
    public static string TieBreakOf(string eventName, string bodySha256) =>
        (eventName.EndsWith(".create", StringComparison.Ordinal) ? "0" : "1") + bodySha256[1..];

    private static bool IsNewer(DateTime at, string tieBreak, DateTime seenAt, string seenTieBreak) =>
        at > seenAt || (at == seenAt && string.CompareOrdinal(tieBreak, seenTieBreak) > 0);

    private static DateTime Min(DateTime a, DateTime b) => a <= b ? a : b;

    /// <summary>The place a chart shows: the town, else the country.</summary>
    public static string PlaceText(IdibuPlace place) =>
        !string.IsNullOrWhiteSpace(place.Place) ? place.Place.Trim() : place.Country!.Trim();
}
