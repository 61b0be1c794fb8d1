using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Dashboard.Storage;

public static class StorageRegistration
{
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        var options = StorageOptions.From(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(options);
        builder.Services.AddPooledDbContextFactory<SqliteDashboardDbContext>(o => o.UseDashboardSqlite(options.ConnectionString));
        builder.Services.AddSingleton<IDbContextFactory<DashboardDbContext>, DashboardContextFactory<SqliteDashboardDbContext>>();
        builder.Services.AddSingleton<DatabaseHealth>();
        builder.Services.AddSingleton<StoreWriteGate>();

        // Sign-in cookies and protected secrets must survive a restart: the key ring lives beside the database.
        var keysFolder = Directory.CreateDirectory(Path.Combine(options.DataFolder, "keys"));
        builder.Services.AddDataProtection().PersistKeysToFileSystem(keysFolder).SetApplicationName("recruitment-dashboard");
        return builder;
    }

    /// <summary>Applies pending migrations before the app takes its first request.</summary>
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
