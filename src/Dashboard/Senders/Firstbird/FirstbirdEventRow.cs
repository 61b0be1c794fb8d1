using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Senders.Firstbird;

/// <summary>One firstbird event as a fact, unique by the hash of its envelope.</summary>
public sealed class FirstbirdEventRow
{
    public long Id { get; set; }
    public required string EnvelopeHash { get; set; }
    public long DeliveryId { get; set; }
    public int EnvelopeIndex { get; set; }
    public required string EventName { get; set; }
    public string? ApplicationId { get; set; }
    /// <summary>The event's <c>date_time</c>, or when it was received if it had none.</summary>
    public DateTime OccurredAt { get; set; }

    public string? JobId { get; set; }
    public string? JobTitle { get; set; }
    public string? ApplicantName { get; set; }
    public DateOnly? FirstDayOfWork { get; set; }
    public string? ReceivedType { get; set; }
    public string? Rating { get; set; }
    public string? CloseReason { get; set; }
    public bool? PayReward { get; set; }
    public string? ReferralId { get; set; }
    public string? ReferralType { get; set; }

    /// <summary>How many more times this envelope arrived inside other batches (a retried batch may be re-packed).</summary>
    public int RepeatCount { get; set; }
}

internal sealed class FirstbirdEventRowConfiguration : IEntityTypeConfiguration<FirstbirdEventRow>
{
    public void Configure(EntityTypeBuilder<FirstbirdEventRow> entity)
    {
        entity.ToTable("FirstbirdEvents");
        entity.Property(e => e.EnvelopeHash).HasMaxLength(64);
        entity.HasIndex(e => e.EnvelopeHash).IsUnique();
        entity.Property(e => e.EventName).HasMaxLength(64);
        entity.Property(e => e.ApplicationId).HasMaxLength(64);
        entity.HasIndex(e => new { e.ApplicationId, e.OccurredAt });
        entity.HasIndex(e => e.DeliveryId);
        entity.Property(e => e.JobId).HasMaxLength(64);
        entity.Property(e => e.JobTitle).HasMaxLength(256);
        entity.Property(e => e.ApplicantName).HasMaxLength(256);
        entity.Property(e => e.ReceivedType).HasMaxLength(32);
        entity.Property(e => e.Rating).HasMaxLength(8);
        entity.Property(e => e.CloseReason).HasMaxLength(64);
        entity.Property(e => e.ReferralId).HasMaxLength(64);
        entity.Property(e => e.ReferralType).HasMaxLength(16);
    }
}
