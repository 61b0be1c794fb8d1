using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Dashboard.Analytics.Pages;

/// <summary>
/// Whether the browser behind this circuit is connected. A tab that was closed, or a laptop that went to sleep, leaves
/// its circuit kept for a few minutes in case it comes back; its pages then wait instead of recomputing and
/// re-rendering figures for nobody on every change, and load once when it reconnects. Up until told otherwise, so a
/// page rendered without a circuit (prerendering, tests) behaves as connected.
/// </summary>
public sealed class CircuitConnection
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _up = NewUp(completed: true);

    public bool IsUp
    {
        get
        {
            lock (_gate) return _up.Task.IsCompleted;
        }
    }

    /// <summary>Completes at once while connected, else when the browser reconnects.</summary>
    public Task WhenUpAsync(CancellationToken ct)
    {
        lock (_gate) return _up.Task.WaitAsync(ct);
    }

    public void Lost()
    {
        lock (_gate)
        {
            if (_up.Task.IsCompleted) _up = NewUp(completed: false);
        }
    }

    public void Restored()
    {
        lock (_gate) _up.TrySetResult();
    }

    private static TaskCompletionSource NewUp(bool completed)
    {
        // Continuations run on the thread pool, never inside the circuit handler that reports the reconnection.
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed) up.SetResult();
        return up;
    }
}

/// <summary>Tells the circuit's <see cref="CircuitConnection"/> when its browser goes and comes back.</summary>
public sealed class CircuitConnectionHandler(CircuitConnection connection) : CircuitHandler
{
    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        connection.Lost();
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        connection.Restored();
        return Task.CompletedTask;
    }
}
