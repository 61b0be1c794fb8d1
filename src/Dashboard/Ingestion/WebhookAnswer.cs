using System.Text.Json;
using System.Text.Json.Serialization;
using Dashboard.DeliveryLog;

namespace Dashboard.Ingestion;

/// <summary>The 200 answer's body (fixed contract): <c>{"deliveryId", "duplicate", "status", "reason"?}</c>.</summary>
public sealed record WebhookAnswer(long DeliveryId, bool Duplicate, string Status, string? Reason)
{
    public static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static WebhookAnswer From(DeliveryReceipt receipt) => new(
        receipt.DeliveryId,
        receipt.Duplicate,
        receipt.Status == DeliveryStatus.Quarantined ? "quarantined" : "accepted",
        receipt.Reason);
}
