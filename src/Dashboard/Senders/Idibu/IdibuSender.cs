using Dashboard.DeliveryLog;
using Dashboard.Projection;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Senders.Idibu;

/// <summary>idibu: candidate and vacancy snapshots, each delivery one event (docs/senders.md, "idibu bodies").</summary>
public sealed class IdibuSender : ISender
{
    public const string SenderName = "idibu";

    public string Name => SenderName;

    public string WebhookSummary => "Receives one idibu delivery (candidate or vacancy).";

    public SenderProof Proof => SenderProof.BodySignature;

    public string SetupHint => "General settings → Webhook settings → add. Content type: JSON. Events: Candidate (or Candidate extended) and Vacancy.";

    // idibu numbers its deliveries (X-Idibu-Delivery); a retry carries the same number. Without one, the body decides.
    public string DedupeKey(string? deliveryId, string bodySha256) =>
        string.IsNullOrWhiteSpace(deliveryId) ? DedupeKeys.ByBody(Name, bodySha256) : DedupeKeys.ById(Name, deliveryId);

    public Classification Classify(ReadOnlySpan<byte> body, string? contentType, string? eventHeader)
    {
        var result = IdibuPayloadParser.Parse(body, contentType, eventHeader);
        return result.Delivery is { } delivery
            ? new Classification(delivery.EventName, null, null)
            : new Classification(null, result.QuarantineReason ?? "not understood", null);
    }

    public object Parse(WaitingDelivery delivery) => IdibuPayloadParser.Parse(delivery.Body, delivery.ContentType, delivery.EventHeader);

    public ISenderBatch StartBatch() => new IdibuProjectionBatch();

    public async Task ForgetAsync(DashboardDbContext db, IReadOnlyList<long> deliveryIds, CancellationToken ct) =>
        await db.IdibuSnapshots.Where(s => deliveryIds.Contains(s.DeliveryId)).ExecuteDeleteAsync(ct);

    public async Task EmptyAsync(DashboardDbContext db, CancellationToken ct)
    {
        await db.IdibuStatusObservations.ExecuteDeleteAsync(ct);
        await db.IdibuApplications.ExecuteDeleteAsync(ct);
        await db.IdibuSnapshots.ExecuteDeleteAsync(ct);
        await db.IdibuCandidates.ExecuteDeleteAsync(ct);
        await db.IdibuVacancies.ExecuteDeleteAsync(ct);
        await db.IdibuStatuses.ExecuteDeleteAsync(ct);
    }
}
