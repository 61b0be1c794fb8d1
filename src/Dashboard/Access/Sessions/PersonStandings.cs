using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Access.Sessions;

/// <summary>A person as the store has them at this moment: what every request and every admin action goes by.</summary>
public sealed record PersonStanding(string UserId, string UserName, bool Disabled, bool PasswordChangeDue, IReadOnlyList<string> RoleNames)
{
    public bool IsEnabledAdmin => !Disabled && RoleNames.Contains(Roles.Admin);
}

/// <summary>A live session with its person's current standing and the ticket it was signed in with.</summary>
public sealed record LiveSession(string Id, byte[] Ticket, PersonStanding Person);

/// <summary>
/// Reads a person's current standing in one round trip by primary keys, so it can run on every request instead of
/// trusting what a cookie or a page remembered. No cache: several instances share the store, and a change made on one
/// must hold on the others at the next request.
/// </summary>
public sealed class PersonStandings(IDbContextFactory<DashboardDbContext> factory, TimeProvider clock)
{
    /// <summary>The session and its person, or null when the session ended, expired, or its person is gone.</summary>
    public async Task<LiveSession?> ForSessionAsync(string sessionId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await (
                from session in db.Set<SignInSession>().AsNoTracking()
                join user in db.Users.AsNoTracking() on session.UserId equals user.Id
                where session.Id == sessionId && session.ExpiresAt > now
                select new
                {
                    session.Ticket, user.Id, UserName = user.UserName ?? user.Id, user.Disabled, user.MustChangePassword,
                    Roles = db.UserRoles.Where(link => link.UserId == user.Id)
                        .Join(db.Roles, link => link.RoleId, role => role.Id, (_, role) => role.Name!).ToList(),
                })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : new LiveSession(sessionId, row.Ticket, new PersonStanding(row.Id, row.UserName, row.Disabled, row.MustChangePassword, row.Roles));
    }

    /// <summary>The person, or null when there is no such person.</summary>
    public async Task<PersonStanding?> ForPersonAsync(string userId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await db.Users.AsNoTracking().Where(user => user.Id == userId)
            .Select(user => new
            {
                user.Id, UserName = user.UserName ?? user.Id, user.Disabled, user.MustChangePassword,
                Roles = db.UserRoles.Where(link => link.UserId == user.Id)
                    .Join(db.Roles, link => link.RoleId, role => role.Id, (_, role) => role.Name!).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : new PersonStanding(row.Id, row.UserName, row.Disabled, row.MustChangePassword, row.Roles);
    }
}
