using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Senders.Idibu;

/// <summary>A vacancy: from its own deliveries when idibu sent them, else from what candidate snapshots say of it.</summary>
public sealed class IdibuVacancy
{
    public required string VacancyId { get; set; }
    public string? Title { get; set; }
    public string? Reference { get; set; }
    public string? Status { get; set; }
    public string? Location { get; set; }
    public string? Country { get; set; }

    /// <summary>Null while only candidate snapshots have mentioned it.</summary>
    public DateTime? SnapshotAt { get; set; }

    public string? SnapshotTieBreak { get; set; }
    public long DeliveryId { get; set; }

    /// <summary>The <see cref="ReadModelClock.Version"/> of the batch that last changed the vacancy.</summary>
    public long ChangeVersion { get; set; }
}

internal sealed class IdibuVacancyConfiguration : IEntityTypeConfiguration<IdibuVacancy>
{
    public void Configure(EntityTypeBuilder<IdibuVacancy> entity)
    {
        entity.ToTable("IdibuVacancies");
        entity.HasKey(v => v.VacancyId);
        entity.Property(v => v.VacancyId).HasMaxLength(64);
        entity.Property(v => v.Title).HasMaxLength(256);
        entity.Property(v => v.Reference).HasMaxLength(128);
        entity.Property(v => v.Status).HasMaxLength(64);
        entity.Property(v => v.Location).HasMaxLength(256);
        entity.Property(v => v.Country).HasMaxLength(64);
        entity.Property(v => v.SnapshotTieBreak).HasMaxLength(64);
        entity.HasIndex(v => v.ChangeVersion);
    }
}
