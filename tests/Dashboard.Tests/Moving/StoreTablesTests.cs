using Dashboard.Moving;
using Dashboard.Storage;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Moving;

[Trait(TestRuns.Name, TestRuns.Once)]
public sealed class StoreTablesTests
{
    [Fact]
    public void EveryTableOfTheModelIsEitherCopiedOrRebuilt()
    {
        // Building the model needs no database: the file is never opened.
        using var db = new SqliteDashboardDbContext((DbContextOptions<SqliteDashboardDbContext>)new DbContextOptionsBuilder<SqliteDashboardDbContext>()
            .UseDashboardSqlite("Data Source=never-opened.db").Options);

        var roles = StoreTables.Classify(db.Model);

        var unclassified = db.Model.GetEntityTypes().Where(e => !roles.ContainsKey(e)).Select(e => e.GetTableName()).ToList();
        Assert.Empty(unclassified);
        var named = StoreTables.DeliveryLog.Concat(StoreTables.ReadModel).Concat(StoreTables.KeyRing).Concat(StoreTables.Settings).ToList();
        Assert.Equal(named.Count, named.Distinct().Count());
        Assert.All(named, type => Assert.NotNull(db.Model.FindEntityType(type)));
    }

    [Fact]
    public void SettingsAreInsertedAfterTheTablesTheyPointTo()
    {
        using var db = new SqliteDashboardDbContext((DbContextOptions<SqliteDashboardDbContext>)new DbContextOptionsBuilder<SqliteDashboardDbContext>()
            .UseDashboardSqlite("Data Source=never-opened.db").Options);

        var order = StoreTables.SettingsInInsertOrder(db.Model).Select(e => e.GetTableName()).ToList();

        Assert.Equal(StoreTables.Settings.Count, order.Count);
        Assert.True(order.IndexOf("AspNetUsers") < order.IndexOf("AspNetUserRoles"));
        Assert.True(order.IndexOf("AspNetRoles") < order.IndexOf("AspNetUserRoles"));
    }
}
