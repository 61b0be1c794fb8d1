using Dashboard.Ingestion;
using Dashboard.Ingestion.Firstbird;
using Dashboard.Projection.ReadModel;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Projection;

/// <summary>
/// Records each firstbird envelope once (by its hash, whichever batch carried it) and refolds every application it
/// touches from all of that application's facts, so the outcome does not depend on arrival order.
/// </summary>
public sealed class FirstbirdProjection(DashboardDbContext db)
{
    public async Task ApplyAsync(Delivery delivery, FirstbirdBatch batch, CancellationToken cancellationToken)
    {
        var touched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var envelope in batch.Envelopes)
        {
            if (envelope.Event is null)
            {
                await QuarantineAsync(delivery.Id, envelope, cancellationToken);
                continue;
            }
            if (await RecordAsync(delivery, envelope, envelope.Event, cancellationToken) && envelope.Event.ApplicationId is { } id)
                touched.Add(id);
        }
        foreach (var applicationId in touched) await RefoldAsync(applicationId, cancellationToken);
    }

    private async Task<bool> RecordAsync(Delivery delivery, FirstbirdEnvelope envelope, FirstbirdEvent parsed, CancellationToken ct)
    {
        var existing = db.FirstbirdEvents.Local.FirstOrDefault(e => e.EnvelopeHash == envelope.EnvelopeHash)
            ?? await db.FirstbirdEvents.FirstOrDefaultAsync(e => e.EnvelopeHash == envelope.EnvelopeHash, ct);
        if (existing is not null)
        {
            // The same fact inside another batch: a re-packed retry. Count it, never apply it twice.
            if (existing.DeliveryId != delivery.Id || existing.EnvelopeIndex != envelope.Index) existing.RepeatCount++;
            return false;
        }

        db.FirstbirdEvents.Add(new FirstbirdEventRow
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
        });
        return true;
    }

    private async Task QuarantineAsync(long deliveryId, FirstbirdEnvelope envelope, CancellationToken ct)
    {
        if (await db.QuarantinedEnvelopes.FindAsync([deliveryId, envelope.Index], ct) is not null) return;
        var reason = envelope.QuarantineReason ?? "not understood";
        db.QuarantinedEnvelopes.Add(new QuarantinedEnvelope
        {
            DeliveryId = deliveryId,
            EnvelopeIndex = envelope.Index,
            EnvelopeHash = envelope.EnvelopeHash,
            Reason = reason.Length <= 1024 ? reason : reason[..1024],
        });
    }

    private async Task RefoldAsync(string applicationId, CancellationToken ct)
    {
        await db.FirstbirdEvents.Where(e => e.ApplicationId == applicationId).LoadAsync(ct);
        var facts = db.FirstbirdEvents.Local.Where(e => e.ApplicationId == applicationId).ToList();
        var folded = ReferralApplicationFold.Fold(applicationId, facts);

        var row = await db.ReferralApplications.FindAsync([applicationId], ct);
        if (row is null)
        {
            db.ReferralApplications.Add(folded);
            return;
        }
        db.Entry(row).CurrentValues.SetValues(folded);
    }
}
