using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Senders.Idibu;

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
