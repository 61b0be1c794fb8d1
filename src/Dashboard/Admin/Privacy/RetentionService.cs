namespace Dashboard.Admin.Privacy;

/// <summary>Applies <c>Privacy:RedactBodiesAfterDays</c> once an hour when it is set.</summary>
public sealed class RetentionService(PersonalData personalData, IConfiguration configuration, TimeProvider clock, ILogger<RetentionService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        try
        {
            do
            {
                await ApplyAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ApplyAsync(CancellationToken stoppingToken)
    {
        if (configuration.GetValue<int?>("Privacy:RedactBodiesAfterDays") is not { } days || days <= 0) return;
        try
        {
            var report = await personalData.ApplyRetentionAsync(days, actor: null, stoppingToken);
            if (report.DeliveriesRedacted > 0) logger.LogInformation("Retention redacted {Count} delivery bodies", report.DeliveriesRedacted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Retention could not run; it will try again within the hour");
        }
    }
}
