using Dashboard.Deliveries.Quality;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Analytics;

/// <summary>Figures over time, bucketed by week (Monday first), with empty weeks kept so the axis is honest.</summary>
internal static class TimelineQueries
{
    public static async Task<TimeSeries> CandidatesBySourceAsync(DashboardDbContext db, AnalyticsFilter filter, CancellationToken ct)
    {
        var rows = await CandidateScope.Candidates(db, filter)
            .GroupBy(c => new { Day = c.CreatedAt.Date, c.Source })
            .Select(g => new { g.Key.Day, g.Key.Source, Count = g.Count() })
            .ToListAsync(ct);
        return Weekly(rows.OrderBy(r => r.Day).ThenBy(r => r.Source, StringComparer.Ordinal)
            .Select(r => (r.Day, r.Source ?? AnalyticsFilter.Unknown, r.Count)));
    }

    public static async Task<TimeSeries> ReferralsByTypeAsync(DashboardDbContext db, AnalyticsFilter filter, CancellationToken ct)
    {
        var rows = await db.ReferralApplications.AsNoTracking()
            .Where(a => !a.Deleted && a.ReceivedAt >= filter.FromUtc && a.ReceivedAt < filter.ToUtcExclusive)
            .GroupBy(a => new { Day = a.ReceivedAt.Date, a.ReceivedType })
            .Select(g => new { g.Key.Day, g.Key.ReceivedType, Count = g.Count() })
            .ToListAsync(ct);
        return Weekly(rows.OrderBy(r => r.Day).ThenBy(r => r.ReceivedType, StringComparer.Ordinal)
            .Select(r => (r.Day, ReferralBuckets.TypeOf(r.ReceivedType), r.Count)));
    }

    public static async Task<TimeSeries> QualityAsync(DashboardDbContext db, AnalyticsFilter filter, CancellationToken ct)
    {
        var (from, to) = QualityQueries.Quarters(filter);
        var deliveries = (await db.DeliveryQualityQuarters.AsNoTracking()
                .Where(q => q.Quarter >= from && q.Quarter < to)
                .GroupBy(q => q.Quarter / QuartersPerDay)
                .Select(g => new
                {
                    Day = g.Key,
                    Deliveries = g.Sum(q => q.Deliveries),
                    Duplicates = g.Sum(q => q.DuplicateDeliveries),
                    Quarantined = g.Sum(q => q.Quarantined),
                })
                .ToListAsync(ct))
            .OrderBy(d => d.Day)
            .Select(d => new { Day = new DateTime(d.Day * TimeSpan.TicksPerDay, DateTimeKind.Utc), d.Deliveries, d.Duplicates, d.Quarantined });
        var failures = await db.AuthFailures.AsNoTracking()
            .Where(a => a.HourStart >= filter.FromUtc && a.HourStart < filter.ToUtcExclusive)
            .Select(a => new { a.HourStart, a.Count })
            .ToListAsync(ct);

        return Weekly(deliveries.SelectMany(d => new[]
            {
                (d.Day, "Deliveries", (int)d.Deliveries), (d.Day, "Duplicates", (int)d.Duplicates), (d.Day, "Quarantined", (int)d.Quarantined),
            })
            .Concat(failures.Select(f => (f.HourStart.Date, "Auth failures", (int)f.Count))));
    }

    private const long QuartersPerDay = TimeSpan.TicksPerDay / QualityDelta.TicksPerQuarter;

    /// <summary>
    /// Series by their total, largest first; equal totals in the order the rows first name them, which callers give
    /// as (day, then the raw value with none first, in ordinal order) whatever order the database grouped them in.
    /// </summary>
    internal static TimeSeries Weekly(IEnumerable<(DateTime Day, string Series, int Count)> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0) return new TimeSeries([], []);
        var byWeek = list.GroupBy(r => WeekOf(r.Day)).ToDictionary(g => g.Key, g => g.ToList());
        var first = byWeek.Keys.Min();
        var last = byWeek.Keys.Max();
        var weeks = Enumerable.Range(0, (last.DayNumber - first.DayNumber) / 7 + 1).Select(i => first.AddDays(7 * i)).ToList();
        var series = list.Select(r => r.Series).Distinct()
            .OrderByDescending(name => list.Where(r => r.Series == name).Sum(r => r.Count))
            .Select(name => new NamedSeries(name, weeks.Select(w =>
                byWeek.TryGetValue(w, out var inWeek) ? inWeek.Where(r => r.Series == name).Sum(r => r.Count) : 0).ToList()))
            .ToList();
        return new TimeSeries(weeks, series);
    }

    private static DateOnly WeekOf(DateTime day)
    {
        var date = DateOnly.FromDateTime(day);
        return date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
    }
}
