using Dashboard.Projection.ReadModel;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Projection;

/// <summary>The moves of the <see cref="ReadModelClock"/> that are not a projector batch.</summary>
public static class ReadModelEpoch
{
    /// <summary>
    /// Says that rows were removed from the read model (a rebuild emptied it, an erasure took a candidate out): figures
    /// kept in memory start again from the store instead of catching up. Runs in the caller's transaction.
    /// </summary>
    public static Task BeginNewAsync(DashboardDbContext db, CancellationToken ct) =>
        db.ReadModelClock.Where(c => c.Id == ReadModelClock.SingleRowId)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.Epoch, c => c.Epoch + 1), ct);
}
