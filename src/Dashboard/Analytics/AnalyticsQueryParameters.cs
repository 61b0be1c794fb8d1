using System.Globalization;

namespace Dashboard.Analytics;

/// <summary>The filter as it arrives on a URL query. Dates are ISO (<c>2026-01-31</c>) and inclusive.</summary>
public sealed record AnalyticsQueryParameters(
    string? From, string? To, string? Vacancy, string? Source, string? Consultant, string? Location, string? Format = null)
{
    public bool TryToFilter(out AnalyticsFilter filter, out string? problem)
    {
        filter = AnalyticsFilter.None;
        problem = null;
        if (!TryDate(From, out var from)) problem = $"'from' must be a date like 2026-01-31, not '{From}'.";
        else if (!TryDate(To, out var to)) problem = $"'to' must be a date like 2026-01-31, not '{To}'.";
        else if (from > to) problem = "'from' must not be after 'to'.";
        else filter = new AnalyticsFilter(from, to, Vacancy, Source, Consultant, Location).Normalized();
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
