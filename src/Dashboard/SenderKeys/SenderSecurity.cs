using System.Net;
using System.Security.Cryptography;
using System.Text;
using Dashboard.Instances;
using Dashboard.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.SenderKeys;

/// <summary>What the sender checks said about one request.</summary>
public sealed record SenderCheck(bool Allowed, int StatusCode, string? Problem, string? Signature)
{
    public static SenderCheck Pass(string? signature) => new(true, 200, null, signature);
    public static SenderCheck Refuse(int status, string problem) => new(false, status, problem, null);
}

/// <summary>A sender's settings as an admin sees them: whether each secret is set, never the secret.</summary>
public sealed record SenderSecurityView(string Provider, string? BasicUsername, bool BasicPasswordSet, string? AllowedIps, bool HmacSecretSet, bool EnforceHmac);

/// <summary>The change an admin asks for; a null secret leaves it as it is, an empty one removes it.</summary>
public sealed record SenderSecurityChange(string? BasicUsername, string? BasicPassword, string? AllowedIps, string? HmacSecret, bool EnforceHmac);

/// <summary>
/// Runs the optional sender checks after the URL key: Basic credentials and source IPs (refused with 401/403 and
/// counted as auth failures), and idibu's HMAC-SHA256 of the raw body in <c>Authorization</c> (hex or base64),
/// recorded on the delivery and enforced only when an admin switches it on, since idibu does not document it.
/// </summary>
public sealed class SenderSecurity
{
    private readonly IDbContextFactory<DashboardDbContext> factory;
    private readonly InstanceMessages instances;
    private readonly IDataProtector _protector;
    private static readonly PasswordHasher<string> Hasher = new();
    private volatile Dictionary<string, SenderSettings> _settings = [];
    private volatile bool _loaded;

    public SenderSecurity(IDbContextFactory<DashboardDbContext> factory, IDataProtectionProvider protection, InstanceMessages instances)
    {
        this.factory = factory;
        this.instances = instances;
        _protector = protection.CreateProtector("sender-hmac-secret");
        instances.On(InstanceTopic.SenderSettings, () => ReloadAsync(CancellationToken.None));
    }

    public async Task<SenderCheck> CheckAsync(string provider, HttpRequest request, ReadOnlyMemory<byte> body, CancellationToken ct)
    {
        if (!_loaded) await ReloadAsync(ct);
        if (!_settings.TryGetValue(provider, out var settings)) return SenderCheck.Pass(null);

        if (!string.IsNullOrEmpty(settings.AllowedIps) && !IpAllowed(request.HttpContext.Connection.RemoteIpAddress, settings.AllowedIps))
            return SenderCheck.Refuse(StatusCodes.Status403Forbidden, "This address may not send to this endpoint.");
        if (settings.BasicUsername is not null && !BasicMatches(request.Headers.Authorization.ToString(), settings))
            return SenderCheck.Refuse(StatusCodes.Status401Unauthorized, "HTTP Basic credentials are missing or wrong.");

        if (settings.ProtectedHmacSecret is null) return SenderCheck.Pass(null);
        var signature = SignatureOf(request.Headers.Authorization.ToString(), body.Span, _protector.Unprotect(settings.ProtectedHmacSecret));
        return settings.EnforceHmac && signature != "valid"
            ? SenderCheck.Refuse(StatusCodes.Status401Unauthorized, $"The body's signature is {signature}.")
            : SenderCheck.Pass(signature);
    }

    public async Task<SenderSecurityView> ViewAsync(string provider, CancellationToken ct)
    {
        await ReloadAsync(ct);
        var s = _settings.GetValueOrDefault(provider);
        return new SenderSecurityView(provider, s?.BasicUsername, s?.BasicPasswordHash is not null, s?.AllowedIps, s?.ProtectedHmacSecret is not null, s?.EnforceHmac ?? false);
    }

    public async Task<string?> SaveAsync(string provider, SenderSecurityChange change, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(change.AllowedIps) && change.AllowedIps.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .FirstOrDefault(entry => !IPNetwork.TryParse(entry.Contains('/') ? entry : $"{entry}/{(entry.Contains(':') ? 128 : 32)}", out _)) is { } bad)
            return $"'{bad}' is not an IP address or range.";

        await using var db = await factory.CreateDbContextAsync(ct);
        var settings = await db.Set<SenderSettings>().FindAsync([provider], ct);
        if (settings is null) db.Add(settings = new SenderSettings { Provider = provider });
        settings.BasicUsername = string.IsNullOrWhiteSpace(change.BasicUsername) ? null : change.BasicUsername.Trim();
        if (change.BasicPassword is not null)
            settings.BasicPasswordHash = change.BasicPassword.Length == 0 ? null : Hasher.HashPassword(provider, change.BasicPassword);
        if (settings.BasicUsername is not null && settings.BasicPasswordHash is null) return "Basic credentials need a password.";
        settings.AllowedIps = string.IsNullOrWhiteSpace(change.AllowedIps) ? null : change.AllowedIps.Trim();
        if (change.HmacSecret is not null) settings.ProtectedHmacSecret = change.HmacSecret.Length == 0 ? null : _protector.Protect(change.HmacSecret);
        settings.EnforceHmac = change.EnforceHmac && settings.ProtectedHmacSecret is not null;
        await db.SaveChangesAsync(ct);
        await ReloadAsync(ct);
        instances.Announce(InstanceTopic.SenderSettings);
        return null;
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        _settings = await db.Set<SenderSettings>().AsNoTracking().ToDictionaryAsync(s => s.Provider, ct);
        _loaded = true;
    }

    private static bool BasicMatches(string header, SenderSettings settings)
    {
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return false;
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }
        var colon = decoded.IndexOf(':');
        if (colon < 0) return false;
        var userMatches = CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(decoded[..colon])), SHA256.HashData(Encoding.UTF8.GetBytes(settings.BasicUsername!)));
        var passwordMatches = Hasher.VerifyHashedPassword(settings.Provider, settings.BasicPasswordHash!, decoded[(colon + 1)..])
            != PasswordVerificationResult.Failed;
        return userMatches & passwordMatches;
    }

    private static bool IpAllowed(IPAddress? address, string allowList)
    {
        if (address is null) return false;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        foreach (var entry in allowList.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var range = entry.Contains('/') ? entry : $"{entry}/{(entry.Contains(':') ? 128 : 32)}";
            if (IPNetwork.TryParse(range, out var network) && network.Contains(address)) return true;
        }
        return false;
    }

    /// <summary>"valid", "invalid" or "missing": HMAC-SHA256 of the raw body with the secret, hex or base64, any prefix.</summary>
    public static string SignatureOf(string header, ReadOnlySpan<byte> body, string secret)
    {
        if (string.IsNullOrWhiteSpace(header)) return "missing";
        var presented = header.Trim();
        var space = presented.LastIndexOf(' ');
        if (space >= 0) presented = presented[(space + 1)..];
        if (presented.StartsWith("sha256=", StringComparison.OrdinalIgnoreCase)) presented = presented[7..];

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        var hex = Encoding.ASCII.GetBytes(Convert.ToHexStringLower(expected));
        var base64 = Encoding.ASCII.GetBytes(Convert.ToBase64String(expected));
        var given = Encoding.ASCII.GetBytes(presented.ToLowerInvariant());
        var givenRaw = Encoding.ASCII.GetBytes(presented);
        return CryptographicOperations.FixedTimeEquals(given, hex) || CryptographicOperations.FixedTimeEquals(givenRaw, base64) ? "valid" : "invalid";
    }
}
