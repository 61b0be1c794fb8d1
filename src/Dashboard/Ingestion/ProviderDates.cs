using System.Globalization;

namespace Dashboard.Ingestion;

/// <summary>
/// Reads the date formats both senders use: ISO-8601 with an offset (<c>2024-10-17T16:53:12+02:00</c>), with no zone
/// (<c>2017-06-28 15:57:55</c>, taken as UTC), firstbird's space-separated <c>1970-01-01 12:00:00.000Z</c>, offsets with
/// no colon (<c>+0139</c>) and plain dates (<c>2020-01-01</c>).
/// </summary>
public static class ProviderDates
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd",
    ];

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;

        var normalized = NormalizeOffset(text.Trim().Replace(' ', 'T'));
        return DateTimeOffset.TryParseExact(
            normalized, Formats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }

    public static DateTimeOffset? Parse(string? text) => TryParse(text, out var value) ? value : null;

    public static DateOnly? ParseDate(string? text) =>
        TryParse(text, out var value) ? DateOnly.FromDateTime(value.UtcDateTime) : null;

    // "+0139" is not something the "zzz" specifier reads, so give it its colon.
    private static string NormalizeOffset(string text)
    {
        if (text.Length < 6) return text;
        var sign = text[^5];
        if ((sign == '+' || sign == '-') && text[^4..].All(char.IsAsciiDigit) && text.IndexOf('T') < text.Length - 5)
            return string.Concat(text.AsSpan(0, text.Length - 2), ":", text.AsSpan(text.Length - 2));
        return text;
    }
}
