namespace Dashboard.Projection;

/// <summary>Wakes the projector when new deliveries are committed; many notifications fold into one wake-up.</summary>
public sealed class ProjectionSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);
    private long _lastNotifiedAt = Environment.TickCount64;

    /// <summary>Whether nothing was committed for <paramref name="period"/>: the senders are quiet.</summary>
    public bool QuietFor(TimeSpan period) => Environment.TickCount64 - Interlocked.Read(ref _lastNotifiedAt) >= period.TotalMilliseconds;

    public void Notify()
    {
        Interlocked.Exchange(ref _lastNotifiedAt, Environment.TickCount64);
        try
        {
            if (_signal.CurrentCount == 0) _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the projector will see this delivery on its next pass.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _signal.WaitAsync(timeout, cancellationToken);
}
