using System.Collections.Concurrent;
using Dashboard.Projection;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.SenderKeys;

/// <summary>
/// Counts rejected webhook requests in memory and adds them to the store every few seconds, so that a flood of
/// bad keys costs one small write, not one per request. The data quality figures count them, so each write is
/// announced as a change of the figures.
/// </summary>
public sealed class AuthFailureCounter(
    IDbContextFactory<DashboardDbContext> factory, DashboardChanges changes, TimeProvider clock, ILogger<AuthFailureCounter> logger)
    : BackgroundService
{
    private ConcurrentDictionary<(string Provider, DateTime Hour), long> _pending = new();

    public void Record(string provider)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hour = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
        _pending.AddOrUpdate((provider, hour), 1, (_, n) => n + 1);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await FlushAsync(CancellationToken.None);
        }
        catch (OperationCanceledException)
        {
        }
        await FlushAsync(CancellationToken.None);
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.IsEmpty) return;
        var batch = Interlocked.Exchange(ref _pending, new());
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            foreach (var ((provider, hour), count) in batch)
            {
                // Added in the database, not read and written back: other instances count into the same row.
                var updated = await db.AuthFailures.Where(f => f.Provider == provider && f.HourStart == hour)
                    .ExecuteUpdateAsync(set => set.SetProperty(f => f.Count, f => f.Count + count), cancellationToken);
                if (updated == 0) db.AuthFailures.Add(new AuthFailureCount { Provider = provider, HourStart = hour, Count = count });
            }
            await db.SaveChangesAsync(cancellationToken);
            changes.Publish();
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            logger.LogWarning(ex, "Could not record {Count} auth failures; they will be retried", batch.Values.Sum());
            foreach (var (key, count) in batch) _pending.AddOrUpdate(key, count, (_, n) => n + count);
        }
    }
}
