using System.Security.Claims;
using Dashboard.Access.Rights;
using Dashboard.Messages.AgencyZone;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Messages.Digests;

public sealed record DigestRequest(string? Name, string? View, DigestCadence Cadence, int Hour, DayOfWeek Day);

public sealed record DigestRow(long Id, string Name, string Page, string Address, string Schedule, DateTimeOffset NextAt, DateTime? LastSentAt);

/// <summary>Each person's own digests: subscribe, list, stop, and the stop that comes from an email's link.</summary>
public sealed class DigestSubscriptions(
    IDbContextFactory<DashboardDbContext> factory, ActingPerson acting, AgencyTimeZone agencyZone, TimeProvider clock,
    ILogger<DigestSubscriptions> logger)
{
    public async Task<IReadOnlyList<DigestRow>> ListAsync(ClaimsPrincipal person, CancellationToken ct)
    {
        var userId = UserIdOf(person);
        var zone = await agencyZone.CurrentAsync(ct);
        var now = clock.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Set<DigestSubscription>().AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.Id)
            .Select(s => new
            {
                Subscription = s,
                LastSent = db.Set<DigestRun>().Where(r => r.SubscriptionId == s.Id).Max(r => (DateTime?)r.OutboxMessage!.SentAt),
            })
            .ToListAsync(ct);
        return [.. rows.Select(r => new DigestRow(r.Subscription.Id, r.Subscription.Name, new DigestView(r.Subscription.Page, r.Subscription.Query).PageTitle,
            new DigestView(r.Subscription.Page, r.Subscription.Query).Address, r.Subscription.Schedule.Describe(),
            r.Subscription.Schedule.NextDue(now, zone), r.LastSent))];
    }

    /// <summary>Subscribes the person asking; returns why not, or null when done.</summary>
    public async Task<string?> SubscribeAsync(DigestRequest request, ClaimsPrincipal person, CancellationToken ct)
    {
        await acting.EnsureSignedInAsync(person, ct);
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200 || name.Any(char.IsControl)) return "Give the digest a name of at most 200 characters.";
        if (DigestView.Parse(request.View, out var problem) is not { } view) return problem;
        if (request.Hour is < 0 or > 23) return "The hour is one from 0 to 23.";
        if (!Enum.IsDefined(request.Cadence) || !Enum.IsDefined(request.Day)) return "Choose daily or weekly, and a day of the week.";
        await using var db = await factory.CreateDbContextAsync(ct);
        var userId = UserIdOf(person)!;
        if (await db.Set<DigestSubscription>().CountAsync(s => s.UserId == userId, ct) >= 50) return "Fifty digests are the most one person can have.";
        db.Add(new DigestSubscription
        {
            PublicId = Guid.NewGuid(),
            UserId = userId,
            Name = name,
            Page = view.Page,
            Query = view.Query,
            Cadence = request.Cadence,
            Hour = request.Hour,
            Day = request.Day,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Person {UserId} subscribed to a {Cadence} digest of {Page}", userId, request.Cadence, view.Page);
        return null;
    }

    /// <summary>Stops one of the person's own digests.</summary>
    public async Task<bool> StopAsync(long id, ClaimsPrincipal person, CancellationToken ct)
    {
        await acting.EnsureSignedInAsync(person, ct);
        var userId = UserIdOf(person);
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Set<DigestSubscription>().Where(s => s.Id == id && s.UserId == userId).ExecuteDeleteAsync(ct) == 1;
    }

    /// <summary>The digest an unsubscribe link names, if it still exists.</summary>
    public async Task<string?> NameOfAsync(Guid publicId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Set<DigestSubscription>().AsNoTracking().Where(s => s.PublicId == publicId).Select(s => s.Name).FirstOrDefaultAsync(ct);
    }

    /// <summary>Stops the digest an unsubscribe link names; true if it was still running.</summary>
    public async Task<bool> UnsubscribeAsync(Guid publicId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var stopped = await db.Set<DigestSubscription>().Where(s => s.PublicId == publicId).ExecuteDeleteAsync(ct) == 1;
        if (stopped) logger.LogInformation("A digest was stopped from its email's unsubscribe link");
        return stopped;
    }

    private static string? UserIdOf(ClaimsPrincipal person) => person.FindFirstValue(ClaimTypes.NameIdentifier);
}
