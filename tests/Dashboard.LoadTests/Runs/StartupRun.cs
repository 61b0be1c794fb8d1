using Dashboard.LoadTests.Targets;

namespace Dashboard.LoadTests.Runs;

/// <summary>Process start to <c>/health</c> 200, on an empty store and on a given (large) one, best of three.</summary>
public static class StartupRun
{
    public static async Task<int> RunAsync(RunOptions options, TextWriter console)
    {
        var report = RunReport.Start(options, "startup", console);
        var folder = report.Folder;
        var stores = new List<(string Name, AppStore Store)> { (options.OnPostgreSql ? "empty store (PostgreSQL)" : "empty store", await options.StoreAsync(TargetKind.App, folder, "empty.db")) };
        if (options.Text("store", "") is { Length: > 0 } large && AppStore.Given(large) is var given)
            stores.Add((given.IsPostgreSql ? given.Name : Path.GetFileName(large), given));

        foreach (var (name, store) in stores)
        {
            var times = new List<TimeSpan>();
            for (var i = 0; i < options.Whole("repeat", 3); i++)
            {
                var (target, startUp) = await Launch.StartAsync(TargetKind.App, folder, store, options.AppSettings());
                times.Add(startUp);
                await target.DisposeAsync();
            }
            report.Line($"{name}: start to /health 200 in {string.Join(", ", times.Select(t => $"{t.TotalSeconds:F2} s"))} (best {times.Min().TotalSeconds:F2} s)");
        }
        return 0;
    }
}
