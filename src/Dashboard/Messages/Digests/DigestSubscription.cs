using Dashboard.Access;
using Dashboard.Messages.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Messages.Digests;

public enum DigestCadence
{
    Daily,
    Weekly,
}

/// <summary>
/// A person's standing order for a dashboard view by email: which page, with which filters (the page's URL query, as
/// a link or a saved view holds it), how often, at which hour of the agency's day.
/// </summary>
public sealed class DigestSubscription
{
    public long Id { get; set; }

    /// <summary>What the signed unsubscribe link names: not guessable, never reused.</summary>
    public Guid PublicId { get; set; }

    public required string UserId { get; set; }
    public required string Name { get; set; }

    /// <summary>The page's path (<c>/</c>, <c>/sources</c>…) and its query without the <c>?</c>.</summary>
    public required string Page { get; set; }
    public required string Query { get; set; }

    public DigestCadence Cadence { get; set; }

    /// <summary>The hour of the agency's day it is sent at, 0 to 23.</summary>
    public int Hour { get; set; }

    /// <summary>The day a weekly digest is sent on.</summary>
    public DayOfWeek Day { get; set; }

    public DateTime CreatedAt { get; set; }

    public DigestSchedule Schedule => new(Cadence, Hour, Day);
}

/// <summary>
/// One digest of one subscription for one day of the agency: the row is the claim. Whichever instance inserts it
/// sends that digest (its message is queued in the same transaction); another finds the key taken and sends nothing,
/// and so does the same instance after a restart.
/// </summary>
public sealed class DigestRun
{
    public long Id { get; set; }
    public long SubscriptionId { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTime DueAt { get; set; }
    public DateTime ClaimedAt { get; set; }
    public long? OutboxMessageId { get; set; }
    public OutboxMessage? OutboxMessage { get; set; }
}

internal sealed class DigestSubscriptionConfiguration : IEntityTypeConfiguration<DigestSubscription>
{
    public void Configure(EntityTypeBuilder<DigestSubscription> entity)
    {
        entity.ToTable("DigestSubscriptions");
        entity.HasIndex(s => s.PublicId).IsUnique();
        entity.Property(s => s.UserId).HasMaxLength(450);
        entity.Property(s => s.Name).HasMaxLength(200);
        entity.Property(s => s.Page).HasMaxLength(64);
        entity.Property(s => s.Query).HasMaxLength(1000);
        entity.Property(s => s.Cadence).HasConversion<string>().HasMaxLength(16);
        entity.Ignore(s => s.Schedule);
        entity.HasOne<DashboardUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        entity.HasIndex(s => s.UserId);
    }
}

internal sealed class DigestRunConfiguration : IEntityTypeConfiguration<DigestRun>
{
    public void Configure(EntityTypeBuilder<DigestRun> entity)
    {
        entity.ToTable("DigestRuns");
        entity.HasIndex(r => new { r.SubscriptionId, r.DueOn }).IsUnique();
        entity.HasOne<DigestSubscription>().WithMany().HasForeignKey(r => r.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne(r => r.OutboxMessage).WithMany().HasForeignKey(r => r.OutboxMessageId).OnDelete(DeleteBehavior.SetNull);
    }
}
