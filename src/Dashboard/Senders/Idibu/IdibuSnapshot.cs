using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Senders.Idibu;

/// <summary>One projected candidate snapshot; <see cref="OutOfOrder"/> marks one that arrived after a newer one.</summary>
public sealed class IdibuSnapshot
{
    public long DeliveryId { get; set; }
    public required string CandidateId { get; set; }
    public DateTime SnapshotAt { get; set; }
    public bool OutOfOrder { get; set; }
}

internal sealed class IdibuSnapshotConfiguration : IEntityTypeConfiguration<IdibuSnapshot>
{
    public void Configure(EntityTypeBuilder<IdibuSnapshot> entity)
    {
        entity.ToTable("IdibuSnapshots");
        entity.HasKey(s => s.DeliveryId);
        entity.Property(s => s.DeliveryId).ValueGeneratedNever();
        entity.Property(s => s.CandidateId).HasMaxLength(64);
        entity.HasIndex(s => new { s.CandidateId, s.SnapshotAt });
    }
}
