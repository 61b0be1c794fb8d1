using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Messages.Alerts;

public enum AlertKind
{
    /// <summary>A sender has sent nothing for longer than <see cref="AlertRule.Threshold"/> hours.</summary>
    QuietSender,

    /// <summary>More than <see cref="AlertRule.Threshold"/> deliveries quarantined in the last hour.</summary>
    Quarantined,

    /// <summary>More than <see cref="AlertRule.Threshold"/> wrong keys in a clock hour (this one or the one before).</summary>
    AuthFailures,

    /// <summary>A headline figure below or above <see cref="AlertRule.Threshold"/>.</summary>
    Figure,
}

public enum FigurePeriod
{
    Today,
    ThisWeek,
    Last7Days,
    ThisMonth,
}

public enum Comparison
{
    Below,
    Above,
}

/// <summary>
/// A condition an admin wants to hear about, and who hears: email addresses and a chat webhook. It fires once when
/// the condition starts to hold and says once more when it stops (<see cref="Firing"/> is the episode in progress).
/// </summary>
public sealed class AlertRule
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public AlertKind Kind { get; set; }

    /// <summary><c>idibu</c> or <c>firstbird</c>; for quarantined deliveries and wrong keys null means either.</summary>
    public string? Provider { get; set; }

    /// <summary>Hours of silence, a count of deliveries or wrong keys, or the figure's bound, by <see cref="Kind"/>.</summary>
    public int Threshold { get; set; }

    /// <summary>For a figure rule: which overview figure, over which period, below or above, with the view's filters.</summary>
    public string? Figure { get; set; }
    public FigurePeriod Period { get; set; }
    public Comparison Comparison { get; set; }
    public string? FilterQuery { get; set; }

    /// <summary>Comma-separated addresses of colleagues.</summary>
    public string? Emails { get; set; }

    /// <summary>The chat webhook, encrypted with the app's key ring: its address is the only credential it has.</summary>
    public string? ProtectedChatWebhook { get; set; }

    /// <summary>What admins see of the webhook once saved (<c>https://hooks.slack.com/…wxyz</c>).</summary>
    public string? ChatWebhookHint { get; set; }

    public bool Enabled { get; set; } = true;
    public bool Firing { get; set; }
    public DateTime? FiringSince { get; set; }
    public DateTime? LastCheckedAt { get; set; }
    public string? LastObservation { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>An alert fired or cleared: the history page, newest first.</summary>
public sealed class AlertEvent
{
    public long Id { get; set; }
    public long AlertRuleId { get; set; }
    public required string RuleName { get; set; }
    public bool Fired { get; set; }
    public DateTime At { get; set; }
    public required string Text { get; set; }
}

/// <summary>One round of checking the rules, claimed by the instance that inserts it, so rounds run once across instances.</summary>
public sealed class AlertRound
{
    public DateTime Slot { get; set; }
    public required string Instance { get; set; }
}

internal sealed class AlertRuleConfiguration : IEntityTypeConfiguration<AlertRule>
{
    public void Configure(EntityTypeBuilder<AlertRule> entity)
    {
        entity.ToTable("AlertRules");
        entity.Property(r => r.Name).HasMaxLength(200);
        entity.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
        entity.Property(r => r.Provider).HasMaxLength(16);
        entity.Property(r => r.Figure).HasMaxLength(32);
        entity.Property(r => r.Period).HasConversion<string>().HasMaxLength(16);
        entity.Property(r => r.Comparison).HasConversion<string>().HasMaxLength(16);
        entity.Property(r => r.FilterQuery).HasMaxLength(1000);
        entity.Property(r => r.Emails).HasMaxLength(2000);
        entity.Property(r => r.ProtectedChatWebhook).HasMaxLength(4000);
        entity.Property(r => r.ChatWebhookHint).HasMaxLength(128);
        entity.Property(r => r.LastObservation).HasMaxLength(1000);
    }
}

internal sealed class AlertEventConfiguration : IEntityTypeConfiguration<AlertEvent>
{
    public void Configure(EntityTypeBuilder<AlertEvent> entity)
    {
        entity.ToTable("AlertEvents");
        entity.Property(e => e.RuleName).HasMaxLength(200);
        entity.Property(e => e.Text).HasMaxLength(1000);
        entity.HasIndex(e => e.At);
    }
}

internal sealed class AlertRoundConfiguration : IEntityTypeConfiguration<AlertRound>
{
    public void Configure(EntityTypeBuilder<AlertRound> entity)
    {
        entity.ToTable("AlertRounds");
        entity.HasKey(r => r.Slot);
        entity.Property(r => r.Instance).HasMaxLength(64);
    }
}
