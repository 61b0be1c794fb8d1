
namespace Dashboard.Storage;

public enum DatabaseEngine
{
    Sqlite,
    PostgreSql,
}

/// <summary>Reads <c>Database:Provider</c> and <c>ConnectionStrings:Dashboard</c>, failing loudly on what it cannot serve.</summary>
public sealed record StorageOptions(DatabaseEngine Engine, string ConnectionString, string DataFolder)
{
    public const string DefaultSqlite = "Data Source=data/dashboard.db";

    public static StorageOptions From(IConfiguration configuration, string contentRoot)
    {
        var engine = EngineFrom(configuration["Database:Provider"]);
        var connectionString = configuration.GetConnectionString("Dashboard");
        var dataFolder = Path.Combine(contentRoot, "data");

        if (engine == DatabaseEngine.PostgreSql)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException(
                    "Database:Provider is 'PostgreSQL' but ConnectionStrings:Dashboard is empty. Give it an Npgsql connection string, " +
                    "e.g. \"Host=db.example.internal;Database=dashboard;Username=dashboard;Password=…\".");
            return new StorageOptions(engine, PostgreSqlStore.Validate(connectionString), dataFolder);
        }

        if (string.IsNullOrWhiteSpace(connectionString)) connectionString = DefaultSqlite;
        var resolved = SqliteStore.Resolve(connectionString, contentRoot);
        return new StorageOptions(engine, resolved, SqliteStore.FolderOf(resolved) ?? dataFolder);
    }

    public static DatabaseEngine EngineFrom(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseEngine.Sqlite,
        "postgresql" or "postgres" or "npgsql" => DatabaseEngine.PostgreSql,
        _ => throw new InvalidOperationException(
            $"Database:Provider is '{name}', which this version cannot use. Set it to 'Sqlite' (the default) or 'PostgreSQL'."),
    };
}
