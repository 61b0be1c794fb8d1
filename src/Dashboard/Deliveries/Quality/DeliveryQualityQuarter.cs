using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Deliveries.Quality;

/// <summary>
/// The data-quality counts of the deliveries that arrived in one quarter of an hour (UTC): what the quality figures
/// add up instead of counting the delivery log. Kept exact by whoever changes what they count, in the same
/// transaction (see <see cref="DeliveryQualityRollup"/>). A quarter of an hour, because every time zone's day starts on one.
/// </summary>
public sealed class DeliveryQualityQuarter
{
    /// <summary>Quarters of an hour since 0001-01-01 UTC: <c>ticks / 9,000,000,000</c>.</summary>
    public long Quarter { get; set; }

    public long Deliveries { get; set; }

    /// <summary>Deliveries the sender repeated (counted on the first one).</summary>
    public long DuplicateDeliveries { get; set; }

    /// <summary>Deliveries quarantined, on arrival or by the projector.</summary>
    public long Quarantined { get; set; }

    /// <summary>Envelopes quarantined inside a firstbird batch that was otherwise understood.</summary>
    public long QuarantinedEnvelopes { get; set; }

    /// <summary>idibu snapshots that arrived after a newer one of the same candidate.</summary>
    public long OutOfOrder { get; set; }

    /// <summary>firstbird events repeated inside other batches (counted on the delivery that first carried them).</summary>
    public long RepeatedEvents { get; set; }
}

internal sealed class DeliveryQualityQuarterConfiguration : IEntityTypeConfiguration<DeliveryQualityQuarter>
{
    public void Configure(EntityTypeBuilder<DeliveryQualityQuarter> entity)
    {
        entity.ToTable("DeliveryQualityQuarters");
        entity.HasKey(q => q.Quarter);
        entity.Property(q => q.Quarter).ValueGeneratedNever();
    }
}
