using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.SenderKeys;

/// <summary>
/// A secret that opens one sender's webhook URL. Only its SHA-256 is stored: keys carry at least 128 random bits,
/// so a fast hash is enough and lets the check run on every request without a slow KDF.
/// </summary>
public sealed class SenderKey
{
    public int Id { get; set; }
    public required string Provider { get; set; }
    public required byte[] KeyHash { get; set; }

    /// <summary>The first characters of the key, so an admin can tell keys apart without seeing them.</summary>
    public required string Hint { get; set; }

    public required string Origin { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Set during a rotation: the key keeps working until then.</summary>
    public DateTime? ExpiresAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public bool IsLiveAt(DateTime utcNow) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > utcNow);
}

internal sealed class SenderKeyConfiguration : IEntityTypeConfiguration<SenderKey>
{
    public void Configure(EntityTypeBuilder<SenderKey> entity)
    {
        entity.ToTable("EndpointKeys");
        entity.Property(k => k.Provider).HasMaxLength(16);
        entity.Property(k => k.KeyHash).HasMaxLength(32);
        entity.HasIndex(k => k.KeyHash).IsUnique();
        entity.Property(k => k.Hint).HasMaxLength(16);
        entity.Property(k => k.Origin).HasMaxLength(32);
    }
}
