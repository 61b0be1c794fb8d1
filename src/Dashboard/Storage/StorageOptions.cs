namespace Dashboard.Storage;

public enum DatabaseProvider
{
    Sqlite,
}

/// <summary>Reads <c>Database:Provider</c> and <c>ConnectionStrings:Dashboard</c>, failing loudly on what it cannot serve.</summary>
public sealed record StorageOptions(DatabaseProvider Provider, string ConnectionString, string DataFolder)
{
    public const string DefaultSqlite = "Data Source=data/dashboard.db";

    public static StorageOptions From(IConfiguration configuration, string contentRoot)
    {
        var providerName = configuration["Database:Provider"];
        if (!string.IsNullOrWhiteSpace(providerName) &&
            !string.Equals(providerName, nameof(DatabaseProvider.Sqlite), StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Database:Provider is '{providerName}', which this version cannot use. Set it to 'Sqlite' (the default) or remove it.");
        }

        var connectionString = configuration.GetConnectionString("Dashboard");
        if (string.IsNullOrWhiteSpace(connectionString)) connectionString = DefaultSqlite;
        var resolved = SqliteStore.Resolve(connectionString, contentRoot);
        return new StorageOptions(DatabaseProvider.Sqlite, resolved, SqliteStore.FolderOf(resolved) ?? Path.Combine(contentRoot, "data"));
    }
}
