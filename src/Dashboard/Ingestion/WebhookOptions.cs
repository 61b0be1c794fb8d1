namespace Dashboard.Ingestion;

/// <summary>
/// The <c>Webhooks</c> section: the body limit and how many deliveries are worked on at once. The keys seeded for
/// automation (<c>Webhooks:{sender}:Key</c>) are read by <see cref="SenderKeys.SenderKeyEndpoints"/>.
/// </summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Deliveries this instance works on at once, from their body being read to their answer. One more is answered
    /// 503 with <c>Retry-After</c> before its body is read: when the CPU is what runs out, work taken beyond this only
    /// makes every answer later.
    /// </summary>
    public int MaxDeliveriesInFlight { get; set; } = 512;
}
