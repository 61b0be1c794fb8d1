using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;

namespace Dashboard.SenderKeys;

/// <summary>The <c>Webhooks:AuthFailureThrottle</c> section: how many failed key checks one address may make.</summary>
public sealed class AuthFailureThrottleOptions
{
    public const string Section = "Webhooks:AuthFailureThrottle";

    /// <summary>Failures allowed within <see cref="Window"/>; the next one throttles the address.</summary>
    public int MaxFailures { get; set; } = 20;

    /// <summary>Both the counting window and how long a throttled address is refused.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Answers 429 to the failed key checks of an address that keeps presenting wrong keys, so that guessing keys is slow
/// and a misconfigured sender stops costing log lines and counter writes. Only the offending address is refused, and
/// only its failing requests: a correct key from the same address is still taken. The state lives in memory because a
/// restart forgiving everyone is harmless.
/// </summary>
public sealed class AuthFailureThrottle(IOptions<AuthFailureThrottleOptions> options, TimeProvider clock, ILogger<AuthFailureThrottle> logger)
{
    // Enough for every real sender many times over; above it, addresses whose window has passed are forgotten.
    private const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<string, AddressRecord> _addresses = new();

    private sealed class AddressRecord
    {
        public DateTimeOffset WindowStart;
        public int Failures;
        public DateTimeOffset ThrottledUntil;
    }

    /// <summary>How long the address must wait before it may try again, or null when it is not throttled.</summary>
    public TimeSpan? RetryAfter(IPAddress? address)
    {
        if (!_addresses.TryGetValue(KeyOf(address), out var record)) return null;
        var now = clock.GetUtcNow();
        lock (record) return record.ThrottledUntil > now ? record.ThrottledUntil - now : null;
    }

    public void RecordFailure(IPAddress? address)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var key = KeyOf(address);
        var record = _addresses.GetOrAdd(key, _ => new AddressRecord { WindowStart = now });
        lock (record)
        {
            if (now - record.WindowStart >= settings.Window)
            {
                record.WindowStart = now;
                record.Failures = 0;
            }
            record.Failures++;
            if (record.Failures > settings.MaxFailures && record.ThrottledUntil <= now)
            {
                record.ThrottledUntil = now + settings.Window;
                logger.LogWarning("Throttling webhook requests from {ClientAddress} for {Seconds} s after {Failures} failed key checks",
                    key, (int)settings.Window.TotalSeconds, record.Failures);
            }
        }
        if (_addresses.Count > SweepAbove) Sweep(now, settings.Window);
    }

    private void Sweep(DateTimeOffset now, TimeSpan window)
    {
        foreach (var (key, record) in _addresses)
        {
            bool stale;
            lock (record) stale = record.ThrottledUntil <= now && now - record.WindowStart >= window;
            if (stale) _addresses.TryRemove(key, out _);
        }
    }

    // An IPv4 client seen over a dual-stack socket is the same client as over IPv4.
    private static string KeyOf(IPAddress? address) =>
        address is null ? "(unknown)" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
}
