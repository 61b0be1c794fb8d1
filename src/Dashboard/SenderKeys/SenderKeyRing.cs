using System.Security.Cryptography;
using System.Text;
using Dashboard.Instances;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.SenderKeys;

/// <summary>
/// The live sender keys, held in memory as hashes so that checking a request costs no database round trip.
/// Reloaded whenever keys change, here or (told through <see cref="InstanceMessages"/>) on another instance, and
/// every half minute in case such a message was lost.
/// </summary>
public sealed class SenderKeyRing
{
    private readonly IDbContextFactory<DashboardDbContext> factory;
    private readonly TimeProvider clock;

    private static readonly TimeSpan ReloadAfter = TimeSpan.FromSeconds(30);
    private volatile LiveKey[] _keys = [];
    private long _loadedAtTicks;
    private readonly SemaphoreSlim _reloadGate = new(1, 1);

    public SenderKeyRing(IDbContextFactory<DashboardDbContext> factory, TimeProvider clock, InstanceMessages instances)
    {
        this.factory = factory;
        this.clock = clock;
        instances.On(InstanceTopic.SenderSettings, () => ReloadAsync());
    }

    private sealed record LiveKey(string Provider, byte[] Hash, DateTime? ExpiresAt);

    /// <summary>128 random bits is the floor; 256 costs nothing more and reads as 43 URL-safe characters.</summary>
    public static string NewKey() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public static string HintOf(string key) => key.Length <= 4 ? "…" : key[..4] + "…";

    public async Task<bool> IsValidAsync(string provider, string? presentedKey, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(presentedKey) || presentedKey.Length > 256) return false;
        if (clock.GetUtcNow().UtcTicks - Interlocked.Read(ref _loadedAtTicks) > ReloadAfter.Ticks)
            await ReloadAsync(cancellationToken);

        var presented = Hash(presentedKey);
        var now = clock.GetUtcNow().UtcDateTime;
        var valid = false;
        // Compare against every key of the provider, without stopping early, in constant time each.
        foreach (var key in _keys)
        {
            var matches = CryptographicOperations.FixedTimeEquals(key.Hash, presented);
            valid |= matches && key.Provider == provider && (key.ExpiresAt is null || key.ExpiresAt > now);
        }
        return valid;
    }

    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        await _reloadGate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            _keys = await db.SenderKeys.AsNoTracking()
                .Where(k => k.RevokedAt == null)
                .Select(k => new LiveKey(k.Provider, k.KeyHash, k.ExpiresAt))
                .ToArrayAsync(cancellationToken);
            Interlocked.Exchange(ref _loadedAtTicks, clock.GetUtcNow().UtcTicks);
        }
        finally
        {
            _reloadGate.Release();
        }
    }

    /// <summary>Stores a key for automation (<c>Webhooks:Idibu:Key</c> …) unless it is already there.</summary>
    public async Task SeedAsync(string provider, string key, CancellationToken cancellationToken = default)
    {
        var hash = Hash(key);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.SenderKeys.AnyAsync(k => k.KeyHash == hash, cancellationToken)) return;
        db.SenderKeys.Add(new SenderKey
        {
            Provider = provider,
            KeyHash = hash,
            Hint = HintOf(key),
            Origin = "configuration",
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
