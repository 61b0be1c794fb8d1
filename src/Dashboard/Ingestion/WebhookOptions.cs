using Dashboard.DeliveryLog;
using Dashboard.SenderKeys;
using Dashboard.Senders;
using Dashboard.Senders.Idibu;
using Dashboard.Senders.Firstbird;

namespace Dashboard.Ingestion;

/// <summary>The <c>Webhooks</c> section: body limit and keys seeded for automation.</summary>
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
    public ProviderKeyOptions Idibu { get; set; } = new();
    public ProviderKeyOptions Firstbird { get; set; } = new();

    public string? SeedKeyFor(string provider) => provider switch
    {
        IdibuSender.SenderName => Idibu.Key,
        FirstbirdSender.SenderName => Firstbird.Key,
        _ => null,
    };
}

public sealed class ProviderKeyOptions
{
    public string? Key { get; set; }
}
