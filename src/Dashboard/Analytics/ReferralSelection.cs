using Dashboard.Hosting;
using Dashboard.Senders.Firstbird;

namespace Dashboard.Analytics;

/// <summary>
/// Which applications a referral drill-down lists: those in a status, or in one bucket of an enumeration (as the
/// charts count them, <see cref="ReferralBuckets"/>). Empty means every live application.
/// </summary>
public sealed record ReferralSelection(string? State = null, string? Type = null, string? Rating = null, string? CloseReason = null)
{
    public static readonly ReferralSelection All = new();

    /// <summary>
    /// Reads the drill-down's query parameters. Each names a status or a bucket, in any letter case; anything else is
    /// a problem naming the parameter and what it may be.
    /// </summary>
    public static bool TryRead(string? state, string? type, string? rating, string? reason, out ReferralSelection selection, out ParameterProblem? problem)
    {
        selection = All;
        problem = null;
        if (!TryBucket("state", state, ReferralStates.Live, out var s, ref problem)
            || !TryBucket("type", type, ReferralBuckets.TypeBuckets, out var t, ref problem)
            || !TryBucket("rating", rating, ReferralBuckets.RatingBuckets, out var r, ref problem)
            || !TryBucket("reason", reason, ReferralBuckets.CloseReasonBuckets, out var c, ref problem))
            return false;
        selection = new ReferralSelection(s, t, r, c);
        return true;
    }

    private static bool TryBucket(string parameter, string? value, IReadOnlyList<string> buckets, out string? bucket, ref ParameterProblem? problem)
    {
        bucket = null;
        if (string.IsNullOrWhiteSpace(value)) return true;
        bucket = buckets.FirstOrDefault(b => string.Equals(b, value.Trim(), StringComparison.OrdinalIgnoreCase));
        if (bucket is not null) return true;
        problem = new ParameterProblem(parameter, $"'{parameter}' must be one of {string.Join(", ", buckets)}.");
        return false;
    }
}
