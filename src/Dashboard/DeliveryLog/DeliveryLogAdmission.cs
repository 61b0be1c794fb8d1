namespace Dashboard.DeliveryLog;

/// <summary>
/// Decides, as a delivery arrives, whether the log can commit it soon enough to be worth waiting for. Beyond that the
/// sender is told at once to come back later (503 and <c>Retry-After</c>) rather than held until a timeout: a sender
/// held for seconds and then refused retries into a log that is further behind, and every held request costs memory.
/// The pace is the log's own, measured commit by commit while it is busy.
/// </summary>
public sealed class DeliveryLogAdmission(int alwaysAdmitted, TimeSpan longestWait)
{
    private const double Smoothing = 0.2;
    private double _perSecond;

    /// <summary>Deliveries the log commits per second while it has work, smoothed over its recent commits.</summary>
    public double PerSecond => Volatile.Read(ref _perSecond);

    /// <summary>Whether a delivery that finds <paramref name="waiting"/> others ahead of it will be committed in time.</summary>
    public bool Admits(int waiting) => waiting < alwaysAdmitted || waiting < PerSecond * longestWait.TotalSeconds;

    /// <summary>Records one commit of <paramref name="count"/> deliveries that took <paramref name="took"/>, waiting for the store included.</summary>
    public void Committed(int count, TimeSpan took)
    {
        if (count <= 0) return;
        var rate = count / Math.Max(took.TotalSeconds, 0.001);
        var before = PerSecond;
        Volatile.Write(ref _perSecond, before == 0 ? rate : before + Smoothing * (rate - before));
    }
}
