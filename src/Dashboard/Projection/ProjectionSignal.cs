using Dashboard.DeliveryLog;

namespace Dashboard.Projection;

/// <summary>Wakes the projector when new deliveries are committed; many notifications fold into one wake-up.</summary>
public sealed class ProjectionSignal : IDeliveryLogListener
{
    private readonly SemaphoreSlim _signal = new(0, 1);
    private long _lastNotifiedAt = Environment.TickCount64;
    private long _lastArrivedAt = Environment.TickCount64;

    /// <summary>
    /// Whether nothing arrived and nothing was committed for <paramref name="period"/>: the senders are quiet. Arrivals
    /// count, not only commits: while a projection batch holds the store, the log commits nothing, and senders still
    /// waiting for their answers must not look like quiet ones (the next batch would be a backlog's, longer still).
    /// </summary>
    public bool QuietFor(TimeSpan period) =>
        Environment.TickCount64 - Math.Max(Interlocked.Read(ref _lastNotifiedAt), Interlocked.Read(ref _lastArrivedAt)) >= period.TotalMilliseconds;

    public void Arrived() => Interlocked.Exchange(ref _lastArrivedAt, Environment.TickCount64);

    void IDeliveryLogListener.Committed() => Notify();

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
