using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Senders.Idibu;

/// <summary>A candidate as its newest snapshot describes it.</summary>
public sealed class IdibuCandidate
{
    public required string CandidateId { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Email { get; set; }
    public string? Source { get; set; }
    public string? ConsultantId { get; set; }
    public string? ConsultantName { get; set; }

    /// <summary>idibu's <c>creation_date</c>, else the earliest snapshot seen: the candidate's own time for filters.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>The candidate's own place (older "Advanced" payloads only); null when the payload had none.</summary>
    public string? Location { get; set; }

    public DateTime SnapshotAt { get; set; }

    /// <summary>Breaks ties between snapshots with the same timestamp, so every arrival order picks the same one.</summary>
    public required string SnapshotTieBreak { get; set; }

    public long DeliveryId { get; set; }

    /// <summary>The <see cref="ReadModelClock.Version"/> of the batch that last changed the candidate or its pairs.</summary>
    public long ChangeVersion { get; set; }
}

internal sealed class IdibuCandidateConfiguration : IEntityTypeConfiguration<IdibuCandidate>
{
    public void Configure(EntityTypeBuilder<IdibuCandidate> entity)
    {
        entity.ToTable("IdibuCandidates");
        entity.HasKey(c => c.CandidateId);
        entity.Property(c => c.CandidateId).HasMaxLength(64);
        entity.Property(c => c.FirstName).HasMaxLength(256);
        entity.Property(c => c.LastName).HasMaxLength(256);
        entity.Property(c => c.Email).HasMaxLength(320);
        entity.Property(c => c.Source).HasMaxLength(256);
        entity.Property(c => c.ConsultantId).HasMaxLength(64);
        entity.Property(c => c.ConsultantName).HasMaxLength(256);
        entity.Property(c => c.Location).HasMaxLength(256);
        entity.Property(c => c.SnapshotTieBreak).HasMaxLength(64);
        // Covers the per-source, per-consultant and per-place counts, so they never read names and emails.
        entity.HasIndex(c => new { c.CreatedAt, c.Source, c.ConsultantId, c.Location });
        entity.HasIndex(c => new { c.Source, c.CreatedAt });
        entity.HasIndex(c => new { c.ConsultantId, c.CreatedAt });
        entity.HasIndex(c => c.ChangeVersion);
    }
}
