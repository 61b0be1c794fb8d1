
namespace Dashboard.Storage;

/// <summary>
/// SQLite has one writer at a time. The delivery log and the projector wait for each other here, in the process, instead of
/// colliding on the database lock: a writer that finds the lock taken is put to sleep by the driver for a fixed
/// interval, which shows as a latency spike on the webhook answer. Waiting on this gate wakes it the moment the
/// other's commit is done.
/// </summary>
public sealed class StoreWriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        return new Hold(_gate);
    }

    private sealed class Hold(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}
