using System.Globalization;

namespace Dashboard.Senders;

/// <summary>
/// Reads the date formats both senders use: ISO-8601 with an offset (<c>2024-10-17T16:53:12+02:00</c>), with no zone
/// (<c>2017-06-28 15:57:55</c>, taken as UTC), firstbird's space-separated <c>1970-01-01 12:00:00.000Z</c>, offsets with
/// no colon (<c>+0139</c>) and plain dates (<c>2020-01-01</c>).
/// </summary>
public static class SenderDates
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
        return TryReadCommon(normalized, out value) || TryParseByFormats(normalized, out value);
    }

    internal static bool TryParseByFormats(string normalized, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(
            normalized, Formats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);

    /// <summary>
    /// The shape nearly every date arrives in, <c>yyyy-MM-ddTHH:mm:ss[.f…][Z|±HH:mm]</c>, read digit by digit: the
    /// general parser costs several times more and sits on every delivery's path twice. Anything else, and anything
    /// near the edges of what an instant can be, is left to <see cref="TryParseByFormats"/>, which answers the same.
    /// </summary>
    internal static bool TryReadCommon(string text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length < 19 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':')
            return false;
        if (!Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day)
            || !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute) || !Digits(text, 17, 2, out var second))
            return false;
        if (year is < 2 or > 9998 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
            return false;

        var at = 19;
        long fraction = 0;
        if (at < text.Length && text[at] == '.')
        {
            var digits = 0;
            for (at++; at < text.Length && char.IsAsciiDigit(text[at]); at++, digits++)
            {
                if (digits == 7) return false;
                fraction = fraction * 10 + (text[at] - '0');
            }
            if (digits == 0) return false;
            for (; digits < 7; digits++) fraction *= 10;
        }

        var offset = TimeSpan.Zero;
        if (at == text.Length - 1 && text[at] == 'Z') at++;
        else if (at == text.Length - 6 && text[at] is '+' or '-' && text[at + 3] == ':'
                 && Digits(text, at + 1, 2, out var offsetHours) && Digits(text, at + 4, 2, out var offsetMinutes))
        {
            if (offsetHours > 13 || offsetMinutes > 59) return false;
            offset = new TimeSpan(offsetHours, offsetMinutes, 0) * (text[at] == '-' ? -1 : 1);
            at += 6;
        }
        if (at != text.Length) return false;

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fraction);
        value = new DateTimeOffset(DateTime.SpecifyKind(local - offset, DateTimeKind.Unspecified), TimeSpan.Zero);
        return true;
    }

    private static bool Digits(string text, int start, int count, out int number)
    {
        number = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(text[i])) return false;
            number = number * 10 + (text[i] - '0');
        }
        return true;
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
