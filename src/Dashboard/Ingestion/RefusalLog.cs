
namespace Dashboard.Ingestion;

/// <summary>
/// Deliveries an instance asks to come back later (503 and <c>Retry-After</c>) are logged as a count, not one line
/// each: under a flood that is hundreds of thousands of lines a minute, written by the same CPU that is already what
/// runs out. The first refusal after a quiet spell is logged at once; the ones after it are counted and told in one
/// line when the interval is up, so a flood writes a line per interval and its tail is told even if nothing follows.
/// </summary>
public sealed class RefusalLog(TimeProvider clock, ILogger<RefusalLog> logger) : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private long? _loggedAt;
    private int _since;
    private (string Provider, string Reason) _latest;
    private ITimer? _flush;

    public void Refused(string provider, string reason)
    {
        int count;
        lock (_lock)
        {
            _since++;
            _latest = (provider, reason);
            var now = clock.GetTimestamp();
            if (_loggedAt is { } last && clock.GetElapsedTime(last, now) is var elapsed && elapsed < Interval)
            {
                _flush ??= clock.CreateTimer(_ => Flush(), null, Interval - elapsed, Timeout.InfiniteTimeSpan);
                return;
            }
            count = Take(now);
        }
        Write(count, provider, reason);
    }

    private void Flush()
    {
        int count;
        (string Provider, string Reason) latest;
        lock (_lock)
        {
            if (_since == 0) return;
            latest = _latest;
            count = Take(clock.GetTimestamp());
        }
        Write(count, latest.Provider, latest.Reason);
    }

    private int Take(long now)
    {
        var count = _since;
        _since = 0;
        _loggedAt = now;
        _flush?.Dispose();
        _flush = null;
        return count;
    }

    private void Write(int count, string provider, string reason) =>
        logger.LogWarning("Deliveries asked to retry since the last such line: {Count}; the latest for {Provider}: {Reason}",
            count, provider, reason);

    public void Dispose()
    {
        lock (_lock)
        {
            _flush?.Dispose();
            _flush = null;
        }
    }
}
