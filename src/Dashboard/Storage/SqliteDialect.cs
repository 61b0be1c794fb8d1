using Dashboard.DeliveryLog;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Storage;

public sealed class SqliteDialect(IDbContextFactory<DashboardDbContext> factory) : StoreDialect
{
    public override DatabaseEngine Provider => DatabaseEngine.Sqlite;

    // The body is stored as bytes; SQLite reads them as UTF-8 text when cast.
    public override IQueryable<Delivery> DeliveriesContaining(DashboardDbContext db, string text) =>
        db.Deliveries.FromSqlInterpolated($"SELECT * FROM \"Deliveries\" WHERE instr(CAST(\"Body\" AS TEXT), {text}) > 0");

    // Overwrite freed pages too, so erased data does not linger in the file.
    public override Task BeforeErasureAsync(DashboardDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("PRAGMA secure_delete = ON;", ct);

    public override async Task<ScratchStore> CopyAsync(CancellationToken ct)
    {
        var file = Path.Combine(Path.GetTempPath(), $"dashboard-scratch-{Guid.NewGuid():N}.db");
        await using (var db = await factory.CreateDbContextAsync(ct))
            await db.Database.ExecuteSqlRawAsync("VACUUM INTO {0}", [file], ct);
        var options = (DbContextOptions<SqliteDashboardDbContext>)new DbContextOptionsBuilder<SqliteDashboardDbContext>()
            .UseDashboardSqlite($"Data Source={file};Pooling=False").Options;
        return new ScratchStore(new ContextFactory(() => new SqliteDashboardDbContext(options)), () =>
        {
            foreach (var path in new[] { file, file + "-wal", file + "-shm" }) File.Delete(path);
            return Task.CompletedTask;
        });
    }
}

/// <summary>Contexts made by a function: for stores opened outside the app's own registration (copies, moves).</summary>
public sealed class ContextFactory(Func<DashboardDbContext> create) : IDbContextFactory<DashboardDbContext>
{
    public DashboardDbContext CreateDbContext() => create();
}
