using Dashboard.Messages.Alerts;
using Dashboard.Messages.Digests;
using Dashboard.Messages.Outbox;

namespace Dashboard.Messages;

/// <summary>
/// Once a minute (<c>Messages:CheckEvery</c>), on every instance: queue the digests that fell due, check the alert
/// rules, send what the outbox holds. Each step claims its work in the store, so instances sharing it never do the
/// same work twice. A message queued from a page is sent at once rather than at the next round.
/// </summary>
public sealed class MessageRounds(
    DigestScheduler digests, AlertMonitor alerts, OutboxDispatcher outbox, OutboxSignal signal, MessageRoundSettings settings,
    TimeProvider clock, ILogger<MessageRounds> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.Every, clock);
        Task<bool>? tick = null;
        Task? woken = null;
        try
        {
            await RoundAsync(stoppingToken);
            while (true)
            {
                tick ??= timer.WaitForNextTickAsync(stoppingToken).AsTask();
                woken ??= signal.WaitAsync(stoppingToken);
                if (await Task.WhenAny(tick, woken) == tick)
                {
                    if (!await tick) return;
                    tick = null;
                    await RoundAsync(stoppingToken);
                }
                else
                {
                    woken = null;
                    await Step("send the outbox", () => outbox.SendDueAsync(stoppingToken));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RoundAsync(CancellationToken ct)
    {
        await Step("queue due digests", () => digests.QueueDueAsync(ct));
        await Step("check alert rules", () => alerts.RunRoundAsync(settings.Every, ct));
        await Step("send the outbox", () => outbox.SendDueAsync(ct));
    }

    private async Task Step<T>(string what, Func<Task<T>> step)
    {
        try
        {
            await step();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The store may be away for a moment; every step picks up next round where this one stopped.
            logger.LogWarning(ex, "Could not {Step}; trying again next round", what);
        }
    }
}

/// <summary><c>Messages:CheckEvery</c>: how often digests, alerts and the outbox are looked at.</summary>
public sealed record MessageRoundSettings(TimeSpan Every)
{
    public const string Setting = "Messages:CheckEvery";

    public static MessageRoundSettings From(IConfiguration configuration)
    {
        var every = configuration.GetValue(Setting, TimeSpan.FromMinutes(1));
        return every >= TimeSpan.FromSeconds(1) && every <= TimeSpan.FromHours(1)
            ? new(every)
            : throw new InvalidOperationException($"{Setting} must be between 00:00:01 and 01:00:00.");
    }
}

/// <summary>Wakes <see cref="MessageRounds"/> to send the outbox now.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken; one send covers every message queued meanwhile.
        }
    }

    public Task WaitAsync(CancellationToken ct) => _wake.WaitAsync(ct);
}
