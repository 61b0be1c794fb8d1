using System.Security.Claims;
using System.Text;
using Dashboard.Access;
using Dashboard.Access.Rights;
using Dashboard.Admin.Audit;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.SavedViews;

/// <summary>A saved view as one person sees it: what it opens, whose it is, and whether they may change it.</summary>
public sealed record SavedViewRow(
    int Id, string Name, string Page, string PageTitle, string Query, string Href, bool Shared, string Owner, bool Own, bool MayChange,
    DateTime UpdatedAt);

/// <summary>
/// Saved views: saved by a person for themselves or shared with everyone, listed, opened, renamed, shared and
/// deleted. Every change checks, when it runs, who is asking as the store has them now (<see cref="SavedViewRights"/>),
/// so a button a page still shows, or a direct call, changes nothing it may not. Someone else's view that is not
/// shared is answered as if it did not exist.
/// </summary>
public sealed class SavedViewLibrary(
    IDbContextFactory<DashboardDbContext> factory, ActingPerson acting, SavedViewChanges changes, AuditLog audit, TimeProvider clock)
{
    public const int MaxNameLength = 100;
    public const int MaxViewsPerPerson = 200;
    public const string NoSuchView = "There is no such view.";
    public const string NotYours =
        "Not done: only the person who saved this view, or an admin once it is shared, may change it. Nothing was changed.";
    public const string ViewsArePeoples = "Views belong to people: sign in, or use a personal token, to save one.";

    /// <summary>What is wrong with a view's name, or null. A name is the person's own text, shown as text wherever it appears.</summary>
    public static string? NameProblem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "A view needs a name.";
        var trimmed = name.Trim();
        if (trimmed.Length > MaxNameLength) return $"A view's name has at most {MaxNameLength} characters.";
        return trimmed.EnumerateRunes().Any(Rune.IsControl) ? "A view's name is one line of text, without control characters." : null;
    }

    /// <summary>The viewer's own views and everyone's shared ones, by name.</summary>
    public async Task<IReadOnlyList<SavedViewRow>> ListAsync(ClaimsPrincipal viewer, CancellationToken ct)
    {
        var personId = PersonIdOf(viewer);
        if (personId is null && !viewer.HasClaim(c => c.Type == AccessClaims.Operator)) return [];
        var isAdmin = await acting.IsEnabledAdminAsync(viewer, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var views = await db.Set<SavedView>().AsNoTracking()
            .Where(v => v.Shared || v.OwnerId == personId)
            .Join(db.Users, v => v.OwnerId, u => u.Id, (v, u) => new { View = v, Owner = u.UserName ?? u.Id })
            .ToListAsync(ct);
        return views
            .Select(v => RowOf(v.View, v.Owner, personId, isAdmin))
            .OrderBy(v => v.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(v => v.Id)
            .ToList();
    }

    /// <summary>Saves the view of a dashboard page for <paramref name="owner"/>; returns it, or what is wrong.</summary>
    public async Task<(SavedViewRow? Saved, string? Problem)> SaveAsync(
        ClaimsPrincipal owner, string name, SavedViewAddress address, bool shared, CancellationToken ct)
    {
        if (NameProblem(name) is { } problem) return (null, problem);
        if (address.Query.Length > SavedViewAddress.MaxQueryLength) return (null, "These filters are too long to save.");
        if (owner.HasClaim(c => c.Type == AccessClaims.Operator)) throw new RefusedActionException(ViewsArePeoples);
        var person = await acting.EnsurePersonAsync(owner, ct);

        await using var db = await factory.CreateDbContextAsync(ct);
        if (await db.Set<SavedView>().CountAsync(v => v.OwnerId == person.UserId, ct) >= MaxViewsPerPerson)
            return (null, $"You have {MaxViewsPerPerson} saved views already: delete some first.");
        var now = clock.GetUtcNow().UtcDateTime;
        var view = new SavedView
        {
            OwnerId = person.UserId, Name = name.Trim(), Page = address.Page.Path, Query = address.Query, Shared = shared,
            CreatedAt = now, UpdatedAt = now,
        };
        db.Add(view);
        await db.SaveChangesAsync(ct);
        if (shared) await audit.RecordAsync(owner, "view.shared", view.Name, address.Href, ct);
        changes.Publish();
        return (RowOf(view, person.UserName, person.UserId, person.IsEnabledAdmin), null);
    }

    /// <summary>Renames a view; null when done, else why not. Refused (403) for a view the actor may not change.</summary>
    public Task<string?> RenameAsync(ClaimsPrincipal actor, int id, string name, CancellationToken ct) =>
        NameProblem(name) is { } problem
            ? Task.FromResult<string?>(problem)
            : ChangeAsync(actor, id, "view.renamed", view =>
            {
                var before = view.Name;
                view.Name = name.Trim();
                return $"was {before}";
            }, ct);

    /// <summary>Shares a view with everyone, or keeps it to its owner again.</summary>
    public Task<string?> ShareAsync(ClaimsPrincipal actor, int id, bool shared, CancellationToken ct) =>
        ChangeAsync(actor, id, shared ? "view.shared" : "view.unshared", view =>
        {
            view.Shared = shared;
            return null;
        }, ct);

    public Task<string?> DeleteAsync(ClaimsPrincipal actor, int id, CancellationToken ct) =>
        ChangeAsync(actor, id, "view.deleted", _ => null, ct, delete: true);

    private async Task<string?> ChangeAsync(
        ClaimsPrincipal actor, int id, string action, Func<SavedView, string?> change, CancellationToken ct, bool delete = false)
    {
        var personId = PersonIdOf(actor);
        await using var db = await factory.CreateDbContextAsync(ct);
        var view = await db.Set<SavedView>().FirstOrDefaultAsync(v => v.Id == id, ct);
        if (view is null || !SavedViewRights.MaySee(view, personId)) return NoSuchView;
        var own = view.OwnerId == personId;
        // Standing as it is now: a demoted admin's open page, or a disabled person's token, changes nothing.
        if (own) await acting.EnsurePersonAsync(actor, ct);
        if (!SavedViewRights.MayChange(view, personId, isAdmin: !own && await acting.IsEnabledAdminAsync(actor, ct)))
            throw new RefusedActionException(NotYours);

        var wasShared = view.Shared;
        var details = change(view);
        if (delete) db.Remove(view);
        else view.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        // Everyone's navigation lists a shared view, so what happens to one is on record; a private one is its owner's affair.
        if (wasShared || view.Shared) await audit.RecordAsync(actor, action, view.Name, own ? details : $"{details} (someone else's view)".Trim(), ct);
        changes.Publish();
        return null;
    }

    private static SavedViewRow RowOf(SavedView view, string owner, string? personId, bool isAdmin)
    {
        var address = SavedViewAddress.Stored(view.Page, view.Query);
        return new SavedViewRow(view.Id, view.Name, address.Page.Path, address.Page.Title, address.Query, address.Href, view.Shared, owner,
            view.OwnerId == personId, SavedViewRights.MayChange(view, personId, isAdmin), view.UpdatedAt);
    }

    private static string? PersonIdOf(ClaimsPrincipal actor) =>
        actor.HasClaim(c => c.Type == AccessClaims.Operator) ? null : actor.FindFirstValue(ClaimTypes.NameIdentifier);
}
