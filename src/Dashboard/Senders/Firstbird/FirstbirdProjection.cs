using Dashboard.Projection;

namespace Dashboard.Senders.Firstbird;

/// <summary>
/// Records each firstbird envelope once (by its hash, whichever batch carried it) and refolds every application it
/// touches from all of that application's facts, so the outcome does not depend on arrival order. Every row it
/// reads was loaded with the batch (<see cref="FirstbirdBatchRows"/>), so applying costs no round trip.
/// </summary>
public sealed class FirstbirdProjection(FirstbirdBatchRows rows)
{
    public void Apply(WaitingDelivery delivery, FirstbirdDelivery batch)
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

    private bool Record(WaitingDelivery delivery, FirstbirdEnvelope envelope, FirstbirdEvent parsed)
    {
        var existing = rows.EventsByHash.GetValueOrDefault(envelope.EnvelopeHash);
        if (existing is not null)
        {
            // The same fact inside another batch: a re-packed retry. Count it, never apply it twice.
            if (existing.DeliveryId != delivery.Id || existing.EnvelopeIndex != envelope.Index) existing.RepeatCount++;
            return false;
        }

        var row = FactOf(delivery.Id, delivery.ReceivedAt, envelope, parsed);
        rows.NewEvents.Add(row);
        rows.NoteEvent(row);
        return true;
    }

    /// <summary>The fact an understood envelope records; an envelope without a date is dated by its delivery.</summary>
    public static FirstbirdEventRow FactOf(long deliveryId, DateTime receivedAt, FirstbirdEnvelope envelope, FirstbirdEvent parsed) =>
        new()
        {
            EnvelopeHash = envelope.EnvelopeHash,
            DeliveryId = deliveryId,
            EnvelopeIndex = envelope.Index,
            EventName = parsed.EventName,
            ApplicationId = parsed.ApplicationId,
            OccurredAt = parsed.OccurredAt?.UtcDateTime ?? receivedAt,
            JobId = Fit(parsed.JobId, 64),
            JobTitle = Fit(parsed.JobTitle, 256),
            ApplicantName = Fit(parsed.ApplicantName, 256),
            FirstDayOfWork = parsed.FirstDayOfWork,
            ReceivedType = Fit(parsed.ReceivedType, 32),
            Rating = Fit(parsed.Rating, 8),
            CloseReason = Fit(parsed.CloseReason, 64),
            PayReward = parsed.PayReward,
            ReferralId = Fit(parsed.ReferralId, 64),
            ReferralType = Fit(parsed.ReferralType, 16),
        };

    // Text is kept as sent up to its column's width (PostgreSQL refuses longer text); a longer value is cut, never
    // inside a surrogate pair, and ends in "…", so a cut is visible. The whole value stays in the delivery log.
    private static string? Fit(string? text, int width)
    {
        if (text is null || text.Length <= width) return text;
        var keep = char.IsHighSurrogate(text[width - 2]) ? width - 2 : width - 1;
        return text[..keep] + "…";
    }

    private void Quarantine(long deliveryId, FirstbirdEnvelope envelope)
    {
        if (!rows.QuarantinedEnvelopes.Add((deliveryId, envelope.Index))) return;
        var reason = envelope.QuarantineReason ?? "not understood";
        rows.NewQuarantinedEnvelopes.Add(new QuarantinedEnvelope
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

        // The whole row is written with the batch, so the fold simply takes the place of what was there.
        rows.Referrals[applicationId] = folded;
    }
}
