using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Projection.ReadModel;

/// <summary>When the batch that moved the watermark up to <see cref="UpToDeliveryId"/> was committed: a delivery's projection time.</summary>
public sealed class ProjectedBatch
{
    public long UpToDeliveryId { get; set; }
    public DateTime ProjectedAt { get; set; }
}

internal sealed class ProjectedBatchConfiguration : IEntityTypeConfiguration<ProjectedBatch>
{
    public void Configure(EntityTypeBuilder<ProjectedBatch> entity)
    {
        entity.ToTable("ProjectedBatches");
        entity.HasKey(b => b.UpToDeliveryId);
        entity.Property(b => b.UpToDeliveryId).ValueGeneratedNever();
    }
}
