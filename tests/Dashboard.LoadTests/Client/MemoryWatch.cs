using Dashboard.LoadTests.Targets;

namespace Dashboard.LoadTests.Client;

/// <summary>Samples a target's resident memory every 250 ms and keeps the highest value seen.</summary>
public sealed class MemoryWatch : IDisposable
{
    private readonly Timer _timer;
    private long _peak;

    public MemoryWatch(TargetProcess target)
    {
        _timer = new Timer(_ =>
        {
            if (target.HasExited) return;
            try
            {
                var (current, _) = target.ResidentMemory();
                if (current > Interlocked.Read(ref _peak)) Interlocked.Exchange(ref _peak, current);
            }
            catch (IOException)
            {
            }
        }, null, TimeSpan.Zero, TimeSpan.FromMilliseconds(250));
    }

    public long Peak => Interlocked.Read(ref _peak);

    public void Dispose() => _timer.Dispose();
}
