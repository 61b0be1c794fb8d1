namespace Dashboard.Messages.AgencyZone;

/// <summary>Which time zone ids the agency may use: IANA ids (<c>Europe/Berlin</c>), as every other system names them.</summary>
public static class ZoneIds
{
    public const string Utc = "UTC";

    /// <summary>The zone for <paramref name="id"/>, or null with what is wrong with it.</summary>
    public static TimeZoneInfo? Find(string? id, out string? problem)
    {
        problem = null;
        var text = id?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            problem = "Name a time zone, such as Europe/Berlin or UTC.";
            return null;
        }
        if (string.Equals(text, Utc, StringComparison.OrdinalIgnoreCase) || text == "Etc/UTC") return TimeZoneInfo.Utc;
        // Windows names (W. Europe Standard Time) would also be found on this platform; an IANA id travels everywhere.
        if (text.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(text, out var zone) && zone.HasIanaId) return zone;
        problem = $"'{Shorten(text)}' is not a time zone this server knows: use an IANA id such as Europe/Berlin, America/New_York or UTC.";
        return null;
    }

    /// <summary>Every IANA zone this server knows, for the admin's list.</summary>
    public static IReadOnlyList<string> Known() =>
        [.. TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId).Select(z => z.Id).Append(Utc).Distinct().Order(StringComparer.Ordinal)];

    private static string Shorten(string text) => text.Length > 64 ? text[..64] + "…" : text;
}
