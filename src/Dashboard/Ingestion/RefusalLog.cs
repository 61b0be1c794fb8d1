namespace Dashboard.Ingestion;

/// <summary>
/// Deliveries an instance asks to come back later (503 and <c>Retry-After</c>) are logged as a count, not one line
/// each: under a flood that is hundreds of thousands of lines a minute, written by the same CPU that is already what
/// runs out. The first refusal after a quiet spell is logged at once; after that one line per interval says how many
/// were refused since the line before.
/// </summary>
public sealed class RefusalLog(TimeProvider clock, ILogger<RefusalLog> logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private long? _loggedAt;
    private int _since;

    public void Refused(string provider, string reason)
    {
        int count;
        var now = clock.GetTimestamp();
        lock (_lock)
        {
            _since++;
            if (_loggedAt is { } last && clock.GetElapsedTime(last, now) < Interval) return;
            count = _since;
            _since = 0;
            _loggedAt = now;
        }
        logger.LogWarning("Deliveries asked to retry since the last such line: {Count}; the latest for {Provider}: {Reason}",
            count, provider, reason);
    }
}
