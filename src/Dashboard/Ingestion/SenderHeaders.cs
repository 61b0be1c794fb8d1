using Dashboard.Senders;

namespace Dashboard.Ingestion;

/// <summary>
/// The headers worth keeping with a delivery. Header names drift between idibu versions (<c>X-Idibu-Event</c>,
/// <c>X-IdibuV3-Event</c>), so they are matched by prefix and suffix. Credentials are never kept.
/// </summary>
public sealed record SenderHeaders(string? DeliveryId, string? EventHeader, IReadOnlyDictionary<string, string> Kept)
{
    private static readonly HashSet<string> Secret = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Cookie", "Proxy-Authorization",
    };

    private const int MaxKept = 40;
    private const int MaxValueLength = 512;

    public static SenderHeaders From(IHeaderDictionary headers)
    {
        string? deliveryId = null, eventHeader = null;
        var kept = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in headers)
        {
            var value = values.ToString();
            if (IsIdibuHeader(name, "-Delivery")) deliveryId ??= NullIfEmpty(value);
            if (IsIdibuHeader(name, "-Event")) eventHeader ??= NullIfEmpty(value);
            if (Secret.Contains(name) || kept.Count >= MaxKept) continue;
            kept[name] = value.Length <= MaxValueLength ? value : value[..MaxValueLength];
        }
        return new SenderHeaders(deliveryId, eventHeader, kept);
    }

    private static bool IsIdibuHeader(string name, string suffix) =>
        name.StartsWith("X-Idibu", StringComparison.OrdinalIgnoreCase) && name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase);

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
