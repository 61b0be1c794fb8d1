using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Admin.Audit;

/// <summary>Who did what to what, and when. Details never hold a secret: a key appears only as its hint.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public string? Target { get; set; }
    public string? Details { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entity)
    {
        entity.ToTable("AuditLog");
        entity.Property(a => a.Actor).HasMaxLength(256);
        entity.Property(a => a.Action).HasMaxLength(64);
        entity.Property(a => a.Target).HasMaxLength(256);
        entity.Property(a => a.Details).HasMaxLength(2048);
        entity.HasIndex(a => a.At);
        entity.HasIndex(a => new { a.Action, a.At });
    }
}
