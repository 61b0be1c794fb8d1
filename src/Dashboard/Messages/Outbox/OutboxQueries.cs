using System.Security.Claims;
using Dashboard.Access.Rights;
using Dashboard.Admin.Audit;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Messages.Outbox;

public sealed record OutboxRow(
    long Id, DateTime CreatedAt, string Purpose, string About, OutboxChannel Channel, string? Recipient, string Subject,
    OutboxStatus Status, int Attempts, DateTime? LastAttemptAt, DateTime NextAttemptAt, DateTime? SentAt, string? LastError);

/// <summary>The outbox as admins see it, and sending a failed message again.</summary>
public sealed class OutboxQueries(IDbContextFactory<DashboardDbContext> factory, ActingPerson acting, AuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<OutboxRow>> ListAsync(OutboxStatus? status, int take, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var query = db.Set<OutboxMessage>().AsNoTracking();
        if (status is { } wanted) query = query.Where(m => m.Status == wanted);
        return await query.OrderByDescending(m => m.Id).Take(Math.Clamp(take, 1, 500))
            .Select(m => new OutboxRow(m.Id, m.CreatedAt, m.Purpose, m.About, m.Channel, m.Recipient, m.Subject, m.Status, m.Attempts,
                m.LastAttemptAt, m.NextAttemptAt, m.SentAt, m.LastError))
            .ToListAsync(ct);
    }

    /// <summary>Puts a failed message back in the queue with a fresh count of tries; false when it is not failed.</summary>
    public async Task<bool> SendAgainAsync(long id, ClaimsPrincipal actor, CancellationToken ct)
    {
        await acting.EnsureAdminAsync(actor, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(ct);
        var changed = await db.Set<OutboxMessage>().Where(m => m.Id == id && m.Status == OutboxStatus.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Queued).SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAt, now), ct);
        if (changed == 1) await audit.RecordAsync(actor, "outbox.send-again", $"message {id}", null, ct);
        return changed == 1;
    }
}
