using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Messages.AgencyZone;

/// <summary>One setting of the agency that admins change in the app rather than in configuration (its time zone).</summary>
public sealed class AgencySetting
{
    public required string Name { get; set; }
    public required string Value { get; set; }
    public DateTime ChangedAt { get; set; }
    public required string ChangedBy { get; set; }
}

internal sealed class AgencySettingConfiguration : IEntityTypeConfiguration<AgencySetting>
{
    public void Configure(EntityTypeBuilder<AgencySetting> entity)
    {
        entity.ToTable("AgencySettings");
        entity.HasKey(s => s.Name);
        entity.Property(s => s.Name).HasMaxLength(64);
        entity.Property(s => s.Value).HasMaxLength(256);
        entity.Property(s => s.ChangedBy).HasMaxLength(256);
    }
}
