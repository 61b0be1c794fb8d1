namespace Dashboard.Instances;

/// <summary>What one instance tells the others sharing its store.</summary>
public enum InstanceTopic
{
    /// <summary>Deliveries were committed: whoever projects should look.</summary>
    Deliveries,

    /// <summary>The read model (or the funnel that reads it) moved: open dashboards should refresh.</summary>
    ReadModel,

    /// <summary>Sender keys or sender checks changed: caches of them must reload.</summary>
    SenderSettings,

    /// <summary>An agency setting (its time zone) changed: caches of it must reload.</summary>
    AgencySettings,
    /// <summary>Saved views were added, renamed or removed: open navigations should list them again.</summary>
    SavedViews,
}

/// <summary>
/// A small broadcast between the app instances that share one store. On SQLite there is only ever one instance and
/// nothing is sent; on PostgreSQL a <see cref="PostgreSqlInstanceLink"/> carries the announcements over LISTEN/NOTIFY.
/// Handlers run for messages from other instances only: each instance already reacts to its own changes directly.
/// </summary>
public sealed class InstanceMessages(ILogger<InstanceMessages> logger)
{
    private readonly Lock _gate = new();
    private (InstanceTopic Topic, Func<Task> Handler)[] _handlers = [];
    private Action<InstanceTopic>? _outbound;

    /// <summary>Identifies this process in its own announcements, so it can ignore them when they come back.</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N")[..12];

    public void On(InstanceTopic topic, Func<Task> handler)
    {
        lock (_gate) _handlers = [.. _handlers, (topic, handler)];
    }

    public void Announce(InstanceTopic topic) => _outbound?.Invoke(topic);

    internal void ConnectOutbound(Action<InstanceTopic> send) => _outbound = send;

    internal async Task ReceiveAsync(InstanceTopic topic)
    {
        foreach (var (wanted, handler) in _handlers)
        {
            if (wanted != topic) continue;
            try
            {
                await handler();
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Handling {Topic} from another instance failed", topic);
            }
        }
    }
}
