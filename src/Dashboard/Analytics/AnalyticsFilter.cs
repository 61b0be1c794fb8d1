namespace Dashboard.Analytics;

/// <summary>
/// The filters every figure takes. Dates are inclusive calendar days in UTC, applied to the event's own time:
/// a candidate's creation, an application's first observation, a referral's receipt, a delivery's arrival.
/// </summary>
public sealed record AnalyticsFilter(
    DateOnly? From = null,
    DateOnly? To = null,
    string? Vacancy = null,
    string? Source = null,
    string? Consultant = null,
    string? Location = null)
{
    public const string Unknown = "Unknown";

    public static AnalyticsFilter None { get; } = new();

    public DateTime FromUtc => From is { } from ? from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : DateTime.MinValue;

    /// <summary>Exclusive upper bound: the start of the day after <see cref="To"/>.</summary>
    public DateTime ToUtcExclusive => To is { } to ? to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : DateTime.MaxValue;

    public AnalyticsFilter Normalized() => this with
    {
        Vacancy = Clean(Vacancy),
        Source = Clean(Source),
        Consultant = Clean(Consultant),
        Location = Clean(Location),
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
