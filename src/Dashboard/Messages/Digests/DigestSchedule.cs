using System.Globalization;
using Dashboard.Messages.AgencyZone;

namespace Dashboard.Messages.Digests;

/// <summary>When a digest is due: daily, or weekly on one day, at a whole hour of the agency's own clock.</summary>
public sealed record DigestSchedule(DigestCadence Cadence, int Hour, DayOfWeek Day)
{
    /// <summary>The last time it fell due at or before <paramref name="now"/>, and the agency's day that was.</summary>
    public (DateOnly Day, DateTimeOffset At) LatestDue(DateTimeOffset now, TimeZoneInfo zone)
    {
        var today = ZonedTime.Today(now, zone);
        for (var back = 0; back <= 8; back++)
        {
            var day = today.AddDays(-back);
            if (!Falls(day)) continue;
            var at = ZonedTime.Instant(day, Hour, zone);
            if (at <= now) return (day, at);
        }
        throw new InvalidOperationException("A digest falls due at least once a week.");
    }

    /// <summary>The next time it falls due after <paramref name="now"/>.</summary>
    public DateTimeOffset NextDue(DateTimeOffset now, TimeZoneInfo zone)
    {
        var today = ZonedTime.Today(now, zone);
        for (var ahead = 0; ahead <= 8; ahead++)
        {
            var day = today.AddDays(ahead);
            if (!Falls(day)) continue;
            var at = ZonedTime.Instant(day, Hour, zone);
            if (at > now) return at;
        }
        throw new InvalidOperationException("A digest falls due at least once a week.");
    }

    /// <summary><c>Weekly on Monday at 08:00</c>, in the agency's zone.</summary>
    public string Describe() => Cadence == DigestCadence.Daily
        ? $"Daily at {Hour:00}:00"
        : $"Weekly on {CultureInfo.InvariantCulture.DateTimeFormat.GetDayName(Day)} at {Hour:00}:00";

    private bool Falls(DateOnly day) => Cadence == DigestCadence.Daily || day.DayOfWeek == Day;
}
