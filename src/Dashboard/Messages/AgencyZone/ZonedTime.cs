using System.Globalization;
using Dashboard.Analytics;

namespace Dashboard.Messages.AgencyZone;

/// <summary>Instants as the agency reads them: in its zone, always labelled with the zone so nobody guesses.</summary>
public static class ZonedTime
{
    /// <summary><c>Mon 7 Dec 2026, 08:00 Europe/Berlin (UTC+01:00)</c>.</summary>
    public static string Format(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return $"{local.ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture)} {Label(zone, local.Offset)}";
    }

    public static string Format(DateTime utc, TimeZoneInfo zone) =>
        Format(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), zone);

    public static string Label(TimeZoneInfo zone, TimeSpan offset) =>
        zone == TimeZoneInfo.Utc || zone.Id is "UTC" or "Etc/UTC" ? "UTC" : $"{zone.Id} (UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm})";

    /// <summary>The zone as pages and downloads label instants: its IANA id, or UTC.</summary>
    public static string Name(TimeZoneInfo zone) => ZoneCalendar.IsUtc(zone) ? "UTC" : zone.Id;

    /// <summary><c>2026-03-29 03:15</c> in the zone, for a place that says the zone already (a column's heading).</summary>
    public static string Local(DateTime utc, TimeZoneInfo zone, string format = "yyyy-MM-dd HH:mm") =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), zone).ToString(format, CultureInfo.InvariantCulture);

    public static string Local(DateTimeOffset instant, TimeZoneInfo zone, string format = "yyyy-MM-dd HH:mm") =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString(format, CultureInfo.InvariantCulture);

    /// <summary><c>2026-03-29 03:15 Europe/Berlin</c>: an instant that labels itself.</summary>
    public static string Stamp(DateTime utc, TimeZoneInfo zone, string format = "yyyy-MM-dd HH:mm") => $"{Local(utc, zone, format)} {Name(zone)}";

    /// <summary>The agency's calendar day at <paramref name="instant"/>.</summary>
    public static DateOnly Today(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>
    /// The instant a wall-clock time of the agency happens. A time the clocks skip (spring forward) happens as the
    /// clocks reach it an hour later; a time that happens twice (fall back) is taken the first time.
    /// </summary>
    public static DateTimeOffset Instant(DateOnly day, int hour, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
