using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Projection.ReadModel;

/// <summary>
/// How far the read model has moved, in one row. Every projector batch takes the next <see cref="Version"/> and stamps
/// it on the candidates and vacancies it changed, so whatever keeps figures in memory (on this instance or another)
/// can catch up by reading only what moved since the version it has. A change that removes rows (a rebuild, an
/// erasure) moves <see cref="Epoch"/> instead: what was kept from before is then no longer a base to build on.
/// </summary>
public sealed class ReadModelClock
{
    public const int SingleRowId = 1;

    public int Id { get; set; }
    public long Version { get; set; }
    public long Epoch { get; set; }
}

internal sealed class ReadModelClockConfiguration : IEntityTypeConfiguration<ReadModelClock>
{
    public void Configure(EntityTypeBuilder<ReadModelClock> entity)
    {
        entity.ToTable("ReadModelClock");
        entity.HasKey(c => c.Id);
        entity.Property(c => c.Id).ValueGeneratedNever();
        entity.HasData(new ReadModelClock { Id = ReadModelClock.SingleRowId, Version = 0, Epoch = 0 });
    }
}
