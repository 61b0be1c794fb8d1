using Dashboard.Storage;
using Microsoft.Extensions.Configuration;

namespace Dashboard.Tests.Storage;

public sealed class StorageOptionsTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void WithNothingSetTheStoreIsASqliteFileUnderTheAppsDataFolder()
    {
        var root = Path.Combine(Path.GetTempPath(), "dashboard-tests", Guid.NewGuid().ToString("N"));
        var options = StorageOptions.From(Settings(), root);

        Assert.Equal(DatabaseProvider.Sqlite, options.Provider);
        Assert.Contains(Path.Combine(root, "data", "dashboard.db"), options.ConnectionString);
        Assert.True(Directory.Exists(Path.Combine(root, "data")));
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void AProviderThisVersionCannotServeStopsStartUpWithAClearMessage()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StorageOptions.From(Settings(("Database:Provider", "Oracle")), "."));
        Assert.Contains("Database:Provider is 'Oracle'", error.Message);
        Assert.Contains("Sqlite", error.Message);
    }
}
