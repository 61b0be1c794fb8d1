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
