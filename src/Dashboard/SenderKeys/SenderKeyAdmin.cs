using System.Security.Claims;
using Dashboard.Access.Rights;
using Dashboard.Admin.Audit;
using Dashboard.Instances;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.SenderKeys;

public sealed record SenderKeyRow(int Id, string Provider, string Hint, string Origin, DateTime CreatedAt, DateTime? ExpiresAt, DateTime? RevokedAt, bool Live);

/// <summary>A freshly made key: the only moment its text exists outside the sender's settings.</summary>
public sealed record IssuedKey(int Id, string Provider, string Key, string Hint, DateTime? OldKeysExpireAt);

/// <summary>
/// Sender keys as admins manage them: generate, rotate (the old keys keep working for a grace period), revoke.
/// Every change reloads the key ring at once, on every instance, and is written to the audit log, by hint only.
/// Each first checks that the admin asking still is one.
/// </summary>
public sealed class SenderKeyAdmin(
    IDbContextFactory<DashboardDbContext> factory, SenderKeyRing ring, InstanceMessages instances, ActingPerson acting, AuditLog audit,
    TimeProvider clock)
{
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromHours(24);

    public async Task<IReadOnlyList<SenderKeyRow>> ListAsync(string provider, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(ct);
        var keys = await db.SenderKeys.AsNoTracking().Where(k => k.Provider == provider && k.Origin != "sample-data")
            .OrderByDescending(k => k.Id).ToListAsync(ct);
        return keys.Select(k => new SenderKeyRow(k.Id, k.Provider, k.Hint, k.Origin, k.CreatedAt, k.ExpiresAt, k.RevokedAt, k.IsLiveAt(now))).ToList();
    }

    public Task<IssuedKey> CreateAsync(string provider, ClaimsPrincipal actor, CancellationToken ct) =>
        IssueAsync(provider, actor, grace: null, ct);

    /// <summary>A new key; every key live now stops at the end of <paramref name="grace"/>.</summary>
    public Task<IssuedKey> RotateAsync(string provider, TimeSpan grace, ClaimsPrincipal actor, CancellationToken ct) =>
        IssueAsync(provider, actor, grace, ct);

    public async Task<bool> RevokeAsync(int id, ClaimsPrincipal actor, CancellationToken ct)
    {
        await acting.EnsureAdminAsync(actor, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var key = await db.SenderKeys.FirstOrDefaultAsync(k => k.Id == id && k.RevokedAt == null, ct);
        if (key is null) return false;
        key.RevokedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await ring.ReloadAsync(ct);
        instances.Announce(InstanceTopic.SenderSettings);
        await audit.RecordAsync(actor, "key.revoked", key.Provider, $"key {key.Hint} (#{key.Id})", ct);
        return true;
    }

    private async Task<IssuedKey> IssueAsync(string provider, ClaimsPrincipal actor, TimeSpan? grace, CancellationToken ct)
    {
        await acting.EnsureAdminAsync(actor, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var text = SenderKeyRing.NewKey();
        await using var db = await factory.CreateDbContextAsync(ct);
        DateTime? oldExpire = null;
        if (grace is { } period)
        {
            oldExpire = now + period;
            var live = await db.SenderKeys
                .Where(k => k.Provider == provider && k.RevokedAt == null && (k.ExpiresAt == null || k.ExpiresAt > oldExpire))
                .ToListAsync(ct);
            foreach (var old in live) old.ExpiresAt = oldExpire;
        }
        var key = new SenderKey
        {
            Provider = provider, KeyHash = SenderKeyRing.Hash(text), Hint = SenderKeyRing.HintOf(text), Origin = "admin", CreatedAt = now,
        };
        db.SenderKeys.Add(key);
        await db.SaveChangesAsync(ct);
        await ring.ReloadAsync(ct);
        instances.Announce(InstanceTopic.SenderSettings);
        await audit.RecordAsync(actor, grace is null ? "key.created" : "key.rotated", provider,
            grace is null ? $"key {key.Hint} (#{key.Id})" : $"key {key.Hint} (#{key.Id}); older keys stop at {oldExpire:u}", ct);
        return new IssuedKey(key.Id, provider, text, key.Hint, oldExpire);
    }
}
