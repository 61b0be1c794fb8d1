using Dashboard.Senders;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.SenderKeys;

public sealed record SenderActivityFigures(DateTime? LastDeliveryAt, int DeliveriesLastDay, long AuthFailuresLastDay, bool Quiet);

/// <summary>
/// Is a sender still talking to us? A sender that delivered on most of the last seven days and has been silent
/// for longer than <c>Admin:QuietAfterHours</c> (default 24) is flagged quiet: its webhook may be disabled.
/// </summary>
public sealed class SenderActivity(IDbContextFactory<DashboardDbContext> factory, TimeProvider clock, IConfiguration configuration)
{
    public async Task<SenderActivityFigures> ForAsync(string provider, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var quietAfter = TimeSpan.FromHours(configuration.GetValue("Admin:QuietAfterHours", 24.0));
        await using var db = await factory.CreateDbContextAsync(ct);
        var deliveries = db.Deliveries.AsNoTracking().Where(d => d.Provider == provider);
        var last = await deliveries.MaxAsync(d => (DateTime?)d.ReceivedAt, ct);
        var lastDay = await deliveries.CountAsync(d => d.ReceivedAt >= now.AddDays(-1), ct);
        var failures = await db.AuthFailures.AsNoTracking().Where(a => a.Provider == provider && a.HourStart >= now.AddDays(-1))
            .SumAsync(a => a.Count, ct);
        var activeDays = await deliveries.Where(d => d.ReceivedAt >= now.AddDays(-7)).Select(d => d.ReceivedAt.Date).Distinct().CountAsync(ct);
        var quiet = last is { } seen && now - seen > quietAfter && activeDays >= 5;
        return new SenderActivityFigures(last, lastDay, failures, quiet);
    }
}
