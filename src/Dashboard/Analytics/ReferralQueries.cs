using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Analytics;

/// <summary>firstbird referral outcomes over applications in their current state, filtered on when they were received.</summary>
internal static class ReferralQueries
{
    public static readonly IReadOnlyList<string> Ratings = ["A", "B", "C"];
    public static readonly IReadOnlyList<string> FeedbackTypes = ["POSITIVE", "NEUTRAL", "NEGATIVE"];
    public const string UnspecifiedReason = "UNSPECIFIED";

    public static async Task<ReferralFigures> ReferralsAsync(DashboardDbContext db, AnalyticsFilter filter, CancellationToken ct)
    {
        var inRange = db.ReferralApplications.AsNoTracking()
            .Where(a => a.ReceivedAt >= filter.FromUtc && a.ReceivedAt < filter.ToUtcExclusive);
        var deleted = await inRange.CountAsync(a => a.Deleted, ct);
        var live = await inRange.Where(a => !a.Deleted)
            .Select(a => new { a.ReceivedType, a.Rating, a.State, a.CloseReason, a.RewardEligible, a.ReceivedAt, a.HiredAt })
            .ToListAsync(ct);

        var feedback = await (
                from e in db.FirstbirdEvents.AsNoTracking()
                join a in inRange.Where(a => !a.Deleted) on e.ApplicationId equals a.ApplicationId
                where e.EventName == "job_application.referral_added"
                select new { e.ReferralId, e.EnvelopeHash, e.ReferralType, e.OccurredAt })
            .ToListAsync(ct);
        // One opinion per referral: the latest, when a talent scout changes their mind.
        var feedbackCounts = feedback
            .GroupBy(f => f.ReferralId ?? f.EnvelopeHash)
            .Select(g => g.OrderBy(f => f.OccurredAt).ThenBy(f => f.EnvelopeHash, StringComparer.Ordinal).Last().ReferralType)
            .Where(type => type is not null)
            .GroupBy(type => type!)
            .ToDictionary(g => g.Key, g => g.Count());

        var hires = live.Where(a => a.State == "hired").ToList();
        var daysToHire = hires.Where(h => h.HiredAt is not null)
            .Select(h => (h.HiredAt!.Value - h.ReceivedAt).TotalDays)
            .ToList();

        return new ReferralFigures(
            Received: live.Count,
            ReceivedByType: Count(live.Select(a => a.ReceivedType ?? "unknown"), []),
            Ratings: Count(live.Where(a => a.Rating is not null).Select(a => a.Rating!), Ratings),
            ClosedByReason: Count(live.Where(a => a.State == "closed").Select(a => a.CloseReason ?? UnspecifiedReason), []),
            Hired: hires.Count,
            RewardEligibleHires: hires.Count(h => h.RewardEligible),
            Deleted: deleted,
            Feedback: FeedbackTypes.Concat(feedbackCounts.Keys).Distinct().ToDictionary(t => t, t => feedbackCounts.GetValueOrDefault(t)),
            MedianDaysToHire: Median(daysToHire));
    }

    private static SortedDictionary<string, int> Count(IEnumerable<string> values, IEnumerable<string> alwaysShown)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in alwaysShown) counts[key] = 0;
        foreach (var value in values) counts[value] = counts.GetValueOrDefault(value) + 1;
        return counts;
    }

    public static double? Median(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0) return null;
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return Math.Round(median, 1);
    }
}
