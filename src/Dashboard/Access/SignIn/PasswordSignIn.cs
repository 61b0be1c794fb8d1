using Microsoft.AspNetCore.Identity;

namespace Dashboard.Access.SignIn;

public enum SignInOutcome
{
    SignedIn,

    /// <summary>Signed in with a password an admin set: the person must choose their own before anything else.</summary>
    PasswordChangeDue,

    /// <summary>Unknown email, wrong password, locked or disabled: one answer for all, so nobody learns which.</summary>
    Refused,
}

/// <summary>
/// Signing in with email and password. Every failure gets the same answer and costs about the same time (an unknown
/// email, a locked or a disabled account still has a password hashed), so the sign-in page cannot be used to find out
/// who has an account, or whether a lockout someone else caused has hit.
/// </summary>
public sealed class PasswordSignIn(SignInManager<DashboardUser> signIn)
{
    public const string Refusal =
        "Those details do not open an account here. After 5 wrong passwords an account waits 15 minutes; an admin can help.";

    private static readonly Lazy<string> StandInHash = new(() => new PasswordHasher<DashboardUser>().HashPassword(new DashboardUser(), Guid.NewGuid().ToString()));

    public async Task<SignInOutcome> SignInAsync(string email, string password)
    {
        // A browser still holding a live session would have this sign-in stored under that session's key; it must sign out first.
        if (signIn.Context.User.HasClaim(c => c.Type == AccessClaims.Session)) return SignInOutcome.Refused;

        var person = await signIn.UserManager.FindByNameAsync(email.Trim());
        if (person is null)
        {
            SpendAPasswordCheck(password);
            return SignInOutcome.Refused;
        }
        var result = await signIn.PasswordSignInAsync(person, password, isPersistent: true, lockoutOnFailure: true);
        if (result.Succeeded) return person.MustChangePassword ? SignInOutcome.PasswordChangeDue : SignInOutcome.SignedIn;
        // Identity answers a locked or disabled account before it looks at the password: spend the same time anyway.
        if (result.IsLockedOut || result.IsNotAllowed) SpendAPasswordCheck(password);
        return SignInOutcome.Refused;
    }

    private void SpendAPasswordCheck(string password) =>
        signIn.UserManager.PasswordHasher.VerifyHashedPassword(new DashboardUser(), StandInHash.Value, password);
}
