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

        Assert.Equal(DatabaseEngine.Sqlite, options.Engine);
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

    [Fact]
    public void PostgreSqlNeedsAConnectionStringAndSaysWhatOneLooksLike()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StorageOptions.From(Settings(("Database:Provider", "PostgreSQL")), "."));
        Assert.Contains("ConnectionStrings:Dashboard is empty", error.Message);
        Assert.Contains("Host=", error.Message);
    }

    [Fact]
    public void AMalformedPostgreSqlConnectionStringStopsStartUpWithTheReason()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StorageOptions.From(
            Settings(("Database:Provider", "postgresql"), ("ConnectionStrings:Dashboard", "Hots=db;Database=dashboard")), "."));
        Assert.Contains("not an Npgsql connection string", error.Message);
    }

    [Fact]
    public void OnPostgreSqlEverySessionAsksForSynchronousCommitsWhateverTheServerDefault()
    {
        var options = StorageOptions.From(
            Settings(("Database:Provider", "PostgreSQL"), ("ConnectionStrings:Dashboard", "Host=db;Database=dashboard;Username=d")), ".");

        Assert.Equal(DatabaseEngine.PostgreSql, options.Engine);
        Assert.Contains("synchronous_commit=on", new Npgsql.NpgsqlConnectionStringBuilder(options.ConnectionString).Options);
    }
}
