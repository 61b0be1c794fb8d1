using System.Security.Claims;
using Dashboard.Access.Rights;
using Dashboard.Access.Sessions;
using Dashboard.Admin.Audit;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Access.Tokens;

public sealed record TokenRow(int Id, string Name, string Hint, DateTime CreatedAt, DateTime? LastUsedAt, bool Revoked);

public sealed record IssuedToken(int Id, string Name, string Token);

/// <summary>
/// Personal API tokens: created (shown once), listed by hint, revoked; and recognised on requests. A token is made
/// by a person signed in to the dashboard, never by another token, so no token can outlive the person's hold on
/// their account by minting successors. It acts with its owner's roles as they are at each request, and stops
/// when its owner is disabled; a lockout after wrong passwords does not touch it.
/// </summary>
public sealed class PersonalTokens(
    IDbContextFactory<DashboardDbContext> factory, PersonStandings standings, ActingPerson acting, AuditLog audit, TimeProvider clock)
{
    public const string Prefix = "dbt_";
    public const int MaxNameLength = 128;

    /// <summary>What is wrong with a token's name, or null: a name says what the token is for, so it can be revoked knowingly.</summary>
    public static string? NameProblem(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "A token needs a name: say what it is for."
        : name.Trim().Length > MaxNameLength ? $"A token's name has at most {MaxNameLength} characters."
        : null;

    public async Task<IReadOnlyList<TokenRow>> ListAsync(string userId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Set<PersonalToken>().AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.Id)
            .Select(t => new TokenRow(t.Id, t.Name, t.Hint, t.CreatedAt, t.LastUsedAt, t.RevokedAt != null)).ToListAsync(ct);
    }

    /// <summary>Issues a token for <paramref name="owner"/>, who must be signed in by cookie now (see <see cref="ActingPerson"/>).</summary>
    public async Task<IssuedToken> CreateAsync(ClaimsPrincipal owner, string name, CancellationToken ct)
    {
        if (NameProblem(name) is { } problem) throw new ArgumentException(problem, nameof(name));
        await acting.EnsureSignedInAsync(owner, ct);
        var userId = owner.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var text = TokenText.New(Prefix);
        await using var db = await factory.CreateDbContextAsync(ct);
        var token = new PersonalToken
        {
            UserId = userId, Name = name.Trim(),
            Hash = TokenText.Hash(text), Hint = TokenText.Hint(text), CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(token);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(owner, "token.created", token.Name, $"token {token.Hint}", ct);
        return new IssuedToken(token.Id, token.Name, text);
    }

    public async Task<bool> RevokeAsync(ClaimsPrincipal owner, int id, CancellationToken ct)
    {
        var userId = owner.FindFirstValue(ClaimTypes.NameIdentifier);
        await using var db = await factory.CreateDbContextAsync(ct);
        var revoked = await db.Set<PersonalToken>().Where(t => t.Id == id && t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, clock.GetUtcNow().UtcDateTime), ct);
        if (revoked > 0) await audit.RecordAsync(owner, "token.revoked", $"#{id}", null, ct);
        return revoked > 0;
    }

    /// <summary>The owner as a principal with their current roles, or null for an unknown, revoked or disabled token.</summary>
    public async Task<ClaimsPrincipal?> AuthenticateAsync(string text, string scheme, CancellationToken ct)
    {
        if (!text.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var hash = TokenText.Hash(text);
        await using var db = await factory.CreateDbContextAsync(ct);
        var token = await db.Set<PersonalToken>().FirstOrDefaultAsync(t => t.Hash == hash && t.RevokedAt == null, ct);
        if (token is null) return null;

        if (await standings.ForPersonAsync(token.UserId, ct) is not { Disabled: false } person) return null;

        var now = clock.GetUtcNow().UtcDateTime;
        if (TokenText.UseWorthRecording(token.LastUsedAt, now))
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(ct);
        }
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, person.UserId), new(ClaimTypes.Name, person.UserName) };
        claims.AddRange(person.RoleNames.Select(role => new Claim(ClaimTypes.Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }
}
