using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Dashboard.Senders;

/// <summary>
/// Lenient reads of JSON values whose type the senders do not hold steady: ids as strings or numbers, flags as
/// booleans or "true"/"false" strings, objects that may be missing or null.
/// </summary>
public static class TolerantJson
{
    /// <summary>The first property whose name equals <paramref name="name"/> ignoring case, as the sender wrote it.</summary>
    public static JsonElement? Property(this JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object) return null;
        var asciiName = Ascii.IsValid(name);
        foreach (var property in element.EnumerateObject())
        {
            if (NameEquals(property, name, asciiName))
                return property.Value.ValueKind == JsonValueKind.Null ? null : property.Value;
        }
        return null;
    }

    // A name is compared where it lies in the body, without making a string of it: a lookup used to make a string of
    // every name it passed. Only a name written with escapes or beyond ASCII, where ignoring case follows Unicode's
    // rules, is still made into a string and compared as one.
    private static bool NameEquals(JsonProperty property, string name, bool asciiName)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (asciiName && Ascii.IsValid(raw) && raw.IndexOf((byte)'\\') < 0)
            return raw.Length == name.Length && Ascii.EqualsIgnoreCase(raw, name);
        return string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase);
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

    public static DateTimeOffset? Date(this JsonElement element, string name) => SenderDates.Parse(element.Text(name));

    public static IEnumerable<JsonElement> Array(this JsonElement element, string name) =>
        element.Property(name) is { ValueKind: JsonValueKind.Array } value ? value.EnumerateArray() : [];

    public static string Invariant(this long value) => value.ToString(CultureInfo.InvariantCulture);
}
