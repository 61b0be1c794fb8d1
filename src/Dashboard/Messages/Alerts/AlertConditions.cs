using System.Globalization;
using Dashboard.Analytics;
using Dashboard.DeliveryLog;
using Dashboard.Messages.AgencyZone;
using Dashboard.Messages.Digests;
using Dashboard.Senders;
using Dashboard.Senders.Idibu;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Messages.Alerts;

/// <summary>Whether a rule's condition holds now, and what to tell people about it, in plain text.</summary>
public sealed record Observation(bool Holds, string Text);

/// <summary>
/// Checks each kind of rule: the delivery log for quiet senders and quarantined deliveries, the wrong-key counts for
/// failed sign-ins of senders, and the overview's figures (through the same query service as the dashboard).
/// </summary>
public sealed class AlertConditions(IDbContextFactory<DashboardDbContext> factory, IAnalyticsQueries queries)
{
    public static readonly IReadOnlyList<(string Key, string Name)> Figures =
    [
        ("candidates", "Candidates"), ("vacancies", "Active vacancies"), ("placements", "Placements"), ("referrals", "Referrals"),
        ("hires", "Referral hires"),
    ];

    public async Task<Observation> CheckAsync(AlertRule rule, DateTimeOffset now, TimeZoneInfo zone, CancellationToken ct) => rule.Kind switch
    {
        AlertKind.QuietSender => await QuietAsync(rule, now, zone, ct),
        AlertKind.Quarantined => await QuarantinedAsync(rule, now, ct),
        AlertKind.AuthFailures => await AuthFailuresAsync(rule, now, ct),
        _ => await FigureAsync(rule, now, zone, ct),
    };

    private async Task<Observation> QuietAsync(AlertRule rule, DateTimeOffset now, TimeZoneInfo zone, CancellationToken ct)
    {
        var provider = rule.Provider ?? IdibuSender.SenderName;
        await using var db = await factory.CreateDbContextAsync(ct);
        var last = await db.Deliveries.AsNoTracking().Where(d => d.Provider == provider).MaxAsync(d => (DateTime?)d.ReceivedAt, ct);
        var since = last ?? rule.CreatedAt;
        var hours = (now.UtcDateTime - since).TotalHours;
        var holds = hours > rule.Threshold;
        var lastText = last is { } at ? $"last delivery {ZonedTime.Format(at, zone)}" : "no delivery yet";
        return new Observation(holds, holds
            ? $"{provider} has sent nothing for {Math.Floor(hours).ToString(CultureInfo.InvariantCulture)} hours ({lastText}); the rule allows {rule.Threshold}."
            : $"{provider} is sending: {lastText}.");
    }

    private async Task<Observation> QuarantinedAsync(AlertRule rule, DateTimeOffset now, CancellationToken ct)
    {
        var from = now.UtcDateTime.AddHours(-1);
        await using var db = await factory.CreateDbContextAsync(ct);
        var deliveries = db.Deliveries.AsNoTracking().Where(d => d.Status == DeliveryStatus.Quarantined && d.ReceivedAt > from);
        if (rule.Provider is { } provider) deliveries = deliveries.Where(d => d.Provider == provider);
        var count = await deliveries.CountAsync(ct);
        var who = rule.Provider ?? "idibu and firstbird";
        return new Observation(count > rule.Threshold,
            $"{count} {who} deliveries quarantined in the last hour (the rule allows {rule.Threshold}).");
    }

    private async Task<Observation> AuthFailuresAsync(AlertRule rule, DateTimeOffset now, CancellationToken ct)
    {
        // Wrong keys are counted per clock hour: this one and the one before.
        var utc = now.UtcDateTime;
        var thisHour = new DateTime(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, DateTimeKind.Utc);
        var lastHour = thisHour.AddHours(-1);
        await using var db = await factory.CreateDbContextAsync(ct);
        var counts = db.AuthFailures.AsNoTracking().Where(a => a.HourStart == thisHour || a.HourStart == lastHour);
        if (rule.Provider is { } provider) counts = counts.Where(a => a.Provider == provider);
        var perHour = await counts.GroupBy(a => a.HourStart).Select(g => g.Sum(a => a.Count)).ToListAsync(ct);
        var worst = perHour.Count == 0 ? 0 : perHour.Max();
        var who = rule.Provider ?? "idibu and firstbird";
        return new Observation(worst > rule.Threshold,
            $"{worst} requests with a wrong {who} key in one clock hour (the rule allows {rule.Threshold}).");
    }

    private async Task<Observation> FigureAsync(AlertRule rule, DateTimeOffset now, TimeZoneInfo zone, CancellationToken ct)
    {
        var today = ZonedTime.Today(now, zone);
        var from = rule.Period switch
        {
            FigurePeriod.Today => today,
            FigurePeriod.ThisWeek => today.AddDays(-(((int)today.DayOfWeek + 6) % 7)),
            FigurePeriod.Last7Days => today.AddDays(-6),
            _ => new DateOnly(today.Year, today.Month, 1),
        };
        var view = new DigestView("/", rule.FilterQuery ?? "").Dashboard;
        var filter = new AnalyticsFilter(from, today, view.Vacancy, view.Source, view.Consultant, view.Location, zone).Normalized();
        var overview = await queries.OverviewAsync(filter, null, ct);
        var value = (rule.Figure switch
        {
            "vacancies" => overview.ActiveVacancies,
            "placements" => overview.Placements,
            "referrals" => overview.Referrals,
            "hires" => overview.Hires,
            _ => overview.Candidates,
        }).Value;
        var holds = rule.Comparison == Comparison.Below ? value < rule.Threshold : value > rule.Threshold;
        var side = rule.Comparison == Comparison.Below ? "below" : "above";
        return new Observation(holds,
            $"{Describe(rule)} {(holds ? "is" : "is now")} {value.ToString("N0", CultureInfo.InvariantCulture)}, {(holds ? "" : "no longer ")}{side} {rule.Threshold}.");
    }

    /// <summary><c>Placements this week (Source: LinkedIn)</c>.</summary>
    public static string Describe(AlertRule rule)
    {
        var name = Figures.FirstOrDefault(f => f.Key == rule.Figure).Name ?? "Candidates";
        var period = rule.Period switch
        {
            FigurePeriod.Today => "today",
            FigurePeriod.ThisWeek => "this week",
            FigurePeriod.Last7Days => "in the last 7 days",
            _ => "this month",
        };
        var view = new DigestView("/", rule.FilterQuery ?? "").Dashboard;
        var facets = new[] { ("Vacancy", view.Vacancy), ("Source", view.Source), ("Consultant", view.Consultant), ("Location", view.Location) }
            .Where(f => f.Item2 is not null).Select(f => $"{f.Item1}: {f.Item2}").ToList();
        return $"{name} {period}{(facets.Count == 0 ? "" : $" ({string.Join(" · ", facets)})")}";
    }
}
