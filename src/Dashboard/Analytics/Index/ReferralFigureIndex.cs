namespace Dashboard.Analytics.Index;

/// <summary>
/// The firstbird applications every referral figure is computed from, in memory: each folded application's dates,
/// status and enumerations as sent (charts bucket them with <see cref="ReferralBuckets"/> when asked), and the
/// current feedback type of each of its referrals. An application that changes is overwritten where it stands.
/// </summary>
internal sealed class ReferralFigureIndex
{
    public const long NotHired = long.MinValue;

    public readonly NameTable States = new();
    public readonly NameTable Types = new();
    public readonly NameTable Ratings = new();
    public readonly NameTable CloseReasons = new();
    public readonly NameTable FeedbackTypes = new();

    private readonly Dictionary<string, int> _slotOf = new(StringComparer.Ordinal);

    public int Count;
    public string[] ApplicationId = [];
    public long[] Received = [];
    public long[] Hired = [];
    public bool[] Deleted = [];
    public bool[] RewardEligible = [];
    public int[] State = [];
    public int[] Type = [];
    public int[] Rating = [];
    public int[] CloseReason = [];
    public int[][] Feedback = [];

    public void Put(ReferralEntry entry)
    {
        if (!_slotOf.TryGetValue(entry.ApplicationId, out var slot))
        {
            slot = Count++;
            if (slot >= Received.Length) Grow(slot + 1);
            _slotOf[entry.ApplicationId] = slot;
            ApplicationId[slot] = entry.ApplicationId;
        }
        Received[slot] = entry.ReceivedAt.Ticks;
        Hired[slot] = entry.HiredAt?.Ticks ?? NotHired;
        Deleted[slot] = entry.Deleted;
        RewardEligible[slot] = entry.RewardEligible;
        State[slot] = States.IdOf(entry.State);
        Type[slot] = Types.IdOf(entry.ReceivedType);
        Rating[slot] = Ratings.IdOf(entry.Rating);
        CloseReason[slot] = CloseReasons.IdOf(entry.CloseReason);
        Feedback[slot] = entry.Feedback.Count == 0 ? [] : entry.Feedback.Select(FeedbackTypes.IdOf).ToArray();
    }

    private void Grow(int size)
    {
        size = Math.Max(size, Received.Length + Received.Length / 4 + 1024);
        Array.Resize(ref ApplicationId, size);
        Array.Resize(ref Received, size);
        Array.Resize(ref Hired, size);
        Array.Resize(ref Deleted, size);
        Array.Resize(ref RewardEligible, size);
        Array.Resize(ref State, size);
        Array.Resize(ref Type, size);
        Array.Resize(ref Rating, size);
        Array.Resize(ref CloseReason, size);
        Array.Resize(ref Feedback, size);
    }
}

/// <summary>A folded application as the index keeps it; <see cref="Feedback"/> holds each referral's current feedback type.</summary>
internal sealed record ReferralEntry(
    string ApplicationId, DateTime ReceivedAt, DateTime? HiredAt, bool Deleted, bool RewardEligible, string State,
    string? ReceivedType, string? Rating, string? CloseReason, IReadOnlyList<string?> Feedback);

/// <summary>Both parts of the in-memory figure index, caught up together.</summary>
internal sealed class FigureIndex(IdibuFigureIndex idibu, ReferralFigureIndex referrals)
{
    public IdibuFigureIndex Idibu { get; } = idibu;
    public ReferralFigureIndex Referrals { get; } = referrals;
}
