using System.Security.Claims;
using Dashboard.Access;
using Dashboard.Messages.AgencyZone;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Messages.Digests;

/// <summary>
/// Queues every digest that has fallen due and is not yet claimed. A digest is claimed and queued in one transaction
/// (<see cref="DigestRun"/>), so of several instances only one sends it, and a restart never sends a day again; a
/// digest missed while every instance was down goes out late, once, rather than never.
/// </summary>
public sealed class DigestScheduler(
    IDbContextFactory<DashboardDbContext> factory, AgencyTimeZone agencyZone, DigestComposer composer,
    TimeProvider clock, ILogger<DigestScheduler> logger)
{
    /// <summary>Returns how many digests this instance queued.</summary>
    public async Task<int> QueueDueAsync(CancellationToken ct)
    {
        var zone = await agencyZone.CurrentAsync(ct);
        var now = clock.GetUtcNow();
        List<(DigestSubscription Subscription, string Email)> subscriptions;
        HashSet<(long, DateOnly)> claimed;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            subscriptions = (await (from s in db.Set<DigestSubscription>().AsNoTracking()
                    join u in db.Set<DashboardUser>().AsNoTracking() on s.UserId equals u.Id
                    where !u.Disabled && u.Email != null
                    select new { Subscription = s, u.Email }).ToListAsync(ct))
                .Select(r => (r.Subscription, r.Email!)).ToList();
            var since = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-9);
            claimed = [.. (await db.Set<DigestRun>().AsNoTracking().Where(r => r.DueOn >= since)
                .Select(r => new { r.SubscriptionId, r.DueOn }).ToListAsync(ct)).Select(r => (r.SubscriptionId, r.DueOn))];
        }

        var queued = 0;
        foreach (var (subscription, email) in subscriptions)
        {
            var (day, at) = subscription.Schedule.LatestDue(now, zone);
            // Nothing is owed for the days before someone subscribed.
            if (at.UtcDateTime < subscription.CreatedAt || claimed.Contains((subscription.Id, day))) continue;
            try
            {
                if (await ClaimAndQueueAsync(subscription, email, day, at, zone, ct)) queued++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One subscription's trouble (its figures, say) must not hold up everyone else's; the next round tries again.
                logger.LogError(ex, "Could not queue digest {SubscriptionId} for {Day}", subscription.Id, day);
            }
        }
        return queued;
    }

    /// <summary>
    /// Queues one of <paramref name="person"/>'s own digests now, as today's would be, outside its schedule (to see
    /// what it looks like); false when it is not theirs or they have no address.
    /// </summary>
    public async Task<bool> QueueNowAsync(long subscriptionId, ClaimsPrincipal person, CancellationToken ct)
    {
        var userId = person.FindFirstValue(ClaimTypes.NameIdentifier);
        DigestSubscription? subscription;
        string? email;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            subscription = await db.Set<DigestSubscription>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == subscriptionId && s.UserId == userId, ct);
            email = await db.Set<DashboardUser>().Where(u => u.Id == userId && !u.Disabled).Select(u => u.Email).FirstOrDefaultAsync(ct);
        }
        if (subscription is null || email is null) return false;
        var zone = await agencyZone.CurrentAsync(ct);
        var now = clock.GetUtcNow();
        var message = await composer.ComposeAsync(subscription, email, ZonedTime.Today(now, zone), now, zone, ct);
        message.CreatedAt = message.NextAttemptAt = now.UtcDateTime;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            db.Add(message);
            await db.SaveChangesAsync(ct);
        }
        logger.LogInformation("Queued digest {SubscriptionId} on request as outbox message {MessageId}", subscriptionId, message.Id);
        return true;
    }

    private async Task<bool> ClaimAndQueueAsync(
        DigestSubscription subscription, string email, DateOnly day, DateTimeOffset at, TimeZoneInfo zone, CancellationToken ct)
    {
        var message = await composer.ComposeAsync(subscription, email, day, clock.GetUtcNow(), zone, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        message.CreatedAt = now;
        message.NextAttemptAt = now;
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Add(message);
        await db.SaveChangesAsync(ct);
        // Another instance's claim, or a subscription removed while its figures were read, is an answer of no rows
        // rather than a failed command that every instance but one would log; the message then goes with the rollback.
        var claimed = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "DigestRuns" ("SubscriptionId", "DueOn", "DueAt", "ClaimedAt", "OutboxMessageId")
            SELECT {subscription.Id}, {day}, {at.UtcDateTime}, {now}, {message.Id} WHERE EXISTS (SELECT 1 FROM "DigestSubscriptions" WHERE "Id" = {subscription.Id})
            ON CONFLICT ("SubscriptionId", "DueOn") DO NOTHING
            """, ct);
        if (claimed == 0)
        {
            logger.LogInformation("Digest {SubscriptionId} for {Day} was claimed by another instance, or unsubscribed", subscription.Id, day);
            return false;
        }
        await transaction.CommitAsync(ct);
        logger.LogInformation("Queued digest {SubscriptionId} for {Day} as outbox message {MessageId}", subscription.Id, day, message.Id);
        return true;
    }
}
