namespace Dashboard.Access.Sessions;

/// <summary>Removes expired sign-in sessions every hour; a person who never signs out leaves nothing behind.</summary>
public sealed class ExpiredSessionSweeper(SignInSessionStore sessions, TimeProvider clock, ILogger<ExpiredSessionSweeper> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, clock);
        try
        {
            do
            {
                await SweepAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        try
        {
            var removed = await sessions.RemoveExpiredAsync(stoppingToken);
            if (removed > 0) logger.LogInformation("Removed {Sessions} expired sign-in session(s)", removed);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The store may be busy or away for a moment; expired sessions are refused anyway, so the next round will do.
            logger.LogWarning(ex, "Could not remove expired sign-in sessions");
        }
    }
}
