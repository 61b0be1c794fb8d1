using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Dashboard.Access.Sessions;

/// <summary>
/// An open page keeps the user it was opened with for as long as its circuit lives. Every
/// <see cref="AccessOptions.CircuitRevalidation"/> this checks that user against the store: the session still exists,
/// the person is enabled, and their roles and password state are the ones the page started with. If not, the page
/// loses its user and sends the browser to sign in, which lands a person who is still signed in where their
/// current role allows.
/// </summary>
public sealed class CircuitRevalidation(ILoggerFactory loggerFactory, PersonStandings standings, AccessOptions options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => options.CircuitRevalidation;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var user = authenticationState.User;
        if (user.Identity?.IsAuthenticated != true) return true;
        if (user.FindFirstValue(AccessClaims.Session) is not { } sessionId) return false;
        if (await standings.ForSessionAsync(sessionId, cancellationToken) is not { Person.Disabled: false } live) return false;
        var rolesHeld = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return rolesHeld.SetEquals(live.Person.RoleNames)
            && live.Person.PasswordChangeDue == user.HasClaim(c => c.Type == AccessClaims.PasswordChangeDue);
    }
}
