using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;

namespace Dashboard.Benchmarks;

/// <summary>
/// The app itself (the <c>Dashboard.dll</c> built beside this program) in a process of its own on a loopback port,
/// serving a built store, with a bearer token made for the run. Its projector is off: a built store is already
/// projected, and a projector at work would be measured along with the queries.
/// </summary>
public sealed class DashboardProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private bool _disposed;

    private DashboardProcess(Process process, StreamWriter log, Uri address, string token, string logPath, TimeSpan requestTimeout)
    {
        _process = process;
        _log = log;
        Address = address;
        LogPath = logPath;
        Client = new HttpClient { BaseAddress = address, Timeout = requestTimeout };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public Uri Address { get; }

    /// <summary>From the start of the process to <c>/health</c> answering 200.</summary>
    public TimeSpan Healthy { get; private set; }

    /// <summary>From the start of the process until its figures come from where they will stay (the index once built).</summary>
    public TimeSpan FiguresReady { get; private set; }

    /// <summary>Where <c>/health</c> says the figures come from: <c>index</c> or <c>store</c>.</summary>
    public string Figures { get; private set; } = "";
    public string LogPath { get; }

    /// <summary>A client that sends the run's bearer token and gives up on a request after the time it was started with.</summary>
    public HttpClient Client { get; }

    public static async Task<DashboardProcess> StartAsync(BenchStore store, TimeSpan startTimeout, TimeSpan requestTimeout,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreeLoopbackPort();
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var logPath = Path.Combine(Directory.CreateTempSubdirectory("dashboard-latency-").FullName, "app.log");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Dashboard.dll"));
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Dashboard"] = store.IsPostgreSql ? store.ConnectionString : $"Data Source={store.File}";
        start.Environment["Database__Provider"] = store.IsPostgreSql ? "PostgreSQL" : "Sqlite";
        start.Environment["Dashboard__ApiToken"] = token;
        start.Environment["Projection__Enabled"] = "false";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>()) start.Environment[name] = value;

        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new DashboardProcess(process, log, new Uri($"http://127.0.0.1:{port}/"), token, logPath, requestTimeout);
        try
        {
            await app.WaitUntilHealthyAsync(startTimeout);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    // Healthy first (the database answers), then ready: the figure index built, so the figures measured are the ones
    // the app serves from then on rather than the store's slower answers while it builds.
    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The app exited with code {_process.ExitCode}; see {LogPath}");
            try
            {
                using var response = await http.GetAsync("health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    if (Healthy == TimeSpan.Zero) Healthy = clock.Elapsed;
                    using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                    var figures = health.RootElement.TryGetProperty("figures", out var f) ? f.GetString() ?? "" : "store";
                    if (figures != "building")
                    {
                        (Figures, FiguresReady) = (figures, clock.Elapsed);
                        return;
                    }
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The app was not healthy within {timeout}; see {LogPath}");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Asks the app to stop as a service manager would (SIGTERM), and kills it if it has not within ten seconds.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        Client.Dispose();
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                await term.WaitForExitAsync();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        _process.Dispose();
        lock (_log) _log.Dispose();
    }
}
