using System.Security.Claims;
using System.Security.Cryptography;
using Dashboard.Access.Rights;
using Dashboard.Access.Sessions;
using Dashboard.Admin.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Access.People;

public sealed record PersonRow(string Id, string Email, string Role, bool Disabled, DateTime CreatedAt, bool PasswordChangeDue = false);

/// <summary>The outcome of creating a person or resetting a password: the one-time password, shown once.</summary>
public sealed record OneTimePassword(string UserId, string Email, string Password);

/// <summary>
/// People as admins manage them. There is no mail server, so an invitation is a one-time password for the admin to
/// pass on, which its holder must replace at their first sign-in. Disabling a person, resetting their password or
/// signing them out everywhere ends their sessions at once; a new role holds from their next request (and on their
/// open pages within <see cref="AccessOptions.CircuitRevalidation"/>). Every change first checks that the admin
/// asking still is one, and one enabled admin always remains.
/// </summary>
public sealed class PeopleAdmin(IServiceScopeFactory scopes, ActingPerson acting, SignInSessionStore sessions, AuditLog audit, TimeProvider clock)
{
    public const string LastAdmin = "At least one enabled admin must remain: make someone else an admin first.";

    public async Task<IReadOnlyList<PersonRow>> ListAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var people = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        var rows = new List<PersonRow>();
        foreach (var person in people)
        {
            var roles = await users.GetRolesAsync(person);
            rows.Add(new PersonRow(person.Id, person.Email ?? person.UserName ?? person.Id,
                roles.Contains(Roles.Admin) ? Roles.Admin : Roles.Recruiter, person.Disabled, person.CreatedAt, person.MustChangePassword));
        }
        return rows;
    }

    public async Task<(OneTimePassword? Created, string? Problem)> CreateAsync(string email, string role, ClaimsPrincipal actor, CancellationToken ct)
    {
        await acting.EnsureAdminAsync(actor, ct);
        if (!Roles.All.Contains(role)) return (null, $"'{role}' is not a role: use Admin or Recruiter.");
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var password = NewPassword();
        var person = new DashboardUser
        {
            UserName = email, Email = email, EmailConfirmed = true, MustChangePassword = true, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(person, password);
        if (!created.Succeeded) return (null, string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRolesAsync(person, RolesFor(role));
        await audit.RecordAsync(actor, "user.created", email, $"role {role}", ct);
        return (new OneTimePassword(person.Id, email, password), null);
    }

    public Task<string?> SetRoleAsync(string userId, string role, ClaimsPrincipal actor, CancellationToken ct) =>
        ChangeAsync(userId, actor, "user.role", role, async (users, person) =>
        {
            if (!Roles.All.Contains(role)) return $"'{role}' is not a role: use Admin or Recruiter.";
            if (IsSelf(person, actor)) return "You cannot change your own role: ask another admin.";
            if (role != Roles.Admin && await IsLastEnabledAdminAsync(users, person)) return LastAdmin;
            await users.RemoveFromRolesAsync(person, await users.GetRolesAsync(person));
            await users.AddToRolesAsync(person, RolesFor(role));
            return null;
        }, ct);

    public Task<string?> SetDisabledAsync(string userId, bool disabled, ClaimsPrincipal actor, CancellationToken ct) =>
        ChangeAsync(userId, actor, disabled ? "user.disabled" : "user.enabled", null, async (users, person) =>
        {
            if (disabled && IsSelf(person, actor)) return "You cannot disable your own account.";
            if (disabled && await IsLastEnabledAdminAsync(users, person)) return LastAdmin;
            person.Disabled = disabled;
            await users.UpdateSecurityStampAsync(person);
            if (disabled) await sessions.EndAllAsync(person.Id, keepSessionId: null, ct);
            else await users.ResetAccessFailedCountAsync(person);
            return null;
        }, ct);

    public async Task<(OneTimePassword? Reset, string? Problem)> ResetPasswordAsync(string userId, ClaimsPrincipal actor, CancellationToken ct)
    {
        var password = NewPassword();
        string? email = null;
        var problem = await ChangeAsync(userId, actor, "user.password-reset", null, async (users, person) =>
        {
            if (IsSelf(person, actor)) return "Change your own password on the Your password page.";
            email = person.Email;
            var token = await users.GeneratePasswordResetTokenAsync(person);
            person.MustChangePassword = true;
            var reset = await users.ResetPasswordAsync(person, token, password);
            if (!reset.Succeeded) return string.Join(" ", reset.Errors.Select(e => e.Description));
            await sessions.EndAllAsync(person.Id, keepSessionId: null, ct);
            return null;
        }, ct);
        return problem is null ? (new OneTimePassword(userId, email ?? userId, password), null) : (null, problem);
    }

    /// <summary>Ends every session of the person on every browser and instance; their tokens are theirs to revoke.</summary>
    public Task<string?> SignOutEverywhereAsync(string userId, ClaimsPrincipal actor, CancellationToken ct) =>
        ChangeAsync(userId, actor, "user.signed-out-everywhere", null, async (_, person) =>
        {
            await sessions.EndAllAsync(person.Id, keepSessionId: null, ct);
            return null;
        }, ct);

    private async Task<string?> ChangeAsync(string userId, ClaimsPrincipal actor, string action, string? details,
        Func<UserManager<DashboardUser>, DashboardUser, Task<string?>> change, CancellationToken ct)
    {
        await acting.EnsureAdminAsync(actor, ct);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        if (await users.FindByIdAsync(userId) is not { } person) return $"There is no person {userId}.";
        var problem = await change(users, person);
        if (problem is null) await audit.RecordAsync(actor, action, person.Email, details, ct);
        return problem;
    }

    private static bool IsSelf(DashboardUser person, ClaimsPrincipal actor) => person.Id == actor.FindFirstValue(ClaimTypes.NameIdentifier);

    private static async Task<bool> IsLastEnabledAdminAsync(UserManager<DashboardUser> users, DashboardUser person) =>
        !person.Disabled && await users.IsInRoleAsync(person, Roles.Admin)
        && !(await users.GetUsersInRoleAsync(Roles.Admin)).Any(other => other.Id != person.Id && !other.Disabled);

    private static string[] RolesFor(string role) => role == Roles.Admin ? [Roles.Admin, Roles.Recruiter] : [Roles.Recruiter];

    // 15 random bytes as URL-safe text: 20 characters, well over the length rule.
    private static string NewPassword() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', '-').Replace('/', '_');
}
