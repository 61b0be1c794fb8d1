using Dashboard.Analytics;
using Dashboard.Analytics.Funnel;
using Dashboard.Analytics.Index;
using Dashboard.Instances;
using Dashboard.Projection;
using Dashboard.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Benchmarks;

/// <summary>
/// A store wired the way the app wires it (pooled contexts, the app's pragmas or session options), without the web
/// host, so the figures measure the projector and the queries rather than HTTP. A store is a SQLite file, or a
/// PostgreSQL database given by its Npgsql connection string (<c>Host=…;Database=…</c>).
/// </summary>
public sealed class BenchStore : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private BenchStore(string store)
    {
        var services = new ServiceCollection();
        IsPostgreSql = store.Contains("Host=", StringComparison.OrdinalIgnoreCase);
        if (IsPostgreSql)
        {
            File = "";
            ConnectionString = PostgreSqlStore.Validate(store);
            services.AddPooledDbContextFactory<PostgreSqlDashboardDbContext>(o => o.UseDashboardPostgreSql(ConnectionString));
            _services = services.BuildServiceProvider();
            Factory = new DashboardContexts<PostgreSqlDashboardDbContext>(_services.GetRequiredService<IDbContextFactory<PostgreSqlDashboardDbContext>>());
        }
        else
        {
            File = Path.GetFullPath(store);
            ConnectionString = new SqliteConnectionStringBuilder { DataSource = File, Pooling = true }.ToString();
            services.AddPooledDbContextFactory<SqliteDashboardDbContext>(o => o.UseDashboardSqlite(ConnectionString));
            _services = services.BuildServiceProvider();
            Factory = new DashboardContexts<SqliteDashboardDbContext>(_services.GetRequiredService<IDbContextFactory<SqliteDashboardDbContext>>());
        }
        Queries = new AnalyticsQueryService(Factory, new FunnelDefinitionStore(Factory));
    }

    public bool IsPostgreSql { get; }

    /// <summary>The SQLite file; empty for a PostgreSQL store.</summary>
    public string File { get; }

    /// <summary>What a report calls the store: the file's name, or the database's.</summary>
    public string Name => IsPostgreSql ? new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString).Database ?? "" : Path.GetFileName(File);
    public string ConnectionString { get; }
    public IDbContextFactory<DashboardDbContext> Factory { get; }
    public IAnalyticsQueries Queries { get; }

    /// <summary>Opens (and migrates) <paramref name="store"/>: a SQLite file or an Npgsql connection string.</summary>
    public static async Task<BenchStore> OpenAsync(string store)
    {
        var opened = new BenchStore(store);
        await using var db = await opened.Factory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        return opened;
    }

    /// <summary>
    /// The figures as the app serves them once its figure index is built: the index is built here, in this process,
    /// before this returns. Dispose the host after use.
    /// </summary>
    public async Task<(IAnalyticsQueries Queries, FigureIndexHost Index)> IndexedQueriesAsync()
    {
        var index = new FigureIndexHost(Factory, NullLogger<FigureIndexHost>.Instance);
        await index.StartAsync(CancellationToken.None);
        while (!index.IsBuilt) await Task.Delay(50);
        return (new AnalyticsQueryService(Factory, new FunnelDefinitionStore(Factory), index), index);
    }

    public DeliveryProjector NewProjector() =>
        new(Factory, new ProjectionSignal(), new DashboardChanges(NullLogger<DashboardChanges>.Instance), new StoreWriteGate(), new LocalProjectionTurns(), TimeProvider.System,
            NullLogger<DeliveryProjector>.Instance);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (IsPostgreSql) Npgsql.NpgsqlConnection.ClearAllPools();
        else SqliteConnection.ClearAllPools();
    }

    private sealed class DashboardContexts<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<DashboardDbContext>
        where TContext : DashboardDbContext
    {
        public DashboardDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<DashboardDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            await inner.CreateDbContextAsync(cancellationToken);
    }
}
