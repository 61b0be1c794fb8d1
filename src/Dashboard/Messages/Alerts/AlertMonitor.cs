using System.Net;
using Dashboard.Instances;
using Dashboard.Messages.AgencyZone;
using Dashboard.Messages.Digests;
using Dashboard.Messages.Outbox;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Messages.Alerts;

/// <summary>
/// Checks every enabled rule once per round. A round is claimed by inserting its row (<see cref="AlertRound"/>), so
/// of several instances one checks; and a rule moves between quiet and firing with a conditional update, so even two
/// rounds at once tell people once when an episode starts and once when it ends, never more.
/// </summary>
public sealed class AlertMonitor(
    IDbContextFactory<DashboardDbContext> factory, AlertConditions conditions, AgencyTimeZone agencyZone, PublicAddress address,
    InstanceMessages instances, TimeProvider clock, ILogger<AlertMonitor> logger)
{
    /// <summary>Runs the round <paramref name="every"/> long that holds now, unless an instance already has; returns whether this one did.</summary>
    public async Task<bool> RunRoundAsync(TimeSpan every, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var slot = new DateTime(now.UtcDateTime.Ticks - now.UtcDateTime.Ticks % every.Ticks, DateTimeKind.Utc);
        if (!await ClaimAsync(slot, ct)) return false;

        var zone = await agencyZone.CurrentAsync(ct);
        List<AlertRule> rules;
        await using (var db = await factory.CreateDbContextAsync(ct))
            rules = await db.Set<AlertRule>().AsNoTracking().Where(r => r.Enabled).OrderBy(r => r.Id).ToListAsync(ct);
        foreach (var rule in rules)
        {
            try
            {
                var observation = await conditions.CheckAsync(rule, now, zone, ct);
                await RecordAsync(rule, observation, now, zone, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Could not check alert rule {RuleId}", rule.Id);
            }
        }
        return true;
    }

    private async Task<bool> ClaimAsync(DateTime slot, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        // Another instance having claimed the round is the usual answer, not an error: asked for with ON CONFLICT (the
        // same SQL on both databases), it logs no failed command on every instance but one, every round.
        var claimed = await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "AlertRounds" ("Slot", "Instance") VALUES ({slot}, {instances.InstanceId}) ON CONFLICT ("Slot") DO NOTHING""", ct);
        if (claimed == 0) return false;
        // Rounds older than a day claim nothing any more.
        await db.Set<AlertRound>().Where(r => r.Slot < slot.AddDays(-1)).ExecuteDeleteAsync(ct);
        return true;
    }

    private async Task RecordAsync(AlertRule rule, Observation observation, DateTimeOffset now, TimeZoneInfo zone, CancellationToken ct)
    {
        var at = now.UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var rules = db.Set<AlertRule>().Where(r => r.Id == rule.Id);
        var moved = observation.Holds == rule.Firing ? 0 : await rules.Where(r => r.Firing == rule.Firing).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Firing, observation.Holds)
            .SetProperty(r => r.FiringSince, observation.Holds ? at : null), ct);
        await rules.ExecuteUpdateAsync(s => s.SetProperty(r => r.LastCheckedAt, at).SetProperty(r => r.LastObservation, observation.Text), ct);
        if (moved == 1)
        {
            db.Add(new AlertEvent { AlertRuleId = rule.Id, RuleName = rule.Name, Fired = observation.Holds, At = at, Text = observation.Text });
            foreach (var message in Messages(rule, observation, now, zone)) db.Add(message);
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Alert rule {RuleId} {Change}", rule.Id, observation.Holds ? "fired" : "cleared");
        }
        await transaction.CommitAsync(ct);
    }

    private IEnumerable<OutboxMessage> Messages(AlertRule rule, Observation observation, DateTimeOffset now, TimeZoneInfo zone)
    {
        var at = now.UtcDateTime;
        var word = observation.Holds ? "Alert" : "Resolved";
        var when = ZonedTime.Format(now, zone);
        var history = address.Absolute("/admin/alerts/history");
        OutboxMessage Message(OutboxChannel channel, string? recipient, string text, string? html) => new()
        {
            Channel = channel,
            Purpose = "alert",
            About = rule.Name,
            Recipient = recipient,
            AlertRuleId = channel == OutboxChannel.Chat ? rule.Id : null,
            Subject = $"[{word}] {rule.Name}",
            TextBody = text,
            HtmlBody = html,
            CreatedAt = at,
            NextAttemptAt = at,
        };

        var plain = $"{word}: {rule.Name}\n{observation.Text}\n{when}{(history is null ? "" : $"\nHistory: {history}")}\n";
        var html = $"<!DOCTYPE html><html><body style=\"font-family: Arial, sans-serif\"><h1 style=\"font-size: 18px\">{E(word)}: {E(rule.Name)}</h1>" +
                   $"<p>{E(observation.Text)}</p><p style=\"color: #555\">{E(when)}</p>" +
                   (history is null ? "" : $"<p><a href=\"{E(history)}\">Alert history</a></p>") + "</body></html>";
        foreach (var email in AlertRulesAdmin.Recipients(rule.Emails)) yield return Message(OutboxChannel.Email, email, plain, html);
        if (rule.ProtectedChatWebhook is not null)
        {
            var chat = $"{word}: {ChatText.Escape(rule.Name)} — {ChatText.Escape(observation.Text)} ({ChatText.Escape(when)})";
            yield return Message(OutboxChannel.Chat, null, chat, null);
        }
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
