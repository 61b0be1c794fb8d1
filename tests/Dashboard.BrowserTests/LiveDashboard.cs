using System.Net;
using System.Net.Sockets;
using Dashboard.Access;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.BrowserTests;

/// <summary>
/// The app on a real Kestrel port and a real store (a SQLite file of its own, or the store it is given, which
/// another instance may share), with an admin and a recruiter, for a browser to use.
/// </summary>
public sealed class LiveDashboard : IAsyncDisposable
{
    public const string AdminEmail = "admin@example.com";
    public const string RecruiterEmail = "recruiter@example.com";
    public const string Password = "browser-test-password";

    private LiveDashboard(DashboardApplication app, string baseUrl)
    {
        App = app;
        BaseUrl = baseUrl;
    }

    // Every context opened on this app, closed with it: a page left open keeps its circuit (and, once the app has
    // stopped, its reconnection attempts) busy for the rest of the run, on the same two cores as the tests after it.
    private readonly List<IBrowserContext> _contexts = [];

    public DashboardApplication App { get; }
    public string BaseUrl { get; }
    public HttpClient Senders { get; private set; } = null!;

    public static async Task<LiveDashboard> StartAsync(TestDatabase? sharedStore = null, IDictionary<string, string?>? settings = null)
    {
        var port = FreePort();
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Dashboard:AdminEmail"] = AdminEmail,
            ["Dashboard:AdminPassword"] = Password,
        };
        var app = new DashboardApplication(sharedStore, settings: all);
        app.UseKestrel(port);
        app.StartServer();
        var live = new LiveDashboard(app, $"http://127.0.0.1:{port}");
        live.Senders = new HttpClient { BaseAddress = new Uri(live.BaseUrl) };
        if (sharedStore is null) await live.AddRecruiterAsync();
        return live;
    }

    /// <summary>Signs in on a new browser context; <paramref name="context"/> may change it (a phone's viewport, dark mode).</summary>
    public async Task<IPage> SignInAsync(IBrowser browser, string email = AdminEmail, Action<BrowserNewContextOptions>? context = null)
    {
        var options = new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, AcceptDownloads = true,
        };
        context?.Invoke(options);
        var page = await (await NewContextAsync(browser, options)).NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForAddressAsync(url => !url.Contains("/account/login"));
        return page;
    }

    /// <summary>A browser context on this app, closed when the app is.</summary>
    public async Task<IBrowserContext> NewContextAsync(IBrowser browser, BrowserNewContextOptions options)
    {
        options.BaseURL ??= BaseUrl;
        var context = await browser.NewContextAsync(options);
        lock (_contexts) _contexts.Add(context);
        return context;
    }

    private async Task AddRecruiterAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var recruiter = new DashboardUser { UserName = RecruiterEmail, Email = RecruiterEmail, EmailConfirmed = true, CreatedAt = DateTime.UtcNow };
        await users.CreateAsync(recruiter, Password);
        await users.AddToRoleAsync(recruiter, Roles.Recruiter);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        List<IBrowserContext> contexts;
        lock (_contexts) contexts = [.. _contexts];
        foreach (var context in contexts) await context.CloseAsync();
        Senders.Dispose();
        await App.DisposeAsync();
    }
}
