using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Dashboard.LoadTests.Targets;
using Dashboard.Tests.DeliveryLog;
using Dashboard.Tests.Support;
using Xunit.Abstractions;

namespace Dashboard.Tests.Hosting;

/// <summary>
/// The app as it is installed: published into a folder of its own and started with <c>dotnet Dashboard.dll</c> from
/// another working directory, as a service manager would. Its pages must still find their stylesheets and scripts,
/// and its default store must land beside the app, not in the working directory.
/// </summary>
[Trait(TestRuns.Name, TestRuns.Once)]
[Collection(nameof(ProcessDrills))]
public sealed partial class PublishedAppTests(ITestOutputHelper output)
{
    [Fact]
    public async Task StartedFromAnotherFolderThePublishedAppServesItsStylesAndScriptsAndKeepsItsStoreBesideItself()
    {
        using var folder = new DrillFolder();
        var app = Path.Combine(folder.Path, "app");
        var elsewhere = Directory.CreateDirectory(Path.Combine(folder.Path, "elsewhere")).FullName;
        await PublishAsync(app, Path.Combine(folder.Path, "publish.log"));

        var port = TargetProcess.FreeLoopbackPort();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Dashboard__AdminEmail"] = "admin@example.com",
            ["Dashboard__AdminPassword"] = "Published-App-Pass-2026!",
        };
        var logPath = Path.Combine(folder.Path, "app.log");
        await using (var target = TargetProcess.Start(Path.Combine(app, "Dashboard.dll"), [], environment, port, logPath, elsewhere))
        {
            await target.WaitUntilHealthyAsync(Stopwatch.StartNew(), TimeSpan.FromSeconds(120));
            using var http = new HttpClient { BaseAddress = target.Address };

            var page = await http.GetStringAsync("account/login");
            var assets = AssetLinks().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups["url"].Value)).Where(IsOwnAsset).ToList();
            output.WriteLine(string.Join('\n', assets));

            Assert.Contains(assets, a => a.Contains("MudBlazor") && a.EndsWith(".css", StringComparison.Ordinal));
            Assert.Contains(assets, a => a.StartsWith("css/app.", StringComparison.Ordinal) && a != "css/app.css");
            foreach (var asset in assets.Append("css/app.css").Append("_content/MudBlazor/MudBlazor.min.css"))
            {
                using var response = await http.GetAsync(asset);
                var body = await response.Content.ReadAsByteArrayAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset} answered {(int)response.StatusCode}");
                Assert.True(body.Length > 100, $"{asset} came back with {body.Length} bytes");
            }
        }
        output.WriteLine(File.ReadAllText(logPath));

        Assert.True(File.Exists(Path.Combine(app, "data", "dashboard.db")), "the default store is not in the app's data folder");
        Assert.False(Directory.Exists(Path.Combine(elsewhere, "data")), "the default store followed the working directory");
    }

    // Stylesheets and scripts the page links to; only the app's own, not a CDN's.
    private static bool IsOwnAsset(string url) => !url.Contains("//", StringComparison.Ordinal);

    [GeneratedRegex(@"(?:<link[^>]+rel=""stylesheet""[^>]+href|<script[^>]+src)=""(?<url>[^""]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex AssetLinks();

    private async Task PublishAsync(string outputFolder, string logPath)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Build servers would outlive the publish and hold its output open.
        foreach (var argument in (string[])["publish", "src/Dashboard/Dashboard.csproj", "-c", "Release", "-o", outputFolder, "--nologo",
                     "--disable-build-servers"])
            start.ArgumentList.Add(argument);
        using var publish = Process.Start(start) ?? throw new InvalidOperationException("dotnet publish did not start");
        var stdout = publish.StandardOutput.ReadToEndAsync();
        var stderr = publish.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await publish.WaitForExitAsync(timeout.Token);
        await File.WriteAllTextAsync(logPath, await stdout + await stderr);
        Assert.True(publish.ExitCode == 0, $"dotnet publish failed:\n{await stdout}{await stderr}");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Dashboard.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("The tests run outside the repository");
    }
}
