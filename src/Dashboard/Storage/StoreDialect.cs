using Dashboard.DeliveryLog;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Storage;

/// <summary>
/// The few things the two databases do differently. Everything else (every query of the pages and the API) is plain
/// LINQ that both providers translate; these are the operations that need each one's own SQL.
/// </summary>
public abstract class StoreDialect
{
    public abstract DatabaseEngine Provider { get; }

    /// <summary>Deliveries whose raw body contains <paramref name="text"/> (UTF-8, case-sensitive, as the sender wrote it).</summary>
    public abstract IQueryable<Delivery> DeliveriesContaining(DashboardDbContext db, string text);

    /// <summary>Called inside an erasure's transaction, before anything is deleted.</summary>
    public abstract Task BeforeErasureAsync(DashboardDbContext db, CancellationToken ct);

    /// <summary>A private copy of the whole store, for what-if work that must not touch the live one.</summary>
    public abstract Task<ScratchStore> CopyAsync(CancellationToken ct);

    public static StoreDialect For(StorageOptions options, IDbContextFactory<DashboardDbContext> factory) => options.Engine switch
    {
        DatabaseEngine.PostgreSql => new PostgreSqlDialect(options),
        _ => new SqliteDialect(factory),
    };
}

/// <summary>A copy of the store that lives until disposed.</summary>
public sealed class ScratchStore(IDbContextFactory<DashboardDbContext> factory, Func<Task> remove) : IAsyncDisposable
{
    public IDbContextFactory<DashboardDbContext> Factory { get; } = factory;

    public async ValueTask DisposeAsync() => await remove();
}
