using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Senders.Firstbird;

/// <summary>An envelope of an otherwise accepted firstbird batch that could not be understood.</summary>
public sealed class QuarantinedEnvelope
{
    public long DeliveryId { get; set; }
    public int EnvelopeIndex { get; set; }
    public required string EnvelopeHash { get; set; }
    public required string Reason { get; set; }
}

internal sealed class QuarantinedEnvelopeConfiguration : IEntityTypeConfiguration<QuarantinedEnvelope>
{
    public void Configure(EntityTypeBuilder<QuarantinedEnvelope> entity)
    {
        entity.ToTable("QuarantinedEnvelopes");
        entity.HasKey(q => new { q.DeliveryId, q.EnvelopeIndex });
        entity.Property(q => q.EnvelopeHash).HasMaxLength(64);
        entity.Property(q => q.Reason).HasMaxLength(1024);
    }
}
