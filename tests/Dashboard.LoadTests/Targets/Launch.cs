using System.Diagnostics;

namespace Dashboard.LoadTests.Targets;

public enum TargetKind { App, Floor, Naive }

/// <summary>Starts each kind of target on a fresh loopback port, with its store and log in <paramref name="folder"/>.</summary>
public static class Launch
{
    public const string IdibuKey = "load-idibu-Hq2Vn8Xc4Lp0Rt6Wm1Bz";
    public const string FirstbirdKey = "load-firstbird-Tk7Ds3Fy9Jg5Nu2Qe8Av";
    public const string ApiToken = "load-api-token-Zp4Wr1Kx7Mc3Vb9Lt6Ds";
    public const string AdminEmail = "admin@example.com";
    public const string AdminPassword = "Load-Admin-Pass-2026!";

    /// <summary>The app's own assembly, built beside this one.</summary>
    public static string DashboardAssembly => Path.Combine(AppContext.BaseDirectory, "Dashboard.dll");

    private static string HarnessAssembly => Path.Combine(AppContext.BaseDirectory, "Dashboard.LoadTests.dll");

    public static Task<(TargetProcess Target, TimeSpan StartUp)> StartAsync(
        TargetKind kind, string folder, string databasePath, IDictionary<string, string>? settings = null) =>
        StartAsync(kind, folder, AppStore.Sqlite(databasePath), settings);

    /// <summary>
    /// Starts a target on <paramref name="store"/> (the floor and the naive receiver only know SQLite files); its log is
    /// <c>&lt;logName&gt;.log</c>, by default named after its kind.
    /// </summary>
    public static async Task<(TargetProcess Target, TimeSpan StartUp)> StartAsync(
        TargetKind kind, string folder, AppStore store, IDictionary<string, string>? settings = null, string? logName = null)
    {
        Directory.CreateDirectory(folder);
        var port = TargetProcess.FreeLoopbackPort();
        var log = Path.Combine(folder, $"{logName ?? kind.ToString().ToLowerInvariant()}.log");
        var clock = Stopwatch.StartNew();
        var target = kind switch
        {
            TargetKind.App => TargetProcess.Start(DashboardAssembly, [], AppEnvironment(port, store, settings), port, log),
            TargetKind.Floor => TargetProcess.Start(HarnessAssembly, ["serve-floor", port.ToString(), store.SqlitePath], new Dictionary<string, string>(), port, log),
            _ => TargetProcess.Start(HarnessAssembly, ["serve-naive", port.ToString(), store.SqlitePath], new Dictionary<string, string>(), port, log),
        };
        var startUp = await target.WaitUntilHealthyAsync(clock, TimeSpan.FromSeconds(120));
        return (target, startUp);
    }

    /// <summary>Production settings with this harness's keys; <paramref name="settings"/> adds or overrides any.</summary>
    public static Dictionary<string, string> AppEnvironment(int port, AppStore store, IDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Dashboard"] = store.ConnectionString,
            ["Webhooks__Idibu__Key"] = IdibuKey,
            ["Webhooks__Firstbird__Key"] = FirstbirdKey,
            ["Dashboard__ApiToken"] = ApiToken,
            ["Dashboard__AdminEmail"] = AdminEmail,
            ["Dashboard__AdminPassword"] = AdminPassword,
        };
        if (store.IsPostgreSql) environment["Database__Provider"] = "PostgreSQL";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>()) environment[name] = value;
        return environment;
    }

    public static Client.LoadTarget LoadTargetFor(TargetProcess target) => new(target.Address, IdibuKey, FirstbirdKey);
}
