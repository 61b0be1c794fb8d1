using Dashboard.Deliveries.Quality;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Analytics;

/// <summary>
/// Figures over time, bucketed by week (Monday first) in the filter's zone, with empty weeks kept so the axis is
/// honest. The database groups by UTC day when the zone is UTC, else by the UTC hour (or quarter hour, for zones
/// whose offsets are not whole hours), which always lies within one of the zone's days; the zone's days and weeks are
/// then folded in memory, a few thousand rows at most, never a query per day.
/// </summary>
internal static class TimelineQueries
{
    public static async Task<TimeSeries> CandidatesBySourceAsync(DashboardDbContext db, AnalyticsFilter filter, CancellationToken ct)
    {
        var calendar = new ZoneCalendar(filter.Zone);
        var candidates = CandidateScope.Candidates(db, filter);
        if (ZoneCalendar.IsUtc(filter.Zone))
        {
            var days = await candidates
                .GroupBy(c => new { Day = c.CreatedAt.Date, c.Source })
                .Select(g => new { g.Key.Day, g.Key.Source, Count = g.Count() })
                .ToListAsync(ct);
            return Weekly(days.Select(r => (calendar.DayOf(r.Day), r.Source, r.Count)), source => source ?? AnalyticsFilter.Unknown);
        }
        var minutes = PartMinutes(calendar);
        var parts = await candidates
            .GroupBy(c => new { Day = c.CreatedAt.Date, c.CreatedAt.Hour, Part = c.CreatedAt.Minute / minutes, c.Source })
            .Select(g => new { g.Key.Day, g.Key.Hour, g.Key.Part, g.Key.Source, Count = g.Count() })
            .ToListAsync(ct);
        return Weekly(parts.Select(r => (calendar.DayOf(PartStart(r.Day, r.Hour, r.Part, minutes)), r.Source, r.Count)),
            source => source ?? AnalyticsFilter.Unknown);
    }

    public static async Task<TimeSeries> ReferralsByTypeAsync(DashboardDbContext db, AnalyticsFilter filter, CancellationToken ct)
    {
        var calendar = new ZoneCalendar(filter.Zone);
        var received = db.ReferralApplications.AsNoTracking()
            .Where(a => !a.Deleted && a.ReceivedAt >= filter.FromUtc && a.ReceivedAt < filter.ToUtcExclusive);
        if (ZoneCalendar.IsUtc(filter.Zone))
        {
            var days = await received
                .GroupBy(a => new { Day = a.ReceivedAt.Date, a.ReceivedType })
                .Select(g => new { g.Key.Day, g.Key.ReceivedType, Count = g.Count() })
                .ToListAsync(ct);
            return Weekly(days.Select(r => (calendar.DayOf(r.Day), r.ReceivedType, r.Count)), type => ReferralBuckets.TypeOf(type)!);
        }
        var minutes = PartMinutes(calendar);
        var parts = await received
            .GroupBy(a => new { Day = a.ReceivedAt.Date, a.ReceivedAt.Hour, Part = a.ReceivedAt.Minute / minutes, a.ReceivedType })
            .Select(g => new { g.Key.Day, g.Key.Hour, g.Key.Part, g.Key.ReceivedType, Count = g.Count() })
            .ToListAsync(ct);
        return Weekly(parts.Select(r => (calendar.DayOf(PartStart(r.Day, r.Hour, r.Part, minutes)), r.ReceivedType, r.Count)),
            type => ReferralBuckets.TypeOf(type)!);
    }

    public static async Task<TimeSeries> QualityAsync(DashboardDbContext db, AnalyticsFilter filter, CancellationToken ct)
    {
        var calendar = new ZoneCalendar(filter.Zone);
        var (from, to) = QualityQueries.Quarters(filter);
        // Quarters a bucket holds: a whole UTC day in UTC, else an hour or a single quarter, so no bucket spans two of the zone's days.
        var per = ZoneCalendar.IsUtc(filter.Zone) ? QuartersPerDay : PartMinutes(calendar) / 15;
        var deliveries = await db.DeliveryQualityQuarters.AsNoTracking()
                .Where(q => q.Quarter >= from && q.Quarter < to)
                .GroupBy(q => q.Quarter / per)
                .Select(g => new
                {
                    Bucket = g.Key,
                    Deliveries = g.Sum(q => q.Deliveries),
                    Duplicates = g.Sum(q => q.DuplicateDeliveries),
                    Quarantined = g.Sum(q => q.Quarantined),
                })
                .ToListAsync(ct);
        var failures = await db.AuthFailures.AsNoTracking()
            .Where(a => a.HourStart >= filter.FromUtc && a.HourStart < filter.ToUtcExclusive)
            .Select(a => new { a.HourStart, a.Count })
            .ToListAsync(ct);

        return Weekly(deliveries.OrderBy(d => d.Bucket)
            .Select(d => new { Day = calendar.DayOf(d.Bucket * per * QualityDelta.TicksPerQuarter), d.Deliveries, d.Duplicates, d.Quarantined })
            .SelectMany(d => new[]
            {
                (d.Day, "Deliveries", (int)d.Deliveries), (d.Day, "Duplicates", (int)d.Duplicates), (d.Day, "Quarantined", (int)d.Quarantined),
            })
            .Concat(failures.Select(f => (calendar.DayOf(f.HourStart), "Auth failures", (int)f.Count))));
    }

    private const long QuartersPerDay = TimeSpan.TicksPerDay / QualityDelta.TicksPerQuarter;

    private static int PartMinutes(ZoneCalendar calendar) => calendar.WholeHours ? 60 : 15;

    private static long PartStart(DateTime day, int hour, int part, int minutes) =>
        day.Ticks + hour * TimeSpan.TicksPerHour + part * minutes * TimeSpan.TicksPerMinute;

    /// <summary>
    /// Rows of (the zone's day, a raw value, a count) as weeks: each raw value named by <paramref name="nameOf"/>,
    /// series by their total, largest first; equal totals in the order the rows first name them, taken as (day, then
    /// the raw value with none first, in ordinal order) whatever order the database grouped them in.
    /// </summary>
    internal static TimeSeries Weekly(IEnumerable<(DateOnly Day, string? Raw, int Count)> rows, Func<string?, string> nameOf) =>
        Weekly(rows
            .GroupBy(r => (r.Day, r.Raw))
            .Select(g => (g.Key.Day, g.Key.Raw, Count: g.Sum(r => r.Count)))
            .OrderBy(r => r.Day).ThenBy(r => r.Raw, StringComparer.Ordinal)
            .Select(r => (r.Day, nameOf(r.Raw), r.Count)));

    /// <summary>
    /// Series by their total, largest first; equal totals in the order the rows first name them, which callers give
    /// as (day, then the raw value with none first, in ordinal order) whatever order the database grouped them in.
    /// </summary>
    internal static TimeSeries Weekly(IEnumerable<(DateOnly Day, string Series, int Count)> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0) return new TimeSeries([], []);
        var first = ZoneCalendar.WeekOf(list.Min(r => r.Day));
        var last = ZoneCalendar.WeekOf(list.Max(r => r.Day));
        var weeks = Enumerable.Range(0, (last.DayNumber - first.DayNumber) / 7 + 1).Select(i => first.AddDays(7 * i)).ToList();

        // One pass into a week column per series: over four years of days by 40 sources, looking each series up in
        // every week's rows took longer than the figure's pass over a million candidates.
        var seriesOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new List<int[]>();
        var totals = new List<long>();
        foreach (var (day, name, count) in list)
        {
            if (!seriesOf.TryGetValue(name, out var series))
            {
                seriesOf[name] = series = counts.Count;
                counts.Add(new int[weeks.Count]);
                totals.Add(0);
            }
            counts[series][(ZoneCalendar.WeekOf(day).DayNumber - first.DayNumber) / 7] += count;
            totals[series] += count;
        }
        var names = seriesOf.OrderBy(s => s.Value).Select(s => s.Key).ToList();
        return new TimeSeries(weeks, Enumerable.Range(0, names.Count)
            .OrderByDescending(series => totals[series])
            .Select(series => new NamedSeries(names[series], counts[series]))
            .ToList());
    }
}
