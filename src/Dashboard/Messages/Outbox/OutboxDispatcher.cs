using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Messages.Outbox;

/// <summary>
/// Sends what is due in the outbox. Each message is taken with a conditional update (only if it is still queued,
/// due and nobody holds it), so instances sharing the store never both send it; a try that dies with its instance
/// is taken up again when its lease runs out. A failed try waits as <see cref="RetrySchedule"/> says.
/// </summary>
public sealed class OutboxDispatcher(
    IDbContextFactory<DashboardDbContext> factory, MailSender mail, ChatSender chat, RetrySchedule retries, TimeProvider clock,
    ILogger<OutboxDispatcher> logger)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>How long a sent message stays on the outbox page (its chart is most of its size).</summary>
    public static readonly TimeSpan KeepSent = TimeSpan.FromDays(90);
    private const int Batch = 20;

    /// <summary>Sends every message due now; returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            var old = clock.GetUtcNow().UtcDateTime - KeepSent;
            await db.Set<OutboxMessage>().Where(m => m.Status == OutboxStatus.Sent && m.SentAt < old).ExecuteDeleteAsync(ct);
        }
        var sent = 0;
        var tried = new HashSet<long>();
        while (true)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            List<long> due;
            await using (var db = await factory.CreateDbContextAsync(ct))
            {
                due = await Due(db, now).Where(m => !tried.Contains(m.Id)).OrderBy(m => m.Id).Select(m => m.Id).Take(Batch).ToListAsync(ct);
            }
            if (due.Count == 0) return sent;
            foreach (var id in due)
            {
                tried.Add(id);
                if (await TrySendAsync(id, ct)) sent++;
            }
        }
    }

    private static IQueryable<OutboxMessage> Due(DashboardDbContext db, DateTime now) =>
        db.Set<OutboxMessage>().Where(m => m.Status == OutboxStatus.Queued && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now));

    private async Task<bool> TrySendAsync(long id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(ct);
        var taken = await Due(db, now).Where(m => m.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.LeaseUntil, now + Lease)
            .SetProperty(m => m.Attempts, m => m.Attempts + 1)
            .SetProperty(m => m.LastAttemptAt, now), ct);
        if (taken == 0) return false;
        var message = await db.Set<OutboxMessage>().SingleAsync(m => m.Id == id, ct);

        string? error = null;
        try
        {
            if (message.Channel == OutboxChannel.Chat) await chat.SendAsync(message, ct);
            else await mail.SendAsync(message, ct);
        }
        catch (SendFailedException failed)
        {
            error = failed.Message;
        }

        var after = clock.GetUtcNow().UtcDateTime;
        message.LeaseUntil = null;
        if (error is null)
        {
            message.Status = OutboxStatus.Sent;
            message.SentAt = after;
            message.LastError = null;
            logger.LogInformation("Sent outbox message {MessageId} ({Purpose}, {Channel}) on try {Attempt}", id, message.Purpose, message.Channel, message.Attempts);
        }
        else
        {
            message.LastError = error;
            if (retries.WaitAfter(message.Attempts) is { } wait)
            {
                message.NextAttemptAt = after + wait;
                logger.LogWarning("Outbox message {MessageId} ({Purpose}, {Channel}) failed on try {Attempt}; trying again in {Wait}",
                    id, message.Purpose, message.Channel, message.Attempts, wait);
            }
            else
            {
                message.Status = OutboxStatus.Failed;
                logger.LogError("Outbox message {MessageId} ({Purpose}, {Channel}) failed on every one of its {Attempts} tries",
                    id, message.Purpose, message.Channel, message.Attempts);
            }
        }
        // The result is written even if the app is stopping: a sent message must not be sent again.
        await db.SaveChangesAsync(CancellationToken.None);
        return error is null;
    }
}
