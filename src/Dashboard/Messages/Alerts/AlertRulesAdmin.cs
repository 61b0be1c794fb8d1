using System.Security.Claims;
using System.Security.Cryptography;
using Dashboard.Access.Rights;
using Dashboard.Admin.Audit;
using Dashboard.Messages.Digests;
using Dashboard.Senders;
using Dashboard.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Dashboard.Messages.Alerts;

/// <summary>A rule as an admin writes it. <see cref="ChatWebhook"/>: null keeps the saved one, empty removes it.</summary>
public sealed record AlertRuleInput(
    long? Id, string? Name, AlertKind Kind, string? Provider, int Threshold, string? Figure, FigurePeriod Period, Comparison Comparison,
    string? FilterQuery, string? Emails, string? ChatWebhook, bool Enabled = true);

public sealed record AlertRuleRow(
    long Id, string Name, AlertKind Kind, string? Provider, int Threshold, string? Figure, FigurePeriod Period, Comparison Comparison,
    string? FilterQuery, string? Emails, string? ChatWebhookHint, bool Enabled, bool Firing, DateTime? FiringSince, DateTime? LastCheckedAt,
    string? LastObservation);

public sealed record AlertEventRow(long Id, DateTime At, string RuleName, bool Fired, string Text);

/// <summary>
/// Alert rules as admins keep them: each change checked against who asks when it runs, audited without the webhook.
/// A chat webhook's address is its own credential, so it is stored encrypted and shown only as a hint.
/// </summary>
public sealed class AlertRulesAdmin(
    IDbContextFactory<DashboardDbContext> factory, ActingPerson acting, AuditLog audit, IDataProtectionProvider protection, TimeProvider clock)
{
    private const int MaxRecipients = 20;
    private readonly IDataProtector _protector = protection.CreateProtector("Dashboard.Messages.ChatWebhook.v1");

    public async Task<IReadOnlyList<AlertRuleRow>> ListAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Set<AlertRule>().AsNoTracking().OrderBy(r => r.Id)
            .Select(r => new AlertRuleRow(r.Id, r.Name, r.Kind, r.Provider, r.Threshold, r.Figure, r.Period, r.Comparison, r.FilterQuery, r.Emails,
                r.ChatWebhookHint, r.Enabled, r.Firing, r.FiringSince, r.LastCheckedAt, r.LastObservation))
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<AlertEventRow>> HistoryAsync(int take, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Set<AlertEvent>().AsNoTracking().OrderByDescending(e => e.Id).Take(Math.Clamp(take, 1, 1000))
            .Select(e => new AlertEventRow(e.Id, e.At, e.RuleName, e.Fired, e.Text)).ToListAsync(ct);
    }

    /// <summary>Creates or changes a rule; returns why not, or null when saved.</summary>
    public async Task<string?> SaveAsync(AlertRuleInput input, ClaimsPrincipal actor, CancellationToken ct)
    {
        await acting.EnsureAdminAsync(actor, ct);
        if (Problem(input) is { } problem) return problem;
        await using var db = await factory.CreateDbContextAsync(ct);
        AlertRule rule;
        if (input.Id is { } id)
        {
            if (await db.Set<AlertRule>().FindAsync([id], ct) is not { } found) return "That rule no longer exists.";
            rule = found;
        }
        else
        {
            rule = new AlertRule { Name = "", CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.Add(rule);
        }
        var kindChanged = input.Id is not null && (rule.Kind != input.Kind || rule.Provider != Provider(input) || rule.Figure != input.Figure);
        rule.Name = input.Name!.Trim();
        rule.Kind = input.Kind;
        rule.Provider = Provider(input);
        rule.Threshold = input.Threshold;
        rule.Figure = input.Kind == AlertKind.Figure ? input.Figure : null;
        rule.Period = input.Period;
        rule.Comparison = input.Comparison;
        rule.FilterQuery = input.Kind == AlertKind.Figure ? Clean(input.FilterQuery)?.TrimStart('?') : null;
        rule.Emails = string.Join(", ", Recipients(input.Emails));
        rule.Emails = rule.Emails.Length == 0 ? null : rule.Emails;
        rule.Enabled = input.Enabled;
        if (kindChanged || !input.Enabled)
        {
            // A different condition, or none checked: whatever episode was running is over without a word.
            rule.Firing = false;
            rule.FiringSince = null;
        }
        if (input.ChatWebhook is { } webhook)
        {
            var url = webhook.Trim();
            rule.ProtectedChatWebhook = url.Length == 0 ? null : _protector.Protect(url);
            rule.ChatWebhookHint = url.Length == 0 ? null : Hint(url);
        }
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor, input.Id is null ? "alert.created" : "alert.changed", rule.Name,
            $"{rule.Kind}, threshold {rule.Threshold}, {(rule.Enabled ? "on" : "off")}, chat {(rule.ChatWebhookHint is null ? "none" : "set")}", ct);
        return null;
    }

    public async Task<bool> DeleteAsync(long id, ClaimsPrincipal actor, CancellationToken ct)
    {
        await acting.EnsureAdminAsync(actor, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var name = await db.Set<AlertRule>().Where(r => r.Id == id).Select(r => r.Name).FirstOrDefaultAsync(ct);
        if (name is null) return false;
        await db.Set<AlertRule>().Where(r => r.Id == id).ExecuteDeleteAsync(ct);
        await audit.RecordAsync(actor, "alert.deleted", name, null, ct);
        return true;
    }

    /// <summary>The rule's chat webhook, for the moment of sending; null when it has none (or no longer exists).</summary>
    public async Task<string?> ChatWebhookAsync(long ruleId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var protectedUrl = await db.Set<AlertRule>().AsNoTracking().Where(r => r.Id == ruleId).Select(r => r.ProtectedChatWebhook).FirstOrDefaultAsync(ct);
        if (protectedUrl is null) return null;
        try
        {
            return _protector.Unprotect(protectedUrl);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>The addresses in a comma- or semicolon-separated list, each as written.</summary>
    public static IReadOnlyList<string> Recipients(string? emails) =>
        [.. (emails ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary><c>https://hooks.slack.com/…wxyz</c>: enough to tell two webhooks apart, too little to post to one.</summary>
    public static string Hint(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? $"{uri.Scheme}://{uri.Host}/…{url[^Math.Min(4, url.Length)..]}" : "…";

    private static string? Problem(AlertRuleInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 200 || input.Name.Any(char.IsControl))
            return "Give the rule a name of at most 200 characters.";
        if (!Enum.IsDefined(input.Kind) || !Enum.IsDefined(input.Period) || !Enum.IsDefined(input.Comparison)) return "Choose what the rule watches.";
        if (input.Provider is { Length: > 0 } provider && !SenderRegistry.IsKnown(provider)) return "The sender is idibu or firstbird.";
        if (input.Kind == AlertKind.QuietSender && !SenderRegistry.IsKnown(input.Provider)) return "Choose the sender that must not go quiet.";
        if (input.Threshold is < 0 or > 1_000_000) return "The number is one from 0 to 1,000,000.";
        if (input.Kind == AlertKind.QuietSender && input.Threshold < 1) return "A sender is quiet after at least 1 hour.";
        if (input.Kind == AlertKind.Figure && !AlertConditions.Figures.Any(f => f.Key == input.Figure)) return "Choose one of the overview's figures.";
        if (input.Kind == AlertKind.Figure && Clean(input.FilterQuery) is { } query && DigestView.Parse("/?" + query.TrimStart('?'), out var viewProblem) is null)
            return viewProblem;
        var recipients = Recipients(input.Emails);
        if (recipients.Count > MaxRecipients) return $"At most {MaxRecipients} addresses.";
        if (recipients.FirstOrDefault(r => !MailboxAddress.TryParse(r, out var parsed) || parsed.Address.IndexOf('@') < 1) is { } wrong)
            return $"'{wrong}' is not an email address.";
        if (Clean(input.ChatWebhook) is { } url && WebhookProblem(url) is { } hookProblem) return hookProblem;
        return null;
    }

    private static string? WebhookProblem(string url)
    {
        if (url.Length > 2000 || !Uri.TryCreate(url, UriKind.Absolute, out var uri)) return "The chat webhook must be the https address your chat app gave you.";
        // Plain http only to this machine, as a relay on the same host would be.
        if (uri.Scheme == "https" || (uri.Scheme == "http" && uri.IsLoopback)) return null;
        return "The chat webhook must be an https address.";
    }

    private static string? Provider(AlertRuleInput input) =>
        input.Kind == AlertKind.Figure || string.IsNullOrWhiteSpace(input.Provider) ? null : input.Provider.Trim();

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
