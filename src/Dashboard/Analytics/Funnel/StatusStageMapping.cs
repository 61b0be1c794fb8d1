using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Analytics.Funnel;

/// <summary>
/// An explicit choice for one idibu status: a stage name, <see cref="FunnelDefinition.Rejected"/>, or
/// <see cref="FunnelDefinition.Ignored"/>. Statuses without one fall back to the label rules.
/// </summary>
public sealed class StatusStageMapping
{
    public required string StatusKey { get; set; }
    public required string Target { get; set; }
    public DateTime ChangedAt { get; set; }
}

internal sealed class StatusStageMappingConfiguration : IEntityTypeConfiguration<StatusStageMapping>
{
    public void Configure(EntityTypeBuilder<StatusStageMapping> entity)
    {
        entity.ToTable("StatusStageMappings");
        entity.HasKey(m => m.StatusKey);
        entity.Property(m => m.StatusKey).HasMaxLength(160);
        entity.Property(m => m.Target).HasMaxLength(64);
    }
}
