using Microsoft.EntityFrameworkCore;

namespace Dashboard.LoadTests.Targets;

/// <summary>
/// What a typical first attempt does: a new DbContext and one <c>SaveChanges</c> (one transaction, one fsync) per
/// request, with the app's durability settings. The app's throughput is reported as a multiple of it.
/// </summary>
public static class NaiveReceiver
{
    public sealed class Received
    {
        public long Id { get; set; }
        public string Provider { get; set; } = "";
        public byte[] Body { get; set; } = [];
        public string? ContentType { get; set; }
        public DateTime ReceivedAt { get; set; }
    }

    public sealed class Store(DbContextOptions<Store> options) : DbContext(options)
    {
        public DbSet<Received> Deliveries => Set<Received>();
    }

    public static async Task<int> RunAsync(int port, string databasePath)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        builder.Services.AddDbContext<Store>(o => o.UseSqlite($"Data Source={databasePath}"));
        var app = builder.Build();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Store>();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await db.Database.ExecuteSqlRawAsync(
                "CREATE TABLE IF NOT EXISTS Deliveries (Id INTEGER PRIMARY KEY AUTOINCREMENT, Provider TEXT NOT NULL, Body BLOB NOT NULL, ContentType TEXT NULL, ReceivedAt TEXT NOT NULL)");
        }

        app.MapGet("/health", () => Results.Ok());
        app.MapPost("/webhooks/{provider}/{key}", async (string provider, HttpRequest request, Store db) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            var row = new Received { Provider = provider, Body = buffer.ToArray(), ContentType = request.ContentType, ReceivedAt = DateTime.UtcNow };
            db.Deliveries.Add(row);
            await db.SaveChangesAsync();
            return Results.Json(new { deliveryId = row.Id });
        });
        await app.RunAsync();
        return 0;
    }
}
