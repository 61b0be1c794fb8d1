namespace Dashboard.Analytics;

/// <summary>
/// The calendar days of one time zone against the UTC instants the store keeps. A day starts at the zone's midnight
/// (or, where the clocks skip midnight, when they reach the day), so a day on which the clocks change is 23 or 25
/// hours long. Days of instants are found by their UTC day's offset, worked out once per UTC day and kept, so a pass
/// over a million instants asks the zone's rules a few hundred times, not a million. Not shared between threads:
/// one per figure.
/// </summary>
public sealed class ZoneCalendar
{
    // Days kept at most, so an instant from year 1 beside one from today cannot make a window of millions.
    private const int MaxKeptDays = 1 << 16;

    private readonly bool _isUtc;
    private UtcDay[] _kept = [];
    private long _firstKept;
    private UtcDay _unkept;

    public ZoneCalendar(TimeZoneInfo? zone)
    {
        Zone = zone ?? TimeZoneInfo.Utc;
        _isUtc = IsUtc(Zone);
        WholeHours = _isUtc || OffsetsAreWholeHours(Zone);
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>
    /// Every offset the zone has used since 1970 is a whole number of hours (Berlin, New York, Sydney; not Kolkata,
    /// Kathmandu or Lord Howe), so every one of its days starts on a UTC hour.
    /// </summary>
    public bool WholeHours { get; }

    public static bool IsUtc(TimeZoneInfo? zone) => zone is null || zone.Id is "UTC" or "Etc/UTC" || ReferenceEquals(zone, TimeZoneInfo.Utc);

    /// <summary>The instant <paramref name="day"/> starts in <paramref name="zone"/> (UTC), cut at the calendar's ends.</summary>
    public static DateTime StartOfDayUtc(DateOnly day, TimeZoneInfo? zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        if (IsUtc(zone)) return DateTime.SpecifyKind(local, DateTimeKind.Utc);
        // Where the clocks skip midnight the day starts as they reach it: every skip so far is a whole quarter hour.
        while (zone!.IsInvalidTime(local)) local = local.AddMinutes(15);
        // Midnight twice: the day starts the first time.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        var ticks = local.Ticks - offset.Ticks;
        return ticks < 0 ? DateTime.MinValue
            : ticks > DateTime.MaxValue.Ticks ? DateTime.MaxValue
            : new DateTime(ticks, DateTimeKind.Utc);
    }

    /// <summary>Where <paramref name="day"/> ends (exclusive), open after the calendar's last day.</summary>
    public static DateTime EndOfDayUtcExclusive(DateOnly day, TimeZoneInfo? zone) =>
        day == DateOnly.MaxValue ? DateTime.MaxValue : StartOfDayUtc(day.AddDays(1), zone);

    /// <summary>The zone's calendar day at the UTC instant <paramref name="utcTicks"/>.</summary>
    public DateOnly DayOf(long utcTicks)
    {
        if (_isUtc) return DateOnly.FromDayNumber((int)(utcTicks / TimeSpan.TicksPerDay));
        var local = utcTicks + OffsetAt(utcTicks);
        local = Math.Clamp(local, 0, DateTime.MaxValue.Ticks);
        return DateOnly.FromDayNumber((int)(local / TimeSpan.TicksPerDay));
    }

    public DateOnly DayOf(DateTime utc) => DayOf(utc.Ticks);

    /// <summary>The Monday (in the zone) of the week <paramref name="day"/> falls in.</summary>
    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>How long <paramref name="day"/> is in the zone: 24 hours, or 23 or 25 on a day the clocks change.</summary>
    public TimeSpan LengthOf(DateOnly day) => EndOfDayUtcExclusive(day, Zone) - StartOfDayUtc(day, Zone);

    private long OffsetAt(long utcTicks)
    {
        var day = utcTicks / TimeSpan.TicksPerDay;
        ref var kept = ref Kept(day);
        if (!kept.Known) kept = Measure(day);
        return utcTicks < kept.SwitchAt ? kept.Before : kept.After;
    }

    private ref UtcDay Kept(long day)
    {
        if (_kept.Length == 0)
        {
            _kept = new UtcDay[64];
            _firstKept = day - 32;
        }
        var at = day - _firstKept;
        if (at >= 0 && at < _kept.Length) return ref _kept[at];
        var first = Math.Min(_firstKept, day);
        var last = Math.Max(_firstKept + _kept.Length - 1, day);
        if (last - first + 1 > MaxKeptDays)
        {
            _unkept = default;
            return ref _unkept;
        }
        var length = (int)Math.Min(MaxKeptDays, Math.Max(_kept.Length * 2L, last - first + 1));
        var start = day < _firstKept ? last - length + 1 : first;
        var grown = new UtcDay[length];
        Array.Copy(_kept, 0, grown, _firstKept - start, _kept.Length);
        (_kept, _firstKept) = (grown, start);
        return ref _kept[day - _firstKept];
    }

    // At most one change of the clocks in a UTC day (there has never been a second); found to the tick when there is one.
    private UtcDay Measure(long day)
    {
        var start = day * TimeSpan.TicksPerDay;
        var end = Math.Min(start + TimeSpan.TicksPerDay - 1, DateTime.MaxValue.Ticks);
        var before = Offset(start);
        var after = Offset(end);
        if (before == after) return new UtcDay(true, long.MaxValue, before, before);
        var (low, high) = (start, end);
        while (high - low > 1)
        {
            var middle = low + (high - low) / 2;
            if (Offset(middle) == before) low = middle;
            else high = middle;
        }
        return new UtcDay(true, high, before, after);
    }

    private long Offset(long utcTicks) => Zone.GetUtcOffset(new DateTime(utcTicks, DateTimeKind.Utc)).Ticks;

    private static bool OffsetsAreWholeHours(TimeZoneInfo zone)
    {
        static bool Whole(TimeSpan span) => span.Ticks % TimeSpan.TicksPerHour == 0;
        var since = new DateTime(1970, 1, 1);
        return Whole(zone.BaseUtcOffset) && zone.GetAdjustmentRules()
            .Where(rule => rule.DateEnd >= since)
            .All(rule => Whole(rule.BaseUtcOffsetDelta) && Whole(rule.DaylightDelta));
    }

    private record struct UtcDay(bool Known, long SwitchAt, long Before, long After);
}
