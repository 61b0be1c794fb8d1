namespace Dashboard.Ingestion;

/// <summary>The <c>Webhooks</c> section: body limit and keys seeded for automation.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    public long MaxBodyBytes { get; set; } = 1024 * 1024;
    public ProviderKeyOptions Idibu { get; set; } = new();
    public ProviderKeyOptions Firstbird { get; set; } = new();

    public string? SeedKeyFor(string provider) => provider switch
    {
        Providers.Idibu => Idibu.Key,
        Providers.Firstbird => Firstbird.Key,
        _ => null,
    };
}

public sealed class ProviderKeyOptions
{
    public string? Key { get; set; }
}
