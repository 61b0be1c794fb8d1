using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.SenderKeys;

/// <summary>Rejected webhook requests per sender per hour: counted, never stored as deliveries.</summary>
public sealed class AuthFailureCount
{
    public required string Provider { get; set; }
    public DateTime HourStart { get; set; }
    public long Count { get; set; }
}

internal sealed class AuthFailureCountConfiguration : IEntityTypeConfiguration<AuthFailureCount>
{
    public void Configure(EntityTypeBuilder<AuthFailureCount> entity)
    {
        entity.ToTable("AuthFailures");
        entity.HasKey(a => new { a.Provider, a.HourStart });
        entity.Property(a => a.Provider).HasMaxLength(16);
    }
}
