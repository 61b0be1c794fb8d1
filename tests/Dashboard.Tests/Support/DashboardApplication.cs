using System.Net.Http.Headers;
using Dashboard.Projection;
using Dashboard.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace Dashboard.Tests.Support;

/// <summary>
/// The whole app in memory on a real store of its own (a SQLite file, or a PostgreSQL database when the suite runs
/// against PostgreSQL: see <see cref="TestDatabase"/>). Keys and the API token are fixed test values so
/// tests can also prove they never reach the log.
/// </summary>
public sealed class DashboardApplication : WebApplicationFactory<Program>
{
    public const string IdibuKey = "test-idibu-key-5fJq2Lw9Xr4Tz8Nb1Vc6";
    public const string FirstbirdKey = "test-firstbird-key-Hs3Kd7Pm0Qa2We5Ry9";
    public const string ApiToken = "test-api-token-Bx8Nv3Lq6Zt1Mc4Gh7";

    private readonly bool _projection;
    private readonly bool _ownsDatabase;
    private readonly Dictionary<string, string?> _settings;

    private readonly Action<IServiceCollection>? _services;

    public DashboardApplication(
        TestDatabase? database = null, bool projection = true, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        _services = services;
        _ownsDatabase = database is null;
        Database = database ?? new TestDatabase();
        _projection = projection;
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
    }

    public TestDatabase Database { get; }
    public CapturedLog Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development a build (not a publish) serves wwwroot and library assets only when asked to.
        builder.UseStaticWebAssets();
        builder.UseSetting("Database:Provider", Database.Provider);
        builder.UseSetting("ConnectionStrings:Dashboard", Database.ConnectionString);
        builder.UseSetting("Webhooks:Idibu:Key", IdibuKey);
        builder.UseSetting("Webhooks:Firstbird:Key", FirstbirdKey);
        builder.UseSetting("Dashboard:ApiToken", ApiToken);
        builder.UseSetting("Projection:Enabled", _projection ? "true" : "false");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<ILogEventSink>(Log);
            _services?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDatabase) Database.Dispose();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase) Database.Dispose();
    }

    /// <summary>A client that sends the API token, as automation would.</summary>
    public HttpClient CreateApiClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiToken);
        return client;
    }

    /// <summary>Runs the projector until nothing waits, instead of sleeping for the background one.</summary>
    public Task ProjectAsync() => Services.GetRequiredService<DeliveryProjector>().ProjectAllPendingAsync(CancellationToken.None);

    public async Task<DashboardDbContext> CreateDbContextAsync() =>
        await Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
}
