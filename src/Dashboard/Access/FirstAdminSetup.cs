using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Access;

/// <summary>
/// The first start: with no users at all, the app asks for the first admin (or takes it from
/// <c>Dashboard:AdminEmail</c> / <c>Dashboard:AdminPassword</c>). Once anyone exists, setup is closed for good.
/// </summary>
public sealed class FirstAdminSetup(IServiceScopeFactory scopes, TimeProvider clock)
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public async Task<bool> IsNeededAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        return !await users.Users.AnyAsync(cancellationToken);
    }

    /// <summary>Creates the first admin; refuses once any user exists, so the page cannot be replayed later.</summary>
    public async Task<IdentityResult> CreateAsync(string email, string password, CancellationToken cancellationToken = default)
    {
        await OneAtATime.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
            if (await users.Users.AnyAsync(cancellationToken))
                return IdentityResult.Failed(new IdentityError { Code = "SetupClosed", Description = "An account already exists. Sign in instead." });

            await EnsureRolesAsync(scope.ServiceProvider);
            var user = new DashboardUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = clock.GetUtcNow().UtcDateTime };
            var created = await users.CreateAsync(user, password);
            return created.Succeeded ? await users.AddToRolesAsync(user, [Roles.Admin, Roles.Recruiter]) : created;
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }
    }
}
