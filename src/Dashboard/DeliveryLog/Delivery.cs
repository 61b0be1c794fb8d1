using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.DeliveryLog;

/// <summary>
/// Where a delivery stands. Accepted deliveries wait for the projector; quarantined ones wait for a person. A delivery
/// row keeps <see cref="Accepted"/> once projected: the projection watermark says it is projected (see
/// <see cref="Projection.DeliveryStandings"/>), so only what is not the normal case is written to the row.
/// </summary>
public enum DeliveryStatus
{
    Accepted,

    /// <summary>Shown, never stored: an accepted delivery at or below the projection watermark.</summary>
    Projected,
    Quarantined,
    Failed,

    /// <summary>Emptied for a right-to-erasure request: kept as a tombstone, never projected again.</summary>
    Erased,

    /// <summary>Stored, never shown (it shows as accepted): below the watermark and waiting again, after a replay.</summary>
    Queued,
}

/// <summary>
/// One webhook request as the sender made it: the source of truth from which every figure is derived.
/// Append-only apart from its status columns.
/// </summary>
public sealed class Delivery
{
    public long Id { get; set; }
    public required string Provider { get; set; }
    public DateTime ReceivedAt { get; set; }

    /// <summary>Provider-prefixed: the sender's delivery id when it gives one, else the body's SHA-256.</summary>
    public required string DedupeKey { get; set; }

    public string? SenderDeliveryId { get; set; }
    public string? EventHeader { get; set; }
    public string? EventName { get; set; }
    public string? UserAgent { get; set; }
    public string? ContentType { get; set; }
    public required string HeadersJson { get; set; }
    public required byte[] Body { get; set; }
    public required string BodySha256 { get; set; }
    public int BodyLength { get; set; }

    public DeliveryStatus Status { get; set; }
    public string? StatusReason { get; set; }
    public int DuplicateCount { get; set; }
    public DateTime? LastDuplicateAt { get; set; }
    /// <summary>Set only where a replay projected the delivery again; otherwise its batch's time (<see cref="Projection.ReadModel.ProjectedBatch"/>).</summary>
    public DateTime? ProjectedAt { get; set; }

    /// <summary>When personal data was taken out of the body (retention or erasure); the figures stay.</summary>
    public DateTime? RedactedAt { get; set; }

    /// <summary>idibu's optional HMAC of the body: valid, invalid or missing; null when no secret is set.</summary>
    public string? SignatureCheck { get; set; }
}

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> entity)
    {
        entity.ToTable("Deliveries");
        entity.Property(d => d.Provider).HasMaxLength(16);
        entity.Property(d => d.DedupeKey).HasMaxLength(128);
        entity.HasIndex(d => d.DedupeKey).IsUnique();
        entity.Property(d => d.SenderDeliveryId).HasMaxLength(128);
        entity.Property(d => d.EventHeader).HasMaxLength(128);
        entity.Property(d => d.EventName).HasMaxLength(64);
        entity.Property(d => d.UserAgent).HasMaxLength(256);
        entity.Property(d => d.ContentType).HasMaxLength(128);
        entity.Property(d => d.BodySha256).HasMaxLength(64);
        entity.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        entity.Property(d => d.StatusReason).HasMaxLength(1024);
        entity.Property(d => d.SignatureCheck).HasMaxLength(16);
        entity.HasIndex(d => new { d.Status, d.Id });
        entity.HasIndex(d => new { d.Provider, d.ReceivedAt });
        // Covers the data-quality figures, which count by arrival time: without it they read every body in range.
        entity.HasIndex(d => new { d.ReceivedAt, d.Status, d.DuplicateCount });
    }
}
