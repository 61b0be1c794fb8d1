namespace Dashboard.Messages.Outbox;

/// <summary>
/// When a failed message is tried again: soon at first (a mail server restarting), then further apart (an outage),
/// until <see cref="MaxAttempts"/> tries have failed and it waits for an admin.
/// </summary>
public sealed record RetrySchedule(int MaxAttempts)
{
    public const string Setting = "Messages:MaxAttempts";
    public const int DefaultMaxAttempts = 6;

    private static readonly TimeSpan[] Waits =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromHours(4)];

    public static RetrySchedule From(IConfiguration configuration)
    {
        var max = configuration.GetValue(Setting, DefaultMaxAttempts);
        return max is >= 1 and <= 50 ? new(max) : throw new InvalidOperationException($"{Setting} must be between 1 and 50.");
    }

    /// <summary>After the <paramref name="attempts"/>th failed try: when to try again, or null to give up.</summary>
    public TimeSpan? WaitAfter(int attempts) =>
        attempts >= MaxAttempts ? null : Waits[Math.Clamp(attempts - 1, 0, Waits.Length - 1)];
}
