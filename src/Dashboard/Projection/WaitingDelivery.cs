using Dashboard.DeliveryLog;

namespace Dashboard.Projection;

/// <summary>The columns of a waiting delivery the projector reads: never its headers, never a tracked row.</summary>
public sealed record WaitingDelivery(
    long Id, string Provider, DateTime ReceivedAt, string? ContentType, string? EventHeader, byte[] Body, string BodySha256, DeliveryStatus Status);

/// <summary>What projecting a delivery said of it: projected, or quarantined with the reason.</summary>
public sealed record DeliveryVerdict(WaitingDelivery Delivery, string? QuarantineReason)
{
    public bool Quarantined => QuarantineReason is not null;
}
