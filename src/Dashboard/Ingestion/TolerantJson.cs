using System.Globalization;
using System.Text.Json;

namespace Dashboard.Ingestion;

/// <summary>
/// Lenient reads of JSON values whose type the senders do not hold steady: ids as strings or numbers, flags as
/// booleans or "true"/"false" strings, objects that may be missing or null.
/// </summary>
public static class TolerantJson
{
    public static JsonElement? Property(this JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object) return null;
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                return property.Value.ValueKind == JsonValueKind.Null ? null : property.Value;
        }
        return null;
    }

    public static JsonElement? Object(this JsonElement element, string name) =>
        element.Property(name) is { ValueKind: JsonValueKind.Object } value ? value : null;

    /// <summary>A string, number or boolean as trimmed text; null for missing, empty or structured values.</summary>
    public static string? Text(this JsonElement element, string name) => element.Property(name)?.AsText();

    public static string? AsText(this JsonElement value)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    public static bool? Flag(this JsonElement element, string name)
    {
        var value = element.Property(name);
        return value?.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => value.Value.TryGetInt64(out var n) ? n != 0 : null,
            JsonValueKind.String => value.Value.GetString()?.Trim().ToLowerInvariant() switch
            {
                "true" or "1" or "yes" => true,
                "false" or "0" or "no" => false,
                _ => null,
            },
            _ => null,
        };
    }

    public static DateTimeOffset? Date(this JsonElement element, string name) => ProviderDates.Parse(element.Text(name));

    public static IEnumerable<JsonElement> Array(this JsonElement element, string name) =>
        element.Property(name) is { ValueKind: JsonValueKind.Array } value ? value.EnumerateArray() : [];

    public static string Invariant(this long value) => value.ToString(CultureInfo.InvariantCulture);
}
