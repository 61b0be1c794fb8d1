using System.Security.Claims;
using Dashboard.Access.Rights;
using Dashboard.Access.Sessions;
using Dashboard.Admin.Audit;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Access.SignIn;

/// <summary>
/// What a signed-in person does to their own account: choose a new password (which keeps this sign-in and ends the
/// others, and is how a one-time password from an admin is replaced), and sign out everywhere. Both need the
/// dashboard sign-in itself: a token may not change the password of the account it stands for.
/// </summary>
public sealed class OwnAccount(SignInManager<DashboardUser> signIn, SignInSessionStore sessions, AuditLog audit)
{
    /// <summary>Returns null when changed, else what to tell the person.</summary>
    public async Task<string?> ChangePasswordAsync(ClaimsPrincipal person, string currentPassword, string newPassword, CancellationToken ct)
    {
        var users = signIn.UserManager;
        if (person.FindFirstValue(AccessClaims.Session) is not { } sessionId || await users.GetUserAsync(person) is not { Disabled: false } user)
            return ActingPerson.NotSignedIn;
        // Guessing the current password here is guessing a password: it counts towards the same lockout as signing in.
        if (await users.IsLockedOutAsync(user)) return "Too many wrong passwords: try again in 15 minutes.";
        if (!await users.CheckPasswordAsync(user, currentPassword))
        {
            await users.AccessFailedAsync(user);
            return "The current password is not right.";
        }
        if (currentPassword == newPassword) return "Choose a password different from the current one.";

        var changed = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!changed.Succeeded) return string.Join(" ", changed.Errors.Select(e => e.Description));
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await users.ResetAccessFailedCountAsync(user);
        await sessions.EndAllAsync(user.Id, keepSessionId: sessionId, ct);
        // The new security stamp goes into this sign-in, or the stamp check would end it too.
        await signIn.RefreshSignInAsync(user);
        await audit.RecordAsync(person, "user.password-changed", user.Email, null, ct);
        return null;
    }

    /// <summary>Ends every session of the person, this one included.</summary>
    public async Task SignOutEverywhereAsync(ClaimsPrincipal person, CancellationToken ct)
    {
        if (person.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId || !person.HasClaim(c => c.Type == AccessClaims.Session)) return;
        await sessions.EndAllAsync(userId, keepSessionId: null, ct);
        await signIn.SignOutAsync();
        await audit.RecordAsync(person, "user.signed-out-everywhere", person.Identity?.Name, "by themselves", ct);
    }
}
