using Dashboard.DeliveryLog;
using Dashboard.Projection;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Senders.Firstbird;

/// <summary>firstbird: employee-referral events, several to a delivery (docs/senders.md, "firstbird bodies").</summary>
public sealed class FirstbirdSender : ISender
{
    public const string SenderName = "firstbird";

    private const int EventNameLength = 64;

    public string Name => SenderName;

    public string WebhookSummary => "Receives one firstbird batch of events.";

    public SenderProof Proof => SenderProof.BasicCredentials;

    public string SetupHint => "Account Preferences → Integration → webhook destination. Choose the job application events.";

    // firstbird sends no delivery id; a retried batch is the same body.
    public string DedupeKey(string? deliveryId, string bodySha256) => DedupeKeys.ByBody(Name, bodySha256);

    public Classification Classify(ReadOnlySpan<byte> body, string? contentType, string? eventHeader)
    {
        var delivery = FirstbirdEnvelopeParser.Parse(body, contentType);
        if (delivery.QuarantineReason is { } reason) return new Classification(null, reason, null);

        var names = delivery.Envelopes.Where(e => e.Event is not null).Select(e => e.Event!.EventName).Distinct().ToList();
        var eventName = Truncate(string.Join(",", names));
        var bad = delivery.Envelopes.Where(e => e.Event is null).ToList();
        if (bad.Count == 0) return new Classification(eventName, null, null);

        var first = $"event {bad[0].Index + 1}: {bad[0].QuarantineReason}";
        if (bad.Count == delivery.Envelopes.Count)
            return new Classification(null, $"no event in the batch could be understood ({first})", null);
        return new Classification(eventName, null,
            $"{bad.Count} of {delivery.Envelopes.Count} events could not be understood and were quarantined ({first})");
    }

    private static string Truncate(string text) => text.Length <= EventNameLength ? text : text[..(EventNameLength - 1)] + "…";

    public object Parse(WaitingDelivery delivery) => FirstbirdEnvelopeParser.Parse(delivery.Body, delivery.ContentType);

    public ISenderBatch StartBatch() => new FirstbirdProjectionBatch();

    public async Task ForgetAsync(DashboardDbContext db, IReadOnlyList<long> deliveryIds, CancellationToken ct)
    {
        await db.FirstbirdEvents.Where(e => deliveryIds.Contains(e.DeliveryId)).ExecuteDeleteAsync(ct);
        await db.QuarantinedEnvelopes.Where(q => deliveryIds.Contains(q.DeliveryId)).ExecuteDeleteAsync(ct);
    }

    public async Task EmptyAsync(DashboardDbContext db, CancellationToken ct)
    {
        await db.FirstbirdEvents.ExecuteDeleteAsync(ct);
        await db.ReferralApplications.ExecuteDeleteAsync(ct);
        await db.QuarantinedEnvelopes.ExecuteDeleteAsync(ct);
    }
}
