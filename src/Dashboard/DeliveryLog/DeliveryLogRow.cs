namespace Dashboard.DeliveryLog;

/// <summary>
/// A new delivery as the log writer inserts it, without EF Core's change tracking: the columns a new row sets (the
/// dedupe key first, the unique key the insert checks) and their values as the context would store them.
/// </summary>
internal static class DeliveryLogRow
{
    public static readonly string[] Columns =
    [
        nameof(Delivery.DedupeKey), nameof(Delivery.Provider), nameof(Delivery.ReceivedAt), nameof(Delivery.SenderDeliveryId),
        nameof(Delivery.EventHeader), nameof(Delivery.EventName), nameof(Delivery.UserAgent), nameof(Delivery.ContentType),
        nameof(Delivery.HeadersJson), nameof(Delivery.Body), nameof(Delivery.BodySha256), nameof(Delivery.BodyLength),
        nameof(Delivery.Status), nameof(Delivery.StatusReason), nameof(Delivery.DuplicateCount), nameof(Delivery.SignatureCheck),
    ];

    public static object?[] Values(Delivery d) =>
    [
        d.DedupeKey, d.Provider, Utc(d.ReceivedAt), d.SenderDeliveryId,
        d.EventHeader, d.EventName, d.UserAgent, d.ContentType,
        d.HeadersJson, d.Body, d.BodySha256, d.BodyLength,
        d.Status.ToString(), d.StatusReason, d.DuplicateCount, d.SignatureCheck,
    ];

    // The context's own rule for every instant (DashboardDbContext): kept as given when UTC, else converted to UTC.
    private static DateTime Utc(DateTime value) => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime();
}
