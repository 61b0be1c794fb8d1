using System.Diagnostics;

namespace Dashboard.Benchmarks;

/// <summary>
/// <c>startup --app DASHBOARD_DLL --store FILE [--port 5099]</c>: starts the built app on a store and times how long
/// until <c>/health</c> answers 200 (migrations applied, database answering), then stops it.
/// </summary>
public static class StartupCommand
{
    public static async Task<int> RunAsync(CommandOptions options)
    {
        var app = Path.GetFullPath(options.RequiredText("app"));
        var store = Path.GetFullPath(options.RequiredText("store"));
        var address = $"http://127.0.0.1:{options.Number("port", 5099)}";
        var start = new ProcessStartInfo("dotnet", [app])
        {
            WorkingDirectory = Path.GetDirectoryName(app)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__Dashboard"] = $"Data Source={store}";
        start.Environment["ASPNETCORE_URLS"] = address;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        try
        {
            while (!process.HasExited && clock.Elapsed < TimeSpan.FromMinutes(10))
            {
                try
                {
                    using var answer = await http.GetAsync(address + "/health");
                    if (answer.IsSuccessStatusCode)
                    {
                        Console.WriteLine($"/health answered 200 after {clock.Elapsed.TotalSeconds:F2} s");
                        return 0;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                catch (TaskCanceledException)
                {
                    // Listening but busy; ask again.
                }
                await Task.Delay(50);
            }
            Console.WriteLine($"no 200 from /health after {clock.Elapsed.TotalSeconds:F0} s (exited: {process.HasExited})");
            return 1;
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }
}
