using System.Security.Claims;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Admin.Audit;

public sealed record AuditRow(long Id, DateTime At, string Actor, string Action, string? Target, string? Details);

/// <summary>Records admin actions, and reads them back newest first.</summary>
public sealed class AuditLog(IDbContextFactory<DashboardDbContext> factory, TimeProvider clock)
{
    public async Task RecordAsync(ClaimsPrincipal actor, string action, string? target, string? details, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            Actor = ActorOf(actor),
            Action = action,
            Target = target,
            Details = details,
        });
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<AuditRow>> ListAsync(string? action, int take, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var query = db.Set<AuditEntry>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(action)) query = query.Where(a => a.Action.StartsWith(action));
        return await query.OrderByDescending(a => a.Id).Take(Math.Clamp(take, 1, 500))
            .Select(a => new AuditRow(a.Id, a.At, a.Actor, a.Action, a.Target, a.Details))
            .ToListAsync(ct);
    }

    public static string ActorOf(ClaimsPrincipal actor) => actor.Identity?.Name ?? "system";
}
