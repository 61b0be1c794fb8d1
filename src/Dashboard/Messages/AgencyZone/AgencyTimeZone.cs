using System.Security.Claims;
using Dashboard.Access.Rights;
using Dashboard.Admin.Audit;
using Dashboard.Instances;
using Dashboard.Projection;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Messages.AgencyZone;

/// <summary>
/// The agency's time zone: what digests and alerts are scheduled in, the figures' days and weeks are cut in and every
/// instant is shown in. Admins set it in the app; until they do it is <c>Dashboard:TimeZone</c>, or UTC. Kept in
/// memory and read again from the store every half minute (another instance may have changed it), at once when an
/// instance says so. A change redraws every open page here and, through the read model's announcement, on the others.
/// </summary>
public sealed class AgencyTimeZone : IAgencyTimeZone
{
    public const string SettingName = "TimeZone";
    private static readonly TimeSpan ReadAgainAfter = TimeSpan.FromSeconds(30);

    private readonly IDbContextFactory<DashboardDbContext> _factory;
    private readonly ActingPerson _acting;
    private readonly AuditLog _audit;
    private readonly InstanceMessages _instances;
    private readonly TimeProvider _clock;
    private readonly ILogger<AgencyTimeZone> _logger;
    private readonly DashboardChanges _changes;
    private volatile Cached? _cached;

    public AgencyTimeZone(IDbContextFactory<DashboardDbContext> factory, AgencyTimeZoneDefault fallback, ActingPerson acting, AuditLog audit,
        InstanceMessages instances, TimeProvider clock, ILogger<AgencyTimeZone> logger, DashboardChanges changes)
    {
        (_factory, _acting, _audit, _instances, _clock, _logger, _changes) = (factory, acting, audit, instances, clock, logger, changes);
        Default = fallback.Zone;
        instances.On(InstanceTopic.AgencySettings, () =>
        {
            _cached = null;
            return Task.CompletedTask;
        });
    }

    /// <summary>The zone from configuration, used until an admin chooses one.</summary>
    public TimeZoneInfo Default { get; }

    /// <summary>The zone now in force.</summary>
    public async Task<TimeZoneInfo> CurrentAsync(CancellationToken ct)
    {
        if (_cached is { } cached && _clock.GetUtcNow() - cached.ReadAt < ReadAgainAfter) return cached.Zone;
        var zone = await ReadAsync(ct);
        _cached = new Cached(zone, _clock.GetUtcNow());
        return zone;
    }

    /// <summary>Sets the zone for everyone; null when done, else why not (nothing changed).</summary>
    public async Task<string?> SetAsync(string? id, ClaimsPrincipal actor, CancellationToken ct)
    {
        await _acting.EnsureAdminAsync(actor, ct);
        if (ZoneIds.Find(id, out var problem) is not { } zone) return problem;
        await using (var db = await _factory.CreateDbContextAsync(ct))
        {
            var row = await db.Set<AgencySetting>().FindAsync([SettingName], ct);
            if (row is null)
            {
                row = new AgencySetting { Name = SettingName, Value = zone.Id, ChangedBy = AuditLog.ActorOf(actor) };
                db.Add(row);
            }
            row.Value = zone.Id;
            row.ChangedBy = AuditLog.ActorOf(actor);
            row.ChangedAt = _clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        await _audit.RecordAsync(actor, "agency.time-zone", zone.Id, null, ct);
        _cached = new Cached(zone, _clock.GetUtcNow());
        _instances.Announce(InstanceTopic.AgencySettings);
        // Announced after the zone, so another instance has dropped its copy of the zone before its pages read again.
        _changes.Publish();
        _logger.LogInformation("The agency's time zone is now {TimeZone}", zone.Id);
        return null;
    }

    private async Task<TimeZoneInfo> ReadAsync(CancellationToken ct)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        var stored = await db.Set<AgencySetting>().AsNoTracking().Where(s => s.Name == SettingName).Select(s => s.Value).FirstOrDefaultAsync(ct);
        if (stored is null) return Default;
        if (ZoneIds.Find(stored, out _) is { } zone) return zone;
        // Saved on a server whose time zone database knew it; this one does not. Better the default than no schedule.
        _logger.LogWarning("The stored time zone {TimeZone} is unknown on this server; using {Default}", stored, Default.Id);
        return Default;
    }

    private sealed record Cached(TimeZoneInfo Zone, DateTimeOffset ReadAt);
}

/// <summary><c>Dashboard:TimeZone</c>, checked at start-up: an id this server does not know stops the app with the reason.</summary>
public sealed record AgencyTimeZoneDefault(TimeZoneInfo Zone)
{
    public const string Setting = "Dashboard:TimeZone";

    public static AgencyTimeZoneDefault From(IConfiguration configuration)
    {
        var configured = configuration[Setting];
        if (string.IsNullOrWhiteSpace(configured)) return new(TimeZoneInfo.Utc);
        return ZoneIds.Find(configured, out var problem) is { } zone
            ? new(zone)
            : throw new InvalidOperationException($"{Setting}: {problem}");
    }
}
