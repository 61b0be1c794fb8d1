using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Senders.Firstbird;

/// <summary>A firstbird job application folded from all its facts in <c>date_time</c> order.</summary>
public sealed class ReferralApplication
{
    public required string ApplicationId { get; set; }
    public string? JobId { get; set; }
    public string? JobTitle { get; set; }
    public string? ApplicantName { get; set; }
    public string? ReceivedType { get; set; }

    /// <summary>The received fact's time, else the earliest fact's: the application's own time for filters.</summary>
    public DateTime ReceivedAt { get; set; }

    public required string State { get; set; }
    public DateTime StateAt { get; set; }
    public string? Rating { get; set; }
    public string? CloseReason { get; set; }
    public DateTime? HiredAt { get; set; }
    public bool RewardEligible { get; set; }
    public DateOnly? FirstDayOfWork { get; set; }
    public bool Deleted { get; set; }
    public long DeliveryId { get; set; }

    /// <summary>The <see cref="ReadModelClock.Version"/> of the batch that last changed the application or its feedback.</summary>
    public long ChangeVersion { get; set; }
}

internal sealed class ReferralApplicationConfiguration : IEntityTypeConfiguration<ReferralApplication>
{
    public void Configure(EntityTypeBuilder<ReferralApplication> entity)
    {
        entity.ToTable("ReferralApplications");
        entity.HasKey(a => a.ApplicationId);
        entity.Property(a => a.ApplicationId).HasMaxLength(64);
        entity.Property(a => a.JobId).HasMaxLength(64);
        entity.Property(a => a.JobTitle).HasMaxLength(256);
        entity.Property(a => a.ApplicantName).HasMaxLength(256);
        entity.Property(a => a.ReceivedType).HasMaxLength(32);
        entity.Property(a => a.State).HasMaxLength(16);
        entity.Property(a => a.Rating).HasMaxLength(8);
        entity.Property(a => a.CloseReason).HasMaxLength(64);
        entity.HasIndex(a => new { a.Deleted, a.ReceivedAt });
        entity.HasIndex(a => a.ChangeVersion);
    }
}
