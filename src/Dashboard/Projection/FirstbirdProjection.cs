using Dashboard.Ingestion;
using Dashboard.Ingestion.Firstbird;
using Dashboard.Projection.ReadModel;
using Dashboard.Storage;

namespace Dashboard.Projection;

/// <summary>
/// Records each firstbird envelope once (by its hash, whichever batch carried it) and refolds every application it
/// touches from all of that application's facts, so the outcome does not depend on arrival order. Every row it
/// reads was loaded with the batch (<see cref="ProjectionBatchRows"/>), so applying costs no round trip.
/// </summary>
public sealed class FirstbirdProjection(ProjectionBatchRows rows)
{
    private readonly DashboardDbContext db = rows.Db;

    public void Apply(Delivery delivery, FirstbirdBatch batch)
    {
        var touched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var envelope in batch.Envelopes)
        {
            if (envelope.Event is null)
            {
                Quarantine(delivery.Id, envelope);
                continue;
            }
            if (Record(delivery, envelope, envelope.Event) && envelope.Event.ApplicationId is { } id)
                touched.Add(id);
        }
        foreach (var applicationId in touched) Refold(applicationId);
    }

    private bool Record(Delivery delivery, FirstbirdEnvelope envelope, FirstbirdEvent parsed)
    {
        var existing = rows.EventsByHash.GetValueOrDefault(envelope.EnvelopeHash);
        if (existing is not null)
        {
            // The same fact inside another batch: a re-packed retry. Count it, never apply it twice.
            if (existing.DeliveryId != delivery.Id || existing.EnvelopeIndex != envelope.Index) existing.RepeatCount++;
            return false;
        }

        var row = new FirstbirdEventRow
        {
            EnvelopeHash = envelope.EnvelopeHash,
            DeliveryId = delivery.Id,
            EnvelopeIndex = envelope.Index,
            EventName = parsed.EventName,
            ApplicationId = parsed.ApplicationId,
            OccurredAt = parsed.OccurredAt?.UtcDateTime ?? delivery.ReceivedAt,
            JobId = parsed.JobId,
            JobTitle = parsed.JobTitle,
            ApplicantName = parsed.ApplicantName,
            FirstDayOfWork = parsed.FirstDayOfWork,
            ReceivedType = parsed.ReceivedType,
            Rating = parsed.Rating,
            CloseReason = parsed.CloseReason,
            PayReward = parsed.PayReward,
            ReferralId = parsed.ReferralId,
            ReferralType = parsed.ReferralType,
        };
        db.FirstbirdEvents.Add(row);
        rows.NoteEvent(row);
        return true;
    }

    private void Quarantine(long deliveryId, FirstbirdEnvelope envelope)
    {
        if (!rows.QuarantinedEnvelopes.Add((deliveryId, envelope.Index))) return;
        var reason = envelope.QuarantineReason ?? "not understood";
        db.QuarantinedEnvelopes.Add(new QuarantinedEnvelope
        {
            DeliveryId = deliveryId,
            EnvelopeIndex = envelope.Index,
            EnvelopeHash = envelope.EnvelopeHash,
            Reason = reason.Length <= 1024 ? reason : reason[..1024],
        });
    }

    private void Refold(string applicationId)
    {
        var folded = ReferralApplicationFold.Fold(applicationId, rows.EventsByApplication[applicationId]);

        var row = rows.Referrals.GetValueOrDefault(applicationId);
        if (row is null)
        {
            db.ReferralApplications.Add(folded);
            rows.Referrals[applicationId] = folded;
            return;
        }
        db.Entry(row).CurrentValues.SetValues(folded);
    }
}
