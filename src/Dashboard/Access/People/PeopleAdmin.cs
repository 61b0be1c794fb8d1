using System.Security.Claims;
using System.Security.Cryptography;
using Dashboard.Admin.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Access.People;

public sealed record PersonRow(string Id, string Email, string Role, bool Disabled, DateTime CreatedAt);

/// <summary>The outcome of creating a person or resetting a password: the one-time password, shown once.</summary>
public sealed record OneTimePassword(string UserId, string Email, string Password);

/// <summary>
/// People as admins manage them. There is no mail server, so an invitation is a one-time password for the admin to
/// pass on; a disabled account is locked out indefinitely and its sessions end at the next security-stamp check.
/// </summary>
public sealed class PeopleAdmin(IServiceScopeFactory scopes, AuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<PersonRow>> ListAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var now = clock.GetUtcNow();
        var people = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        var rows = new List<PersonRow>();
        foreach (var person in people)
        {
            var roles = await users.GetRolesAsync(person);
            rows.Add(new PersonRow(person.Id, person.Email ?? person.UserName ?? person.Id,
                roles.Contains(Roles.Admin) ? Roles.Admin : Roles.Recruiter, person.LockoutEnd > now.AddYears(50), person.CreatedAt));
        }
        return rows;
    }

    public async Task<(OneTimePassword? Created, string? Problem)> CreateAsync(string email, string role, ClaimsPrincipal actor, CancellationToken ct)
    {
        if (!Roles.All.Contains(role)) return (null, $"'{role}' is not a role: use Admin or Recruiter.");
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var password = NewPassword();
        var person = new DashboardUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = clock.GetUtcNow().UtcDateTime };
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
            await users.RemoveFromRolesAsync(person, await users.GetRolesAsync(person));
            await users.AddToRolesAsync(person, RolesFor(role));
            await users.UpdateSecurityStampAsync(person);
            return null;
        }, ct);

    public Task<string?> SetDisabledAsync(string userId, bool disabled, ClaimsPrincipal actor, CancellationToken ct) =>
        ChangeAsync(userId, actor, disabled ? "user.disabled" : "user.enabled", null, async (users, person) =>
        {
            if (disabled && person.Id == actor.FindFirstValue(ClaimTypes.NameIdentifier)) return "You cannot disable your own account.";
            await users.SetLockoutEnabledAsync(person, true);
            await users.SetLockoutEndDateAsync(person, disabled ? DateTimeOffset.MaxValue : null);
            await users.UpdateSecurityStampAsync(person);
            return null;
        }, ct);

    public async Task<(OneTimePassword? Reset, string? Problem)> ResetPasswordAsync(string userId, ClaimsPrincipal actor, CancellationToken ct)
    {
        var password = NewPassword();
        string? email = null;
        var problem = await ChangeAsync(userId, actor, "user.password-reset", null, async (users, person) =>
        {
            email = person.Email;
            var token = await users.GeneratePasswordResetTokenAsync(person);
            var reset = await users.ResetPasswordAsync(person, token, password);
            return reset.Succeeded ? null : string.Join(" ", reset.Errors.Select(e => e.Description));
        }, ct);
        return problem is null ? (new OneTimePassword(userId, email ?? userId, password), null) : (null, problem);
    }

    private async Task<string?> ChangeAsync(string userId, ClaimsPrincipal actor, string action, string? details,
        Func<UserManager<DashboardUser>, DashboardUser, Task<string?>> change, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        if (await users.FindByIdAsync(userId) is not { } person) return $"There is no person {userId}.";
        var problem = await change(users, person);
        if (problem is null) await audit.RecordAsync(actor, action, person.Email, details, ct);
        return problem;
    }

    private static string[] RolesFor(string role) => role == Roles.Admin ? [Roles.Admin, Roles.Recruiter] : [Roles.Recruiter];

    // 15 random bytes as URL-safe text: 20 characters, well over the length rule.
    private static string NewPassword() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', '-').Replace('/', '_');
}
