using System.Net.Http.Json;
using Dashboard.Deliveries;
using Dashboard.Storage;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dashboard.Tests.Storage.Migrations;

/// <summary>
/// Before this migration every projected delivery was marked on its row. Upgrading must show each delivery as it was
/// shown before: projected ones projected, a delivery a replay queued again still waiting, the rest as they were.
/// </summary>
public sealed class ProjectionWatermarkMigrationTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task EveryDeliveryShowsTheStatusItHadBeforeTheUpgrade()
    {
        var before = new Dictionary<long, string>
        {
            [1] = "Projected", [2] = "Accepted", [3] = "Projected", [4] = "Quarantined", [5] = "Failed", [6] = "Erased", [7] = "Accepted",
        };
        await using (var db = Open())
        {
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(_database.IsPostgreSql ? "20261201214250_SavedViewsAndKioskScreens" : "20261201214225_SavedViewsAndKioskScreens");
            foreach (var (id, status) in before) await AddDeliveryAsync(db, id, status);
            await migrator.MigrateAsync();
        }

        await using var app = new DashboardApplication(_database, projection: false);
        var api = app.CreateApiClient();
        foreach (var (id, status) in before)
        {
            var shown = (await api.GetFromJsonAsync<DeliveryDetail>($"/api/deliveries/{id}"))!.Status;
            Assert.Equal(status.ToLowerInvariant(), shown);
        }
        Assert.Equal([7, 2], (await api.GetFromJsonAsync<DeliveryPage>("/api/deliveries?status=accepted"))!.Items.Select(d => d.Id));
    }

    private DashboardDbContext Open() => _database.IsPostgreSql
        ? new PostgreSqlDashboardDbContext((DbContextOptions<PostgreSqlDashboardDbContext>)new DbContextOptionsBuilder<PostgreSqlDashboardDbContext>()
            .UseDashboardPostgreSql(_database.ConnectionString).Options)
        : new SqliteDashboardDbContext((DbContextOptions<SqliteDashboardDbContext>)new DbContextOptionsBuilder<SqliteDashboardDbContext>()
            .UseDashboardSqlite(_database.ConnectionString).Options);

    private static Task AddDeliveryAsync(DashboardDbContext db, long id, string status) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "Deliveries" ("Id", "Provider", "ReceivedAt", "DedupeKey", "HeadersJson", "Body", "BodySha256", "BodyLength", "Status", "DuplicateCount")
            VALUES ({id}, {"idibu"}, {DateTime.UtcNow}, {"idibu:" + id}, {"{}"}, {"{}"u8.ToArray()}, {new string('0', 64)}, {2}, {status}, {0})
            """);
}
