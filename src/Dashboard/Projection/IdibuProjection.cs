using Dashboard.Ingestion;
using Dashboard.Ingestion.Idibu;
using Dashboard.Projection.ReadModel;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Projection;

/// <summary>
/// Applies idibu snapshots to the read model so that the result does not depend on arrival order: the newest
/// snapshot (by timestamp, then body hash) owns the current state; every snapshot may lower a first-observed time.
/// </summary>
public sealed class IdibuProjection(DashboardDbContext db)
{
    public async Task ApplyAsync(Delivery delivery, IdibuDelivery parsed, CancellationToken cancellationToken)
    {
        var at = parsed.SnapshotAt?.UtcDateTime ?? delivery.ReceivedAt;
        switch (parsed)
        {
            case IdibuCandidateSnapshot candidate:
                await ApplyCandidateAsync(delivery, candidate, at, cancellationToken);
                break;
            case IdibuVacancySnapshot vacancy:
                await ApplyVacancyAsync(delivery, vacancy, at, cancellationToken);
                break;
        }
    }

    private async Task ApplyCandidateAsync(Delivery delivery, IdibuCandidateSnapshot snapshot, DateTime at, CancellationToken ct)
    {
        var tieBreak = delivery.BodySha256;
        var candidate = await db.IdibuCandidates.FindAsync([snapshot.CandidateId], ct);
        var isNewest = candidate is null || IsNewer(at, tieBreak, candidate.SnapshotAt, candidate.SnapshotTieBreak);
        await RecordSnapshotAsync(delivery.Id, snapshot.CandidateId, at, outOfOrder: candidate is not null && at < candidate.SnapshotAt, ct);

        if (candidate is null)
        {
            candidate = new IdibuCandidate { CandidateId = snapshot.CandidateId, SnapshotTieBreak = tieBreak, CreatedAt = DateTime.MaxValue };
            db.IdibuCandidates.Add(candidate);
        }
        candidate.CreatedAt = Min(candidate.CreatedAt, snapshot.CreatedAt?.UtcDateTime ?? at);
        if (isNewest) CopyCurrentState(candidate, snapshot, at, tieBreak, delivery.Id);

        var pairs = await LoadPairsAsync(snapshot.CandidateId, ct);
        foreach (var application in snapshot.Vacancies)
        {
            if (!pairs.TryGetValue(application.VacancyId, out var pair))
            {
                pair = new IdibuApplicationRow
                {
                    CandidateId = snapshot.CandidateId, VacancyId = application.VacancyId, FirstObservedAt = at, DeliveryId = delivery.Id,
                };
                db.IdibuApplications.Add(pair);
                pairs[application.VacancyId] = pair;
            }
            else if (at < pair.FirstObservedAt)
            {
                pair.FirstObservedAt = at;
                pair.DeliveryId = delivery.Id;
            }
            await NoteVacancyAsync(application, delivery.Id, ct);
            if (application.Status is { } status) await ObserveAsync(snapshot.CandidateId, application.VacancyId, status, at, delivery.Id, ct);
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

    private async Task RecordSnapshotAsync(long deliveryId, string candidateId, DateTime at, bool outOfOrder, CancellationToken ct)
    {
        if (await db.IdibuSnapshots.FindAsync([deliveryId], ct) is not null) return;
        db.IdibuSnapshots.Add(new IdibuSnapshot { DeliveryId = deliveryId, CandidateId = candidateId, SnapshotAt = at, OutOfOrder = outOfOrder });
    }

    private async Task<Dictionary<string, IdibuApplicationRow>> LoadPairsAsync(string candidateId, CancellationToken ct)
    {
        await db.IdibuApplications.Where(a => a.CandidateId == candidateId).LoadAsync(ct);
        return db.IdibuApplications.Local.Where(a => a.CandidateId == candidateId).ToDictionary(a => a.VacancyId);
    }

    private async Task ObserveAsync(string candidateId, string vacancyId, IdibuStatus status, DateTime at, long deliveryId, CancellationToken ct)
    {
        var observation = await db.IdibuStatusObservations.FindAsync([candidateId, vacancyId, status.Key], ct);
        if (observation is null)
        {
            db.IdibuStatusObservations.Add(new IdibuStatusObservation
            {
                CandidateId = candidateId, VacancyId = vacancyId, StatusKey = status.Key, FirstObservedAt = at, DeliveryId = deliveryId,
            });
        }
        else if (at < observation.FirstObservedAt)
        {
            observation.FirstObservedAt = at;
            observation.DeliveryId = deliveryId;
        }

        var definition = await db.IdibuStatuses.FindAsync([status.Key], ct);
        if (definition is null)
        {
            db.IdibuStatuses.Add(new IdibuStatusDefinition
            {
                StatusKey = status.Key, StatusType = status.Type, StatusId = status.Id, Label = status.Label, LabelSeenAt = at,
            });
        }
        else if (status.Label is not null && (definition.Label is null || at >= definition.LabelSeenAt))
        {
            definition.Label = status.Label;
            definition.LabelSeenAt = at;
        }
    }

    // Candidate snapshots only fill gaps; the vacancy's own deliveries are the authority on it.
    private async Task NoteVacancyAsync(IdibuApplication application, long deliveryId, CancellationToken ct)
    {
        var vacancy = await db.IdibuVacancies.FindAsync([application.VacancyId], ct);
        if (vacancy is null)
        {
            db.IdibuVacancies.Add(new IdibuVacancy
            {
                VacancyId = application.VacancyId, Title = application.Title, Reference = application.Reference, DeliveryId = deliveryId,
            });
            return;
        }
        vacancy.Title ??= application.Title;
        vacancy.Reference ??= application.Reference;
    }

    private async Task ApplyVacancyAsync(Delivery delivery, IdibuVacancySnapshot snapshot, DateTime at, CancellationToken ct)
    {
        var vacancy = await db.IdibuVacancies.FindAsync([snapshot.VacancyId], ct);
        if (vacancy is null)
        {
            vacancy = new IdibuVacancy { VacancyId = snapshot.VacancyId };
            db.IdibuVacancies.Add(vacancy);
        }
        else if (vacancy.SnapshotAt is { } seen && !IsNewer(at, delivery.BodySha256, seen, vacancy.SnapshotTieBreak ?? ""))
        {
            return;
        }
        vacancy.Title = snapshot.Title ?? vacancy.Title;
        vacancy.Reference = snapshot.Reference ?? vacancy.Reference;
        vacancy.Status = snapshot.Status;
        vacancy.Location = snapshot.Location?.Place is { Length: > 0 } place ? place : null;
        vacancy.Country = snapshot.Location?.Country;
        vacancy.SnapshotAt = at;
        vacancy.SnapshotTieBreak = delivery.BodySha256;
        vacancy.DeliveryId = delivery.Id;
    }

    private static bool IsNewer(DateTime at, string tieBreak, DateTime seenAt, string seenTieBreak) =>
        at > seenAt || (at == seenAt && string.CompareOrdinal(tieBreak, seenTieBreak) > 0);

    private static DateTime Min(DateTime a, DateTime b) => a <= b ? a : b;

    /// <summary>The place a chart shows: the town, else the country.</summary>
    public static string PlaceText(IdibuPlace place) =>
        !string.IsNullOrWhiteSpace(place.Place) ? place.Place.Trim() : place.Country!.Trim();
}
