using System.Security.Claims;
using System.Text;
using Dashboard.Access.Rights;
using Dashboard.Access.Tokens;
using Dashboard.Admin.Audit;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Kiosk;

public sealed record KioskScreenRow(
    int Id, string Name, string Pages, int Seconds, string Hint, string CreatedBy, DateTime CreatedAt, DateTime? LastUsedAt, bool Revoked);

/// <summary>A new wall screen with its address, which holds its token: shown once, like any token.</summary>
public sealed record IssuedKiosk(int Id, string Name, string Key, string Address);

/// <summary>What an open wall screen may show, as its token says right now.</summary>
public sealed record KioskPass(int Id, string Name, KioskPlan Plan);

/// <summary>
/// Wall screens: admins set them up (the token shown once, stored as a hash, revocable, listed with its last use) and
/// a screen's address opens its pages, and nothing else, without anyone signing in. The token is no sign-in: no
/// authentication scheme accepts it, so it reaches neither the API, nor the console, nor any other page.
/// </summary>
public sealed class KioskScreens(IDbContextFactory<DashboardDbContext> factory, ActingPerson acting, AuditLog audit, TimeProvider clock)
{
    public const string Prefix = "dbk_";
    public const int MaxNameLength = 128;

    public static string? NameProblem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "A wall screen needs a name: say where it hangs.";
        var trimmed = name.Trim();
        if (trimmed.Length > MaxNameLength) return $"A wall screen's name has at most {MaxNameLength} characters.";
        return trimmed.EnumerateRunes().Any(Rune.IsControl) ? "A wall screen's name is one line of text." : null;
    }

    public static string PathOf(string key) => $"/kiosk/{key}";

    public async Task<IReadOnlyList<KioskScreenRow>> ListAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Set<KioskScreen>().AsNoTracking().OrderByDescending(k => k.Id)
            .Select(k => new KioskScreenRow(k.Id, k.Name, k.Pages, k.Seconds, k.Hint, k.CreatedBy, k.CreatedAt, k.LastUsedAt, k.RevokedAt != null))
            .ToListAsync(ct);
    }

    /// <summary>Sets up a wall screen; an enabled admin only, checked now.</summary>
    public async Task<IssuedKiosk> CreateAsync(ClaimsPrincipal actor, string name, KioskPlan plan, CancellationToken ct)
    {
        if (NameProblem(name) is { } problem) throw new ArgumentException(problem, nameof(name));
        await acting.EnsureAdminAsync(actor, ct);
        var key = TokenText.New(Prefix);
        await using var db = await factory.CreateDbContextAsync(ct);
        var screen = new KioskScreen
        {
            Name = name.Trim(), Pages = plan.PageNames, Seconds = plan.Seconds, Hash = TokenText.Hash(key), Hint = TokenText.Hint(key),
            CreatedBy = AuditLog.ActorOf(actor), CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(screen);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor, "kiosk.created", screen.Name, $"pages {screen.Pages}, every {screen.Seconds} s, token {screen.Hint}", ct);
        return new IssuedKiosk(screen.Id, screen.Name, key, PathOf(key));
    }

    /// <summary>Revokes a screen's token at once: an open screen stops at its next turn.</summary>
    public async Task<bool> RevokeAsync(ClaimsPrincipal actor, int id, CancellationToken ct)
    {
        await acting.EnsureAdminAsync(actor, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var revoked = await db.Set<KioskScreen>().Where(k => k.Id == id && k.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(k => k.RevokedAt, clock.GetUtcNow().UtcDateTime), ct);
        if (revoked > 0) await audit.RecordAsync(actor, "kiosk.revoked", $"#{id}", null, ct);
        return revoked > 0;
    }

    /// <summary>The screen <paramref name="key"/> opens, or null for an unknown or revoked one; notes its use.</summary>
    public async Task<KioskPass?> OpenAsync(string? key, CancellationToken ct)
    {
        if (key is null || !key.StartsWith(Prefix, StringComparison.Ordinal) || key.Length > 512) return null;
        var hash = TokenText.Hash(key);
        await using var db = await factory.CreateDbContextAsync(ct);
        var screen = await db.Set<KioskScreen>().FirstOrDefaultAsync(k => k.Hash == hash && k.RevokedAt == null, ct);
        if (screen is null) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        if (TokenText.UseWorthRecording(screen.LastUsedAt, now))
        {
            screen.LastUsedAt = now;
            await db.SaveChangesAsync(ct);
        }
        // Pages saved by an older version that no longer exist are left out rather than refusing the screen.
        var pages = screen.Pages.Split(',').Select(Analytics.Pages.DashboardPages.ByName).OfType<Analytics.Pages.DashboardPage>().ToList();
        return new KioskPass(screen.Id, screen.Name, new KioskPlan(pages.Count > 0 ? pages : Analytics.Pages.DashboardPages.All, screen.Seconds));
    }
}
