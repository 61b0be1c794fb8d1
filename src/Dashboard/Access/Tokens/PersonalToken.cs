using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Access.Tokens;

/// <summary>A person's API token: only its hash is stored; it acts with its owner's roles.</summary>
public sealed class PersonalToken
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    public required byte[] Hash { get; set; }
    public required string Hint { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

internal sealed class PersonalTokenConfiguration : IEntityTypeConfiguration<PersonalToken>
{
    public void Configure(EntityTypeBuilder<PersonalToken> entity)
    {
        entity.ToTable("ApiTokens");
        entity.Property(t => t.UserId).HasMaxLength(450);
        entity.Property(t => t.Name).HasMaxLength(128);
        entity.Property(t => t.Hash).HasMaxLength(32);
        entity.HasIndex(t => t.Hash).IsUnique();
        entity.Property(t => t.Hint).HasMaxLength(16);
        entity.HasIndex(t => t.UserId);
    }
}
