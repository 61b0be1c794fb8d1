using Dashboard.Deliveries.Quality;
using Dashboard.Instances;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Dashboard.Storage;

public static class StorageRegistration
{
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        var options = StorageOptions.From(builder.Configuration, builder.Environment.ContentRootPath);
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton<InstanceMessages>();
        var dataProtection = services.AddDataProtection().SetApplicationName("recruitment-dashboard");

        if (options.Engine == DatabaseEngine.PostgreSql)
        {
            services.AddPooledDbContextFactory<PostgreSqlDashboardDbContext>(o => o.UseDashboardPostgreSql(options.ConnectionString));
            services.AddSingleton<IDbContextFactory<DashboardDbContext>, DashboardContextFactory<PostgreSqlDashboardDbContext>>();
            // Every instance must read the cookies and secrets the others protected: the key ring lives in the store.
            services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<PostgreSqlDashboardDbContext>>().CreateDbContext());
            dataProtection.PersistKeysToDbContext<PostgreSqlDashboardDbContext>();
            services.AddSingleton<PostgreSqlInstanceLink>();
            services.AddHostedService(sp => sp.GetRequiredService<PostgreSqlInstanceLink>());
        }
        else
        {
            services.AddPooledDbContextFactory<SqliteDashboardDbContext>(o => o.UseDashboardSqlite(options.ConnectionString));
            services.AddSingleton<IDbContextFactory<DashboardDbContext>, DashboardContextFactory<SqliteDashboardDbContext>>();
            // Sign-in cookies and protected secrets must survive a restart: the key ring lives beside the database.
            dataProtection.PersistKeysToFileSystem(Directory.CreateDirectory(Path.Combine(options.DataFolder, "keys")));
        }
        services.AddSingleton(sp => StoreDialect.For(options, sp.GetRequiredService<IDbContextFactory<DashboardDbContext>>()));
        services.AddSingleton<DatabaseHealth>();
        services.AddSingleton<StoreWriteGate>();
        return builder;
    }

    /// <summary>
    /// Applies pending migrations, then <paramref name="seed"/> (keys and the first admin from configuration), before
    /// the app takes its first request. Instances starting together on one PostgreSQL store do this one after
    /// another, under an advisory lock, so the second finds the work done instead of colliding with it.
    /// </summary>
    public static async Task PrepareStoreAsync(this WebApplication app, Func<Task> seed)
    {
        var options = app.Services.GetRequiredService<StorageOptions>();
        await using (await StartUpTurnAsync(options))
        {
            var factory = app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>();
            await using (var db = await factory.CreateDbContextAsync())
            {
                await MigrationHistory.EnsureTableAsync(db, CancellationToken.None);
                await db.Database.MigrateAsync();
                await DeliveryQualityRollup.CountIfMissingAsync(db, app.Services.GetRequiredService<ProjectionTurns>(), CancellationToken.None);
            }
            await seed();
        }
        app.Services.GetRequiredService<DatabaseHealth>().MarkMigrated();
    }

    private static async Task<IAsyncDisposable> StartUpTurnAsync(StorageOptions options)
    {
        if (options.Engine != DatabaseEngine.PostgreSql) return NoTurn.Instance;
        try
        {
            return await PostgreSqlAdvisoryLock.TakeAsync(options.ConnectionString, PostgreSqlAdvisoryLock.StartUpKey, CancellationToken.None);
        }
        catch (Npgsql.PostgresException ex) when (ex.SqlState == Npgsql.PostgresErrorCodes.InvalidCatalogName)
        {
            // The database does not exist yet: migrating creates it. Only a very first start can get here.
            return NoTurn.Instance;
        }
    }

    private sealed class NoTurn : IAsyncDisposable
    {
        public static readonly NoTurn Instance = new();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class DashboardContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<DashboardDbContext>
        where TContext : DashboardDbContext
    {
        public DashboardDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<DashboardDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            await inner.CreateDbContextAsync(cancellationToken);
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite context without starting the app.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDashboardDbContext>
{
    public SqliteDashboardDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<SqliteDashboardDbContext>)new DbContextOptionsBuilder<SqliteDashboardDbContext>()
            .UseDashboardSqlite("Data Source=design-time.db").Options);
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL context; it never connects.</summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlDashboardDbContext>
{
    public PostgreSqlDashboardDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<PostgreSqlDashboardDbContext>)new DbContextOptionsBuilder<PostgreSqlDashboardDbContext>()
            .UseDashboardPostgreSql("Host=localhost;Database=dashboard").Options);
}
