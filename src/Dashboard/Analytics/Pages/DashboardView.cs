using System.Globalization;

namespace Dashboard.Analytics.Pages;

/// <summary>
/// What a dashboard page is showing, as it lives in the URL query: a date range preset (or custom dates) and the
/// facet filters. A copied link reproduces the view.
/// </summary>
public sealed record DashboardView(
    string Range = DashboardView.DefaultRange,
    DateOnly? From = null,
    DateOnly? To = null,
    string? Vacancy = null,
    string? Source = null,
    string? Consultant = null,
    string? Location = null)
{
    public const string DefaultRange = "90d";

    public static readonly IReadOnlyList<(string Value, string Label)> Ranges =
    [
        ("today", "Today"), ("7d", "Last 7 days"), ("30d", "Last 30 days"), ("90d", "Last 90 days"), ("month", "This month"),
        ("quarter", "This quarter"), ("year", "This year"), ("all", "All time"), ("custom", "Custom"),
    ];

    public static DashboardView FromQuery(string? range, string? from, string? to, string? vacancy, string? source, string? consultant, string? location)
    {
        var preset = Ranges.Any(r => r.Value == range) ? range! : DefaultRange;
        return new DashboardView(preset, Date(from), Date(to), Clean(vacancy), Clean(source), Clean(consultant), Clean(location));
    }

    /// <summary>The inclusive days the range covers, judged on the agency's <paramref name="today"/>; null ends are open.</summary>
    public (DateOnly? From, DateOnly? To) Period(DateOnly today) => Range switch
    {
        "today" => (today, today),
        "month" => (new DateOnly(today.Year, today.Month, 1), today),
        "7d" => (today.AddDays(-6), today),
        "30d" => (today.AddDays(-29), today),
        "90d" => (today.AddDays(-89), today),
        "quarter" => (new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1), today),
        "year" => (new DateOnly(today.Year, 1, 1), today),
        "custom" => (From, To),
        _ => (null, null),
    };

    /// <summary>The view's filter on the agency's <paramref name="today"/>, its days cut in <paramref name="zone"/> (null is UTC).</summary>
    public AnalyticsFilter ToFilter(DateOnly today, TimeZoneInfo? zone = null)
    {
        var (from, to) = Period(today);
        return new AnalyticsFilter(from, to, Vacancy, Source, Consultant, Location, zone);
    }

    /// <summary>Query parameters for the URL, leaving out what is at its default.</summary>
    public IReadOnlyDictionary<string, object?> ToQuery() => new Dictionary<string, object?>
    {
        ["range"] = Range == DefaultRange ? null : Range,
        ["from"] = Range == "custom" ? From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        ["to"] = Range == "custom" ? To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        ["vacancy"] = Vacancy,
        ["source"] = Source,
        ["consultant"] = Consultant,
        ["location"] = Location,
    };

    /// <summary>
    /// What the view applies, in a few words: the period, then each facet chosen, named by <paramref name="labelOf"/>
    /// (facet, value → what to show). The phone's one-line filter bar says this.
    /// </summary>
    public string Describe(Func<string, string, string>? labelOf = null)
    {
        var parts = new List<string> { PeriodName() };
        void Add(string facet, string? value)
        {
            if (value is not null) parts.Add($"{facet}: {labelOf?.Invoke(facet, value) ?? value}");
        }
        Add("Vacancy", Vacancy);
        Add("Source", Source);
        Add("Consultant", Consultant);
        Add("Location", Location);
        return string.Join(" · ", parts);
    }

    private string PeriodName() => (Range, From, To) switch
    {
        ("custom", { } from, { } to) => $"{Day(from)} – {Day(to)}",
        ("custom", { } from, null) => $"from {Day(from)}",
        ("custom", null, { } to) => $"until {Day(to)}",
        ("custom", null, null) => "All time",
        _ => Ranges.First(r => r.Value == Range).Label,
    };

    private static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
