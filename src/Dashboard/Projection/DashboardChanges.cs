using Dashboard.Instances;

namespace Dashboard.Projection;

/// <summary>
/// Tells open dashboards that the read model moved, here and on every other instance sharing the store. Subscribers
/// are called outside any lock and each failure is contained, so one broken circuit cannot stop the projector or the
/// other pages.
/// </summary>
public sealed class DashboardChanges
{
    private readonly ILogger<DashboardChanges> _logger;
    private readonly InstanceMessages? _instances;
    private readonly Lock _gate = new();
    private Func<Task>[] _subscribers = [];
    private long _version;

    public DashboardChanges(ILogger<DashboardChanges> logger, InstanceMessages? instances = null)
    {
        _logger = logger;
        _instances = instances;
        instances?.On(InstanceTopic.ReadModel, () =>
        {
            PublishHere();
            return Task.CompletedTask;
        });
    }

    public DateTimeOffset? LastChangeAt { get; private set; }

    /// <summary>
    /// Moves on with every change of the figures, here or announced by another instance. It moves before anyone is
    /// told, so whatever a subscriber reads after hearing of a change is labelled with the new version at least.
    /// </summary>
    public long Version => Interlocked.Read(ref _version);

    public IDisposable Subscribe(Func<Task> onChange)
    {
        lock (_gate) _subscribers = [.. _subscribers, onChange];
        return new Subscription(this, onChange);
    }

    public void Publish()
    {
        PublishHere();
        _instances?.Announce(InstanceTopic.ReadModel);
    }

    private void PublishHere()
    {
        Interlocked.Increment(ref _version);
        LastChangeAt = DateTimeOffset.UtcNow;
        foreach (var subscriber in _subscribers) _ = NotifyAsync(subscriber);
    }

    private async Task NotifyAsync(Func<Task> subscriber)
    {
        try
        {
            await subscriber();
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "A dashboard failed to refresh after a change");
        }
    }

    private void Unsubscribe(Func<Task> onChange)
    {
        lock (_gate) _subscribers = _subscribers.Where(s => s != onChange).ToArray();
    }

    private sealed class Subscription(DashboardChanges owner, Func<Task> onChange) : IDisposable
    {
        public void Dispose() => owner.Unsubscribe(onChange);
    }
}
