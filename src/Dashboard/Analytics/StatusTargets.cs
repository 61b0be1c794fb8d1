using Dashboard.Analytics.Funnel;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Analytics;

/// <summary>Every status seen so far resolved through the funnel: which keys mean which stage, right now.</summary>
internal sealed record StatusTargets(FunnelDefinition Funnel, IReadOnlyDictionary<string, string?> TargetByKey)
{
    public static async Task<StatusTargets> LoadAsync(DashboardDbContext db, FunnelDefinitionStore store, CancellationToken ct)
    {
        var funnel = await store.LoadAsync(ct);
        var statuses = await db.IdibuStatuses.AsNoTracking().Select(s => new { s.StatusKey, s.Label }).ToListAsync(ct);
        return new StatusTargets(funnel, statuses.ToDictionary(s => s.StatusKey, s => funnel.TargetOf(s.StatusKey, s.Label)));
    }

    /// <summary>Keys whose stage is <paramref name="stageIndex"/> or later: holding one means the stage was reached.</summary>
    public List<string> KeysReaching(int stageIndex) =>
        TargetByKey.Where(t => Funnel.StageIndexOf(t.Value) >= stageIndex).Select(t => t.Key).ToList();

    public List<string> KeysOf(string target) => TargetByKey.Where(t => t.Value == target).Select(t => t.Key).ToList();

    public List<string> PlacedKeys => KeysOf(Funnel.PlacedStage);
}
