using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Messages.Outbox;

public enum OutboxChannel
{
    Email,

    /// <summary>A post to an alert rule's chat webhook; the address is read from the rule when it is sent.</summary>
    Chat,
}

public enum OutboxStatus
{
    /// <summary>Waiting for its first try or its next one.</summary>
    Queued,
    Sent,

    /// <summary>Every try failed; it waits for an admin to send it again.</summary>
    Failed,
}

/// <summary>
/// A message to send, kept in the store until it is sent, so a failed try is tried again later, by whichever instance
/// gets to it first, and admins can see what went out and what did not.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public OutboxChannel Channel { get; set; }

    /// <summary>What it is ("digest", "alert"), and the subscription's or rule's name, for the outbox page.</summary>
    public required string Purpose { get; set; }
    public required string About { get; set; }

    /// <summary>An email address (a colleague's, never a candidate's); null for a chat post.</summary>
    public string? Recipient { get; set; }

    /// <summary>The rule whose chat webhook a chat post goes to.</summary>
    public long? AlertRuleId { get; set; }

    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public string? HtmlBody { get; set; }
    public byte[]? ChartPng { get; set; }
    public string? UnsubscribeUrl { get; set; }

    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }

    /// <summary>Until when an instance is trying it; another instance leaves it alone until then.</summary>
    public DateTime? LeaseUntil { get; set; }
    public DateTime? LastAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTime? SentAt { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> entity)
    {
        entity.ToTable("OutboxMessages");
        entity.Property(m => m.Channel).HasConversion<string>().HasMaxLength(16);
        entity.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        entity.Property(m => m.Purpose).HasMaxLength(32);
        entity.Property(m => m.About).HasMaxLength(256);
        entity.Property(m => m.Recipient).HasMaxLength(320);
        entity.Property(m => m.Subject).HasMaxLength(512);
        entity.Property(m => m.UnsubscribeUrl).HasMaxLength(2048);
        entity.Property(m => m.LastError).HasMaxLength(1024);
        entity.HasIndex(m => new { m.Status, m.NextAttemptAt });
        entity.HasIndex(m => m.CreatedAt);
    }
}
