using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Senders.Idibu;

/// <summary>A (candidate, vacancy) pair: when it was first seen and the status the newest snapshot gives it.</summary>
public sealed class IdibuApplicationRow
{
    public required string CandidateId { get; set; }
    public required string VacancyId { get; set; }
    public DateTime FirstObservedAt { get; set; }

    /// <summary>Null when the newest snapshot no longer lists the vacancy or gave it no status.</summary>
    public string? CurrentStatusKey { get; set; }

    public long DeliveryId { get; set; }
}

internal sealed class IdibuApplicationConfiguration : IEntityTypeConfiguration<IdibuApplicationRow>
{
    public void Configure(EntityTypeBuilder<IdibuApplicationRow> entity)
    {
        entity.ToTable("IdibuApplications");
        entity.HasKey(a => new { a.CandidateId, a.VacancyId });
        entity.Property(a => a.CandidateId).HasMaxLength(64);
        entity.Property(a => a.VacancyId).HasMaxLength(64);
        entity.Property(a => a.CurrentStatusKey).HasMaxLength(160);
        entity.HasIndex(a => new { a.VacancyId, a.FirstObservedAt });
        // Covers the funnel's pairs in a date range, current status included.
        entity.HasIndex(a => new { a.FirstObservedAt, a.CandidateId, a.VacancyId, a.CurrentStatusKey });
    }
}

/// <summary>
/// The first time a status was seen on a pair. The funnel and time-in-stage are built from these, so they are
/// observations: a status held between two snapshots is never seen.
/// </summary>
public sealed class IdibuStatusObservation
{
    public required string CandidateId { get; set; }
    public required string VacancyId { get; set; }
    public required string StatusKey { get; set; }
    public DateTime FirstObservedAt { get; set; }
    public long DeliveryId { get; set; }
}

internal sealed class IdibuStatusObservationConfiguration : IEntityTypeConfiguration<IdibuStatusObservation>
{
    public void Configure(EntityTypeBuilder<IdibuStatusObservation> entity)
    {
        entity.ToTable("IdibuStatusObservations");
        entity.HasKey(o => new { o.CandidateId, o.VacancyId, o.StatusKey });
        entity.Property(o => o.CandidateId).HasMaxLength(64);
        entity.Property(o => o.VacancyId).HasMaxLength(64);
        entity.Property(o => o.StatusKey).HasMaxLength(160);
        entity.HasIndex(o => new { o.StatusKey, o.CandidateId, o.VacancyId });
    }
}

/// <summary>Every idibu status seen so far, by (type, id), with the newest label it carried.</summary>
public sealed class IdibuStatusDefinition
{
    public required string StatusKey { get; set; }
    public required string StatusType { get; set; }
    public required string StatusId { get; set; }
    public string? Label { get; set; }
    public DateTime LabelSeenAt { get; set; }
}

internal sealed class IdibuStatusDefinitionConfiguration : IEntityTypeConfiguration<IdibuStatusDefinition>
{
    public void Configure(EntityTypeBuilder<IdibuStatusDefinition> entity)
    {
        entity.ToTable("IdibuStatuses");
        entity.HasKey(s => s.StatusKey);
        entity.Property(s => s.StatusKey).HasMaxLength(160);
        entity.Property(s => s.StatusType).HasMaxLength(32);
        entity.Property(s => s.StatusId).HasMaxLength(128);
        entity.Property(s => s.Label).HasMaxLength(256);
    }
}
