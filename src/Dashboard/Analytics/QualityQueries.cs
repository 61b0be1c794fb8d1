using Dashboard.Deliveries.Quality;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Analytics;

/// <summary>
/// How clean the incoming traffic is, over deliveries received in the date range: added up from the quarter-hour
/// counts kept beside the delivery log (<see cref="DeliveryQualityQuarter"/>), not by counting the log.
/// </summary>
internal static class QualityQueries
{
    public static async Task<QualityFigures> QualityAsync(DashboardDbContext db, AnalyticsFilter filter, CancellationToken ct)
    {
        var (from, to) = Quarters(filter);
        var sums = await db.DeliveryQualityQuarters.AsNoTracking()
            .Where(q => q.Quarter >= from && q.Quarter < to)
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Deliveries = g.Sum(q => q.Deliveries),
                Duplicates = g.Sum(q => q.DuplicateDeliveries + q.RepeatedEvents),
                Quarantined = g.Sum(q => q.Quarantined + q.QuarantinedEnvelopes),
                OutOfOrder = g.Sum(q => q.OutOfOrder),
            })
            .SingleOrDefaultAsync(ct);
        var authFailures = await db.AuthFailures.AsNoTracking()
            .Where(a => a.HourStart >= filter.FromUtc && a.HourStart < filter.ToUtcExclusive)
            .SumAsync(a => a.Count, ct);

        return new QualityFigures((int)(sums?.Deliveries ?? 0), (int)(sums?.Duplicates ?? 0), (int)(sums?.Quarantined ?? 0),
            (int)(sums?.OutOfOrder ?? 0), authFailures);
    }

    /// <summary>The filter's range as quarters of an hour, the end excluded.</summary>
    public static (long From, long To) Quarters(AnalyticsFilter filter) =>
        (QualityDelta.QuarterOf(filter.FromUtc), QualityDelta.QuarterOf(filter.ToUtcExclusive));
}
