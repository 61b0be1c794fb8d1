namespace Dashboard.Senders.Firstbird;

/// <summary>
/// An application's status as firstbird itself has it (in progress, hired or closed), plus deleted, which takes it
/// out of every figure. A rating, a feedback or an edit is never a status.
/// </summary>
public static class ReferralStates
{
    public const string InProgress = "in_progress";
    public const string Hired = "hired";
    public const string Closed = "closed";
    public const string Deleted = "deleted";

    /// <summary>The statuses a live application can have, in firstbird's order.</summary>
    public static readonly IReadOnlyList<string> Live = [InProgress, Hired, Closed];
}
