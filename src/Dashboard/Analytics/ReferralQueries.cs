using Dashboard.Senders.Firstbird;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Analytics;

/// <summary>
/// firstbird referral outcomes over applications in their folded state, filtered on when they were received. Each
/// enumeration is counted in its <see cref="ReferralBuckets"/> bucket; the rules are in docs/referral-outcomes.md.
/// </summary>
internal static class ReferralQueries
{
    public static async Task<ReferralFigures> ReferralsAsync(DashboardDbContext db, AnalyticsFilter filter, CancellationToken ct)
    {
        var inRange = InRange(db, filter);
        var deleted = await inRange.CountAsync(a => a.Deleted, ct);
        var live = await inRange.Where(a => !a.Deleted)
            .Select(a => new { a.ReceivedType, a.Rating, a.State, a.CloseReason, a.RewardEligible, a.ReceivedAt, a.HiredAt })
            .ToListAsync(ct);
        var feedback = await CurrentFeedbackAsync(db, inRange.Where(a => !a.Deleted).Select(a => a.ApplicationId), ct);

        var hires = live.Where(a => a.State == ReferralStates.Hired).ToList();
        var daysToHire = hires.Where(h => h.HiredAt is not null)
            .Select(h => (h.HiredAt!.Value - h.ReceivedAt).TotalDays)
            .ToList();

        return new ReferralFigures(
            Received: live.Count,
            ReceivedByType: Count(live.Select(a => ReferralBuckets.TypeOf(a.ReceivedType)), []),
            Ratings: Count(live.Select(a => ReferralBuckets.RatingOf(a.Rating)), ReferralBuckets.Ratings),
            ClosedByReason: Count(live.Where(a => a.State == ReferralStates.Closed).Select(a => ReferralBuckets.CloseReasonOf(a.CloseReason)), []),
            Hired: hires.Count,
            RewardEligibleHires: hires.Count(h => h.RewardEligible),
            Deleted: deleted,
            Feedback: Count(feedback.Select(f => ReferralBuckets.FeedbackOf(f.ReferralType)), ReferralBuckets.FeedbackTypes),
            MedianDaysToHire: Median.Of(daysToHire));
    }

    /// <summary>Live and deleted applications received within the filter's dates.</summary>
    public static IQueryable<ReferralApplication> InRange(DashboardDbContext db, AnalyticsFilter filter) =>
        db.ReferralApplications.AsNoTracking().Where(a => a.ReceivedAt >= filter.FromUtc && a.ReceivedAt < filter.ToUtcExclusive);

    /// <summary>
    /// Every feedback the applications hold, one per referral: a talent scout who gives feedback on the same referral
    /// again has changed their mind, and the latest (in <see cref="ReferralFactOrder"/>) says what they think now.
    /// </summary>
    public static async Task<List<FirstbirdEventRow>> CurrentFeedbackAsync(
        DashboardDbContext db, IQueryable<string> applicationIds, CancellationToken ct)
    {
        var facts = await db.FirstbirdEvents.AsNoTracking()
            .Where(e => e.EventName == ReferralFactOrder.FeedbackAdded && applicationIds.Contains(e.ApplicationId!))
            .Select(e => new FirstbirdEventRow
            {
                EnvelopeHash = e.EnvelopeHash, EventName = e.EventName, ApplicationId = e.ApplicationId, OccurredAt = e.OccurredAt,
                ReferralId = e.ReferralId, ReferralType = e.ReferralType,
            })
            .ToListAsync(ct);
        return facts
            .GroupBy(f => (f.ApplicationId, Referral: f.ReferralId ?? f.EnvelopeHash))
            .Select(g => g.Max(ReferralFactOrder.Instance)!)
            .ToList();
    }

    // The buckets always shown come first (a zero is a figure too), then the others present, "Other" last.
    private static Dictionary<string, int> Count(IEnumerable<string?> buckets, IReadOnlyList<string> alwaysShown) =>
        Count(buckets.Select(b => (b, 1)), alwaysShown);

    /// <summary>The same from counts already gathered per value; a value without a bucket (null) is left out.</summary>
    public static Dictionary<string, int> Count(IEnumerable<(string? Bucket, int Count)> counted, IReadOnlyList<string> alwaysShown)
    {
        var counts = counted.Where(c => c.Bucket is not null).GroupBy(c => c.Bucket!).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        return alwaysShown
            .Concat(counts.Keys.Except(alwaysShown).Order(StringComparer.Ordinal).OrderBy(k => k == ReferralBuckets.Other))
            .ToDictionary(k => k, k => counts.GetValueOrDefault(k));
    }
}
