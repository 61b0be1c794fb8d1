using Dashboard.Instances;

namespace Dashboard.SavedViews;

/// <summary>
/// Tells open pages that saved views were added, renamed or removed, here and on every other instance sharing the
/// store, so the navigation of everyone lists what is there now.
/// </summary>
public sealed class SavedViewChanges
{
    private readonly InstanceMessages _instances;
    private readonly ILogger<SavedViewChanges> _logger;

    public SavedViewChanges(InstanceMessages instances, ILogger<SavedViewChanges> logger)
    {
        _instances = instances;
        _logger = logger;
        instances.On(InstanceTopic.SavedViews, () =>
        {
            RaiseHere();
            return Task.CompletedTask;
        });
    }

    /// <summary>Raised off any page's dispatcher: a handler marshals to its own.</summary>
    public event Action? Changed;

    public void Publish()
    {
        RaiseHere();
        _instances.Announce(InstanceTopic.SavedViews);
    }

    private void RaiseHere()
    {
        foreach (var handler in Changed?.GetInvocationList().Cast<Action>() ?? [])
        {
            try
            {
                handler();
            }
            catch (Exception ex)
            {
                // One closed page must not keep the others from hearing.
                _logger.LogWarning(ex, "A page could not take in a change of saved views");
            }
        }
    }
}
