using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Dashboard.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Access.Sessions;

/// <summary>
/// Keeps sign-ins in the store (<see cref="SignInSession"/>) so the cookie carries only a key. Every request with a
/// cookie comes here: a session that was ended, or whose person was disabled, is refused, and the person's roles are
/// read from the store instead of the ticket, so a changed role holds from the next request on, on every instance.
/// </summary>
public sealed class SignInSessionStore(
    IDbContextFactory<DashboardDbContext> factory, PersonStandings standings, IDataProtectionProvider protection, TimeProvider clock,
    ILogger<SignInSessionStore> logger) : ITicketStore
{
    private static readonly TimeSpan FallbackLifetime = TimeSpan.FromHours(12);
    private readonly IDataProtector _protector = protection.CreateProtector("Dashboard.Access.SignInSessions");

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        var userId = UserIdOf(ticket) ?? throw new InvalidOperationException("A sign-in without a person cannot become a session.");
        var key = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.Add(new SignInSession { Id = IdOf(key), UserId = userId, Ticket = Protect(ticket), CreatedAt = now, ExpiresAt = ExpiryOf(ticket, now) });
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    public async Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        var id = IdOf(key);
        var userId = UserIdOf(ticket);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var renewed = await db.Set<SignInSession>().Where(s => s.Id == id && s.UserId == userId).ExecuteUpdateAsync(set => set
            .SetProperty(s => s.Ticket, Protect(ticket))
            .SetProperty(s => s.ExpiresAt, ExpiryOf(ticket, now)), cancellationToken);
        // A session is one person's: a ticket for someone else under the same key ends it rather than passing it on.
        if (renewed == 0) await db.Set<SignInSession>().Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken)
    {
        if (await standings.ForSessionAsync(IdOf(key), cancellationToken) is not { Person.Disabled: false } live) return null;
        AuthenticationTicket? stored;
        try
        {
            stored = TicketSerializer.Default.Deserialize(_protector.Unprotect(live.Ticket));
        }
        catch (CryptographicException)
        {
            // The key ring that protected it is gone (a restore without its keys): the person signs in again.
            return null;
        }
        return stored is not null && UserIdOf(stored) == live.Person.UserId ? WithCurrentStanding(stored, live) : null;
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        var id = IdOf(key);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Set<SignInSession>().Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Ends every session of a person (but <paramref name="keepSessionId"/>, when given); returns how many.</summary>
    public async Task<int> EndAllAsync(string userId, string? keepSessionId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var ended = await db.Set<SignInSession>().Where(s => s.UserId == userId && s.Id != keepSessionId).ExecuteDeleteAsync(ct);
        if (ended > 0) logger.LogInformation("Ended {Sessions} sign-in session(s) of person {UserId}", ended, userId);
        return ended;
    }

    /// <summary>Deletes sessions past their expiry; a cookie that outlived its session is refused anyway.</summary>
    public async Task<int> RemoveExpiredAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Set<SignInSession>().Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(ct);
    }

    /// <summary>The id a session is stored under: the hash of the key its cookie holds.</summary>
    public static string IdOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static AuthenticationTicket WithCurrentStanding(AuthenticationTicket stored, LiveSession live)
    {
        var original = (ClaimsIdentity)stored.Principal.Identity!;
        var identity = new ClaimsIdentity(
            original.Claims.Where(c => c.Type != original.RoleClaimType && c.Type != AccessClaims.Session && c.Type != AccessClaims.PasswordChangeDue),
            original.AuthenticationType, original.NameClaimType, original.RoleClaimType);
        identity.AddClaims(live.Person.RoleNames.Select(role => new Claim(original.RoleClaimType, role)));
        identity.AddClaim(new Claim(AccessClaims.Session, live.Id));
        if (live.Person.PasswordChangeDue) identity.AddClaim(new Claim(AccessClaims.PasswordChangeDue, "true"));
        return new AuthenticationTicket(new ClaimsPrincipal(identity), stored.Properties, stored.AuthenticationScheme);
    }

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private static string? UserIdOf(AuthenticationTicket ticket) => ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier);

    private static DateTime ExpiryOf(AuthenticationTicket ticket, DateTime now) =>
        ticket.Properties.ExpiresUtc?.UtcDateTime ?? now + FallbackLifetime;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
