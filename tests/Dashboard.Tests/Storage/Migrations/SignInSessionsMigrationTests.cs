using Dashboard.Storage;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dashboard.Tests.Storage.Migrations;

/// <summary>
/// Before this migration a disabled person was one locked out for ever. Upgrading must keep them disabled, under the
/// new column, and leave an ordinary lockout (wrong passwords, minutes long) as it was.
/// </summary>
public sealed class SignInSessionsMigrationTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task APersonLockedOutForEverBecomesDisabledAndAShortLockoutStaysALockout()
    {
        await using var db = Open();
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(_database.IsPostgreSql ? "20261129223916_InitialStore" : "20261129223901_SharedKeyRing");
        await AddPersonAsync(db, "switched-off", DateTimeOffset.MaxValue);
        await AddPersonAsync(db, "mistyped", DateTimeOffset.UtcNow.AddMinutes(15));
        await AddPersonAsync(db, "ordinary", null);

        await migrator.MigrateAsync();

        var people = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id);
        Assert.True(people["switched-off"].Disabled);
        Assert.Null(people["switched-off"].LockoutEnd);
        Assert.False(people["mistyped"].Disabled);
        Assert.True(people["mistyped"].LockoutEnd > DateTimeOffset.UtcNow);
        Assert.False(people["ordinary"].Disabled);
    }

    private DashboardDbContext Open() => _database.IsPostgreSql
        ? new PostgreSqlDashboardDbContext((DbContextOptions<PostgreSqlDashboardDbContext>)new DbContextOptionsBuilder<PostgreSqlDashboardDbContext>()
            .UseDashboardPostgreSql(_database.ConnectionString).Options)
        : new SqliteDashboardDbContext((DbContextOptions<SqliteDashboardDbContext>)new DbContextOptionsBuilder<SqliteDashboardDbContext>()
            .UseDashboardSqlite(_database.ConnectionString).Options);

    // The columns as the earlier schema had them: the model of today knows columns that do not exist yet.
    private static Task AddPersonAsync(DashboardDbContext db, string id, DateTimeOffset? lockoutEnd) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "AspNetUsers" ("Id", "UserName", "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnd",
                "LockoutEnabled", "AccessFailedCount", "CreatedAt")
            VALUES ({id}, {id}, {true}, {false}, {false}, {lockoutEnd}, {true}, {0}, {DateTime.UtcNow})
            """);
}
