using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Analytics.Funnel;

/// <summary>A stage of the configurable funnel; <see cref="Position"/> orders them.</summary>
public sealed class FunnelStage
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int Position { get; set; }
}

internal sealed class FunnelStageConfiguration : IEntityTypeConfiguration<FunnelStage>
{
    public void Configure(EntityTypeBuilder<FunnelStage> entity)
    {
        entity.ToTable("FunnelStages");
        entity.Property(s => s.Name).HasMaxLength(64);
        entity.HasIndex(s => s.Name).IsUnique();
    }
}
