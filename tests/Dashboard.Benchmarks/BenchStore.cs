using Dashboard.Analytics;
using Dashboard.Analytics.Funnel;
using Dashboard.Projection;
using Dashboard.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Benchmarks;

/// <summary>
/// A store file wired the way the app wires it (pooled contexts, the app's pragmas), without the web host, so the
/// figures measure the projector and the queries rather than HTTP.
/// </summary>
public sealed class BenchStore : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private BenchStore(string file)
    {
        File = Path.GetFullPath(file);
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = File, Pooling = true }.ToString();
        var services = new ServiceCollection();
        services.AddPooledDbContextFactory<SqliteDashboardDbContext>(o => o.UseDashboardSqlite(ConnectionString));
        _services = services.BuildServiceProvider();
        Factory = new DashboardContexts(_services.GetRequiredService<IDbContextFactory<SqliteDashboardDbContext>>());
        Queries = new AnalyticsQueryService(Factory, new FunnelDefinitionStore(Factory));
    }

    public string File { get; }
    public string ConnectionString { get; }
    public IDbContextFactory<DashboardDbContext> Factory { get; }
    public IAnalyticsQueries Queries { get; }

    /// <summary>Opens (and migrates) the store in <paramref name="file"/>.</summary>
    public static async Task<BenchStore> OpenAsync(string file)
    {
        var store = new BenchStore(file);
        await using var db = await store.Factory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        return store;
    }

    public DeliveryProjector NewProjector() =>
        new(Factory, new ProjectionSignal(), new DashboardChanges(NullLogger<DashboardChanges>.Instance), new StoreWriteGate(), new LocalProjectionTurns(), TimeProvider.System,
            NullLogger<DeliveryProjector>.Instance);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    private sealed class DashboardContexts(IDbContextFactory<SqliteDashboardDbContext> inner) : IDbContextFactory<DashboardDbContext>
    {
        public DashboardDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<DashboardDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            await inner.CreateDbContextAsync(cancellationToken);
    }
}
