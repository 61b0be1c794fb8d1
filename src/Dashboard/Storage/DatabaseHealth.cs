using Microsoft.EntityFrameworkCore;

namespace Dashboard.Storage;

/// <summary>Healthy once migrations are applied and the database answers a query.</summary>
public sealed class DatabaseHealth(IDbContextFactory<DashboardDbContext> factory)
{
    private volatile bool _migrated;

    public void MarkMigrated() => _migrated = true;

    public async Task<(bool Healthy, string Detail)> CheckAsync(CancellationToken cancellationToken)
    {
        if (!_migrated) return (false, "migrations are not applied yet");
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            return await db.Database.CanConnectAsync(cancellationToken)
                ? (true, "ok")
                : (false, "the database does not answer");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (false, "the database does not answer");
        }
    }
}
