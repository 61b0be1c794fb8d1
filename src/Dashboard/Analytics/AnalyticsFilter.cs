namespace Dashboard.Analytics;

/// <summary>
/// The filters every figure takes. Dates are inclusive calendar days in <see cref="Zone"/> (the agency's time zone
/// where a page or the API asks; null is UTC), applied to the event's own time: a candidate's creation, an
/// application's first observation, a referral's receipt, a delivery's arrival. Weeks of the figures over time are
/// cut in the same zone.
/// </summary>
public sealed record AnalyticsFilter(
    DateOnly? From = null,
    DateOnly? To = null,
    string? Vacancy = null,
    string? Source = null,
    string? Consultant = null,
    string? Location = null,
    TimeZoneInfo? Zone = null)
{
    public const string Unknown = "Unknown";

    public static AnalyticsFilter None { get; } = new();

    public DateTime FromUtc => From is { } from ? ZoneCalendar.StartOfDayUtc(from, Zone) : DateTime.MinValue;

    /// <summary>Exclusive upper bound: the start of the day after <see cref="To"/> (open after the calendar's last day).</summary>
    public DateTime ToUtcExclusive => To is { } to ? ZoneCalendar.EndOfDayUtcExclusive(to, Zone) : DateTime.MaxValue;

    /// <summary>The zone the days are cut in, never null.</summary>
    public TimeZoneInfo ZoneOrUtc => Zone ?? TimeZoneInfo.Utc;

    public static DateTime StartOfDayUtc(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public static DateTime EndOfDayUtcExclusive(DateOnly day) =>
        day == DateOnly.MaxValue ? DateTime.MaxValue : StartOfDayUtc(day.AddDays(1));

    /// <summary>
    /// The period of the same length just before this one, cut at the calendar's first day; null when either end is
    /// open or nothing comes before.
    /// </summary>
    public AnalyticsFilter? PreviousPeriod()
    {
        if (From is not { } start || To is not { } end || start == DateOnly.MinValue) return null;
        var days = end.DayNumber - start.DayNumber + 1;
        var previousStart = DateOnly.FromDayNumber(Math.Max(DateOnly.MinValue.DayNumber, start.DayNumber - days));
        return this with { From = previousStart, To = start.AddDays(-1) };
    }

    /// <summary>The filter as API query parameters, so a page can link to exactly the figures it shows.</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (value is not null) parts.Add($"{name}={Uri.EscapeDataString(value)}");
        }
        Add("from", From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("vacancy", Vacancy);
        Add("source", Source);
        Add("consultant", Consultant);
        Add("location", Location);
        Add("tz", ZoneCalendar.IsUtc(Zone) ? null : Zone!.Id);
        return string.Join('&', parts);
    }

    // UTC is written as no zone, so a figure asked for both ways is one figure.
    public AnalyticsFilter Normalized() => this with
    {
        Zone = ZoneCalendar.IsUtc(Zone) ? null : Zone,
        Vacancy = Clean(Vacancy),
        Source = Clean(Source),
        Consultant = Clean(Consultant),
        Location = Clean(Location),
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
