using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Analytics.Funnel;

/// <summary>Reads the funnel from the store; the default stages stand until an admin saves others.</summary>
public sealed class FunnelDefinitionStore(IDbContextFactory<DashboardDbContext> factory)
{
    public async Task<FunnelDefinition> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var stages = await db.FunnelStages.AsNoTracking().OrderBy(s => s.Position).Select(s => s.Name).ToListAsync(cancellationToken);
        var mappings = await db.StatusStageMappings.AsNoTracking().ToDictionaryAsync(m => m.StatusKey, m => m.Target, cancellationToken);
        return new FunnelDefinition(stages.Count > 0 ? stages : FunnelDefinition.DefaultStages, mappings);
    }
}
