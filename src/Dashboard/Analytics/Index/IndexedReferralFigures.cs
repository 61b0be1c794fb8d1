using Dashboard.Senders.Firstbird;

namespace Dashboard.Analytics.Index;

/// <summary>
/// The referral figures of <see cref="ReferralQueries"/>, referrals over time and the referral drill-down, from the
/// index: one pass over the applications received in the filter's dates.
/// </summary>
internal static class IndexedReferralFigures
{
    public static ReferralFigures Referrals(ReferralFigureIndex index, AnalyticsFilter filter)
    {
        var (from, to) = (filter.FromUtc.Ticks, filter.ToUtcExclusive.Ticks);
        var hired = index.States.Find(ReferralStates.Hired);
        var closed = index.States.Find(ReferralStates.Closed);
        var types = new int[index.Types.Count + 1];
        var ratings = new int[index.Ratings.Count + 1];
        var reasons = new int[index.CloseReasons.Count + 1];
        var feedback = new int[index.FeedbackTypes.Count + 1];
        int received = 0, deleted = 0, hires = 0, rewarded = 0;
        var daysToHire = new List<double>();
        for (var slot = 0; slot < index.Count; slot++)
        {
            if (index.Received[slot] < from || index.Received[slot] >= to) continue;
            if (index.Deleted[slot])
            {
                deleted++;
                continue;
            }
            received++;
            types[index.Type[slot] + 1]++;
            ratings[index.Rating[slot] + 1]++;
            foreach (var type in index.Feedback[slot]) feedback[type + 1]++;
            if (index.State[slot] == closed) reasons[index.CloseReason[slot] + 1]++;
            if (index.State[slot] != hired) continue;
            hires++;
            if (index.RewardEligible[slot]) rewarded++;
            if (index.Hired[slot] != ReferralFigureIndex.NotHired)
                daysToHire.Add(TimeSpan.FromTicks(index.Hired[slot] - index.Received[slot]).TotalDays);
        }
        return new ReferralFigures(
            Received: received,
            ReceivedByType: Count(index.Types, types, ReferralBuckets.TypeOf, []),
            Ratings: Count(index.Ratings, ratings, ReferralBuckets.RatingOf, ReferralBuckets.Ratings),
            ClosedByReason: Count(index.CloseReasons, reasons, ReferralBuckets.CloseReasonOf, []),
            Hired: hires,
            RewardEligibleHires: rewarded,
            Deleted: deleted,
            Feedback: Count(index.FeedbackTypes, feedback, ReferralBuckets.FeedbackOf, ReferralBuckets.FeedbackTypes),
            MedianDaysToHire: Median.Of(daysToHire));
    }

    /// <summary>Live applications received in the filter's dates, and the hires among them.</summary>
    public static ReferralCounts Counts(ReferralFigureIndex index, AnalyticsFilter filter)
    {
        var (from, to) = (filter.FromUtc.Ticks, filter.ToUtcExclusive.Ticks);
        var hired = index.States.Find(ReferralStates.Hired);
        int referrals = 0, hires = 0;
        for (var slot = 0; slot < index.Count; slot++)
        {
            if (index.Deleted[slot] || index.Received[slot] < from || index.Received[slot] >= to) continue;
            referrals++;
            if (index.State[slot] == hired) hires++;
        }
        return new ReferralCounts(referrals, hires);
    }

    /// <summary>Counts per raw value (index 0 for none) gathered into the chart's buckets.</summary>
    private static Dictionary<string, int> Count(NameTable raw, int[] counts, Func<string?, string?> bucketOf, IReadOnlyList<string> alwaysShown)
    {
        var buckets = new List<(string? Bucket, int Count)>();
        for (var value = 0; value < counts.Length; value++)
            if (counts[value] > 0) buckets.Add((bucketOf(value == 0 ? null : raw[value - 1]), counts[value]));
        return ReferralQueries.Count(buckets, alwaysShown);
    }

    public static TimeSeries ReferralsByType(ReferralFigureIndex index, AnalyticsFilter filter)
    {
        var (from, to) = (filter.FromUtc.Ticks, filter.ToUtcExclusive.Ticks);
        var calendar = new ZoneCalendar(filter.Zone);
        var counts = new Dictionary<(int Day, int Type), int>();
        for (var slot = 0; slot < index.Count; slot++)
        {
            if (index.Deleted[slot] || index.Received[slot] < from || index.Received[slot] >= to) continue;
            var key = (calendar.DayOf(index.Received[slot]).DayNumber, index.Type[slot]);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return TimelineQueries.Weekly(
            counts.Select(c => (DateOnly.FromDayNumber(c.Key.Day), c.Key.Type < 0 ? null : index.Types[c.Key.Type], c.Value)),
            type => ReferralBuckets.TypeOf(type)!);
    }

    /// <summary>One page of the live applications a selection keeps, newest first, and how many there are.</summary>
    public static (List<string> Page, int Total) Applications(
        ReferralFigureIndex index, AnalyticsFilter filter, ReferralSelection selection, int page, int pageSize)
    {
        var (from, to) = (filter.FromUtc.Ticks, filter.ToUtcExclusive.Ticks);
        var state = selection.State is { } wanted ? index.States.Find(wanted) : int.MaxValue;
        var closed = index.States.Find(ReferralStates.Closed);
        var type = Keeps(index.Types, ReferralBuckets.TypeOf, selection.Type);
        var rating = Keeps(index.Ratings, ReferralBuckets.RatingOf, selection.Rating);
        var reason = Keeps(index.CloseReasons, ReferralBuckets.CloseReasonOf, selection.CloseReason);

        var newest = new PageSelection(page, pageSize, (a, b) => NewestFirst(index, a, b));
        // From the slot put last: newest first, so most of the rest fall behind the page at one comparison.
        for (var slot = index.Count - 1; slot >= 0; slot--)
        {
            if (index.Deleted[slot] || index.Received[slot] < from || index.Received[slot] >= to) continue;
            if (state != int.MaxValue && index.State[slot] != state) continue;
            if (type is not null && !type[index.Type[slot] + 1]) continue;
            if (rating is not null && !rating[index.Rating[slot] + 1]) continue;
            if (reason is not null && (index.State[slot] != closed || !reason[index.CloseReason[slot] + 1])) continue;
            newest.Offer(slot);
        }
        return (newest.Page().Select(slot => index.ApplicationId[slot]).ToList(), newest.Total);
    }

    /// <summary>Which raw values (index 0 for none) fall in the bucket; null when the selection does not ask.</summary>
    private static bool[]? Keeps(NameTable raw, Func<string?, string?> bucketOf, string? bucket)
    {
        if (bucket is null) return null;
        var keeps = new bool[raw.Count + 1];
        for (var value = 0; value < keeps.Length; value++) keeps[value] = bucketOf(value == 0 ? null : raw[value - 1]) == bucket;
        return keeps;
    }

    private static int NewestFirst(ReferralFigureIndex index, int a, int b)
    {
        var byTime = index.Received[b].CompareTo(index.Received[a]);
        return byTime != 0 ? byTime : string.CompareOrdinal(index.ApplicationId[a], index.ApplicationId[b]);
    }
}
