using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Kiosk;

/// <summary>
/// A wall screen an admin set up: the pages it shows in turn and the read-only token its address carries. Like a
/// personal API token, only the token's hash is stored, it is listed by a hint with its last use, and it can be
/// revoked; unlike one, it stands for nobody and opens nothing but this screen's pages.
/// </summary>
public sealed class KioskScreen
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The pages by name, in order, separated by commas.</summary>
    public required string Pages { get; set; }

    public int Seconds { get; set; }
    public required byte[] Hash { get; set; }
    public required string Hint { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

internal sealed class KioskScreenConfiguration : IEntityTypeConfiguration<KioskScreen>
{
    public void Configure(EntityTypeBuilder<KioskScreen> entity)
    {
        entity.ToTable("KioskScreens");
        entity.Property(k => k.Name).HasMaxLength(KioskScreens.MaxNameLength);
        entity.Property(k => k.Pages).HasMaxLength(256);
        entity.Property(k => k.Hash).HasMaxLength(32);
        entity.HasIndex(k => k.Hash).IsUnique();
        entity.Property(k => k.Hint).HasMaxLength(16);
        entity.Property(k => k.CreatedBy).HasMaxLength(256);
    }
}
