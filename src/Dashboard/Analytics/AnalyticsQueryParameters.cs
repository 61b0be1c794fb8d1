using System.Globalization;
using Dashboard.Hosting;
using Dashboard.Messages.AgencyZone;
using Microsoft.AspNetCore.Mvc;

namespace Dashboard.Analytics;

/// <summary>
/// The filter as it arrives on a URL query. Dates are ISO (<c>2026-01-31</c>), inclusive, and any day from 0001-01-01
/// to 9999-12-31: what .NET, SQLite and PostgreSQL all hold, so every date that can be written this way is answered.
/// They are days of the agency's time zone, or of <c>tz</c> (an IANA id) when the request names one.
/// </summary>
public sealed record AnalyticsQueryParameters(
    [property: FromQuery(Name = "from")] string? From,
    [property: FromQuery(Name = "to")] string? To,
    [property: FromQuery(Name = "vacancy")] string? Vacancy,
    [property: FromQuery(Name = "source")] string? Source,
    [property: FromQuery(Name = "consultant")] string? Consultant,
    [property: FromQuery(Name = "location")] string? Location,
    [property: FromQuery(Name = "format")] string? Format = null,
    [property: FromQuery(Name = "tz")] string? TimeZone = null)
{
    public bool WantsCsv => string.Equals(Format?.Trim(), "csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>The filter in <c>tz</c>'s zone, else in <paramref name="agencyZone"/>; or what is wrong with the query.</summary>
    public bool TryToFilter(TimeZoneInfo agencyZone, out AnalyticsFilter filter, out ParameterProblem? problem)
    {
        filter = AnalyticsFilter.None;
        problem = null;
        var zone = string.IsNullOrWhiteSpace(TimeZone) ? agencyZone : ZoneIds.Find(TimeZone, out _);
        if (zone is null) problem = new("tz", "'tz' must be a time zone this server knows: an IANA id such as Europe/Berlin, America/New_York or UTC.");
        else if (!TryDate(From, out var from)) problem = new("from", $"'from' must be a date like 2026-01-31 (0001-01-01 to 9999-12-31).");
        else if (!TryDate(To, out var to)) problem = new("to", $"'to' must be a date like 2026-01-31 (0001-01-01 to 9999-12-31).");
        else if (from > to) problem = new("from", "'from' must not be after 'to'.");
        else if (!string.IsNullOrWhiteSpace(Format) && !WantsCsv && !string.Equals(Format.Trim(), "json", StringComparison.OrdinalIgnoreCase))
            problem = new("format", "'format' must be json (the default) or csv.");
        else filter = new AnalyticsFilter(from, to, Vacancy, Source, Consultant, Location, zone).Normalized();
        return problem is null;
    }

    private static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            return false;
        date = parsed;
        return true;
    }
}
