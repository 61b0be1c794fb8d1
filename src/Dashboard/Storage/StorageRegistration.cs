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

        if (options.Provider == DatabaseProvider.PostgreSql)
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
    /// Applies pending migrations before the app takes its first request. Instances starting together on one
    /// PostgreSQL store are safe: EF Core holds a database lock while it migrates, and the second finds nothing to do.
    /// </summary>
    public static async Task MigrateStoreAsync(this WebApplication app)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        app.Services.GetRequiredService<DatabaseHealth>().MarkMigrated();
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
