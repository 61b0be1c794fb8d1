using System.Globalization;

namespace Dashboard.Analytics.Pages;

/// <summary>
/// What a clicked bar, slice or legend entry can become besides its list: a filter on the whole page, as the filter
/// bar would set it. <see cref="Label"/> says which (<c>Source: LinkedIn</c>), <see cref="View"/> is the page's view with it.
/// </summary>
public sealed record PageNarrowing(string Label, DashboardView View)
{
    public static PageNarrowing BySource(DashboardView view, string source) => new($"Source: {source}", view with { Source = source });

    public static PageNarrowing ByLocation(DashboardView view, string location) => new($"Location: {location}", view with { Location = location });

    /// <summary>
    /// The days of one week of a chart, within the period the page shows (a week at either end of it may be cut),
    /// as a custom period.
    /// </summary>
    public static PageNarrowing ToWeek(DashboardView view, DateOnly today, DateOnly weekStart)
    {
        var (from, to) = view.Period(today);
        var start = from is { } f && f > weekStart ? f : weekStart;
        var end = to is { } t && t < weekStart.AddDays(6) ? t : weekStart.AddDays(6);
        return new($"week of {weekStart.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}", view with { Range = "custom", From = start, To = end });
    }
}
