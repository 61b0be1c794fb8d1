using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.SenderKeys;

/// <summary>
/// Optional checks per sender beyond the URL key: firstbird's own HTTP Basic credentials, a source-IP allow-list, and
/// idibu's shared secret (kept encrypted with the app's data-protection keys: it must be readable to check HMACs).
/// </summary>
public sealed class SenderSettings
{
    public required string Provider { get; set; }
    public string? BasicUsername { get; set; }
    public string? BasicPasswordHash { get; set; }
    public string? AllowedIps { get; set; }
    public string? ProtectedHmacSecret { get; set; }
    public bool EnforceHmac { get; set; }
}

internal sealed class SenderSettingsConfiguration : IEntityTypeConfiguration<SenderSettings>
{
    public void Configure(EntityTypeBuilder<SenderSettings> entity)
    {
        entity.ToTable("SenderSettings");
        entity.HasKey(s => s.Provider);
        entity.Property(s => s.Provider).HasMaxLength(16);
        entity.Property(s => s.BasicUsername).HasMaxLength(128);
        entity.Property(s => s.BasicPasswordHash).HasMaxLength(256);
        entity.Property(s => s.AllowedIps).HasMaxLength(2048);
        entity.Property(s => s.ProtectedHmacSecret).HasMaxLength(1024);
    }
}
