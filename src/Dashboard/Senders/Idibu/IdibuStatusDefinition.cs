using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Senders.Idibu;

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
