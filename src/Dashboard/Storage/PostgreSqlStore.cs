using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dashboard.Storage;

/// <summary>PostgreSQL specifics: the connection string's checks and how the context is configured.</summary>
public static class PostgreSqlStore
{
    /// <summary>
    /// Parses the connection string once at start-up, so a typo stops the app with its reason, not at the first
    /// request, and adds what the app relies on.
    /// </summary>
    public static string Validate(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(builder.Host))
                throw new InvalidOperationException("ConnectionStrings:Dashboard names no Host for PostgreSQL.");
            // A 200 promises the delivery survives a crash: ask for that on every session, whatever the server's default.
            if (builder.Options?.Contains("synchronous_commit", StringComparison.OrdinalIgnoreCase) != true)
                builder.Options = $"{builder.Options} -c synchronous_commit=on".Trim();
            return builder.ConnectionString;
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"ConnectionStrings:Dashboard is not an Npgsql connection string: {ex.Message}", ex);
        }
    }

    public static DbContextOptionsBuilder UseDashboardPostgreSql(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__Migrations"));
}
