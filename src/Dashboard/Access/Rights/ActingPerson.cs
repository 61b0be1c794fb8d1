using System.Security.Claims;
using Dashboard.Access.Sessions;

namespace Dashboard.Access.Rights;

/// <summary>An action refused because of who is asking, checked when it runs; nothing was changed.</summary>
public sealed class RefusedActionException(string message) : Exception(message);

/// <summary>
/// Checks the person behind an action against the store at the moment it runs, not when their page opened or their
/// cookie was issued: an open page or a held token must not outlive a demotion, a disabled account or a sign-out.
/// Every service that changes something for an admin calls <see cref="EnsureAdminAsync"/> before it writes.
/// </summary>
public sealed class ActingPerson(PersonStandings standings, ILogger<ActingPerson> logger)
{
    public const string NoLongerAdmin =
        "Not done: your account is no longer an enabled admin, or your sign-in has ended. Nothing was changed.";
    public const string NotSignedIn = "Not done: your account is disabled or your sign-in has ended. Nothing was changed.";
    public const string TokensComeFromPeople = "Tokens are created by a person signed in to the dashboard, not by another token.";

    /// <summary>Throws unless <paramref name="actor"/> is an enabled admin now; the configuration's own token always is.</summary>
    public async Task EnsureAdminAsync(ClaimsPrincipal actor, CancellationToken ct)
    {
        if (await IsEnabledAdminAsync(actor, ct)) return;
        logger.LogWarning("Refused an admin action: person {UserId} is not an enabled admin with a live sign-in now", UserIdOf(actor));
        throw new RefusedActionException(NoLongerAdmin);
    }

    /// <summary>
    /// Whether <paramref name="actor"/> is an enabled admin with a live sign-in now, for what only admins may see or
    /// change beside what everyone may (the deliveries behind a candidate, someone else's shared view).
    /// </summary>
    public async Task<bool> IsEnabledAdminAsync(ClaimsPrincipal actor, CancellationToken ct) =>
        actor.HasClaim(c => c.Type == AccessClaims.Operator) || await StandingOfAsync(actor, ct) is { IsEnabledAdmin: true };

    /// <summary>The enabled person behind <paramref name="actor"/> now; throws when there is none or their sign-in ended.</summary>
    public async Task<PersonStanding> EnsurePersonAsync(ClaimsPrincipal actor, CancellationToken ct) =>
        await StandingOfAsync(actor, ct) is { Disabled: false } person ? person : throw new RefusedActionException(NotSignedIn);

    /// <summary>Throws unless <paramref name="actor"/> is an enabled person signed in by cookie (not a token) now.</summary>
    public async Task EnsureSignedInAsync(ClaimsPrincipal actor, CancellationToken ct)
    {
        if (!actor.HasClaim(c => c.Type == AccessClaims.Session)) throw new RefusedActionException(TokensComeFromPeople);
        if (await StandingOfAsync(actor, ct) is { Disabled: false }) return;
        throw new RefusedActionException(NotSignedIn);
    }

    /// <summary>
    /// By cookie or page: the live session's person (null once the session ended). By personal token: the token's
    /// person, whose token authentication has already checked it is live.
    /// </summary>
    private async Task<PersonStanding?> StandingOfAsync(ClaimsPrincipal actor, CancellationToken ct)
    {
        if (UserIdOf(actor) is not { } userId) return null;
        if (actor.FindFirstValue(AccessClaims.Session) is { } sessionId)
            return await standings.ForSessionAsync(sessionId, ct) is { } live && live.Person.UserId == userId ? live.Person : null;
        return await standings.ForPersonAsync(userId, ct);
    }

    private static string? UserIdOf(ClaimsPrincipal actor) => actor.FindFirstValue(ClaimTypes.NameIdentifier);
}
