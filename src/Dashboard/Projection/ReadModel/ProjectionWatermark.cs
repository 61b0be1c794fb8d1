using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Projection.ReadModel;

/// <summary>
/// How far the projector has come through the delivery log, in one row: every delivery up to <see cref="DeliveryId"/>
/// whose own status says nothing else (quarantined, failed, erased, queued again by a replay) is projected. Moved in
/// the same transaction as a batch's read-model rows, so a delivery row is written only where it is not the normal case.
/// Ids are handed out in commit order (see <see cref="Ingestion.DeliveryLogWriter"/>), so no delivery can appear
/// below the watermark after it has moved past.
/// </summary>
public sealed class ProjectionWatermark
{
    public const int SingleRowId = 1;

    public int Id { get; set; }
    public long DeliveryId { get; set; }
}

internal sealed class ProjectionWatermarkConfiguration : IEntityTypeConfiguration<ProjectionWatermark>
{
    public void Configure(EntityTypeBuilder<ProjectionWatermark> entity)
    {
        entity.ToTable("ProjectionWatermark");
        entity.HasKey(w => w.Id);
        entity.Property(w => w.Id).ValueGeneratedNever();
        entity.HasData(new ProjectionWatermark { Id = ProjectionWatermark.SingleRowId, DeliveryId = 0 });
    }
}
