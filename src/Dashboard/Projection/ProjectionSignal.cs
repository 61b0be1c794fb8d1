namespace Dashboard.Projection;

/// <summary>Wakes the projector when new deliveries are committed; many notifications fold into one wake-up.</summary>
public sealed class ProjectionSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
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
