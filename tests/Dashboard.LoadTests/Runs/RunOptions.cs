using System.Globalization;
using Dashboard.LoadTests.Targets;

namespace Dashboard.LoadTests.Runs;

/// <summary>The <c>--name value</c> options of a run, with defaults that reproduce the README's figures.</summary>
public sealed class RunOptions(IReadOnlyList<string> arguments)
{
    public string Text(string name, string fallback)
    {
        for (var i = 0; i < arguments.Count - 1; i++)
            if (arguments[i] == "--" + name) return arguments[i + 1];
        return fallback;
    }

    public double Number(string name, double fallback) => double.Parse(Text(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    public int Whole(string name, int fallback) => (int)Number(name, fallback);

    public IReadOnlyList<double> Numbers(string name, string fallback) =>
        Text(name, fallback).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(n => double.Parse(n, CultureInfo.InvariantCulture)).ToList();

    /// <summary>App settings given as <c>--set Name=Value</c> (configuration keys with <c>__</c> or <c>:</c>).</summary>
    public IDictionary<string, string> AppSettings()
    {
        var settings = new Dictionary<string, string>();
        for (var i = 0; i < arguments.Count - 1; i++)
        {
            if (arguments[i] != "--set" || arguments[i + 1].IndexOf('=') is not (> 0 and var at)) continue;
            settings[arguments[i + 1][..at].Replace(":", "__")] = arguments[i + 1][(at + 1)..];
        }
        return settings;
    }

    /// <summary><c>--provider Sqlite|PostgreSQL</c>: the store the app runs on (the floor and naive targets always use SQLite).</summary>
    public bool OnPostgreSql => Text("provider", "Sqlite").Trim().ToLowerInvariant() switch
    {
        "sqlite" => false,
        "postgresql" or "postgres" => true,
        var other => throw new ArgumentException($"--provider {other}: use Sqlite or PostgreSQL"),
    };

    /// <summary><c>--postgres "&lt;server connection string&gt;"</c>, else the test command's <c>DASHBOARD_TEST_POSTGRES</c>.</summary>
    public PostgresServer Postgres() =>
        new(Text("postgres", PostgresServer.FromEnvironment ?? "") is { Length: > 0 } server
            ? server
            : throw new ArgumentException($"PostgreSQL runs need a server: --postgres \"Host=…;Username=…;Database=postgres\" or {PostgresServer.Variable}"));

    /// <summary>
    /// The store for a target of this run: a SQLite file <paramref name="file"/> in <paramref name="folder"/>, or for the
    /// app under <c>--provider PostgreSQL</c> a new database of its own on the <c>--postgres</c> server.
    /// </summary>
    public async Task<AppStore> StoreAsync(TargetKind kind, string folder, string file) =>
        kind == TargetKind.App && OnPostgreSql
            ? await Postgres().CreateDatabaseAsync("load_" + Path.GetFileNameWithoutExtension(file))
            : AppStore.Sqlite(Path.Combine(folder, file));

    /// <summary>A fresh folder for this run's stores, logs and acknowledgement files.</summary>
    public string OutputFolder(string run)
    {
        var folder = Path.GetFullPath(Path.Combine(Text("out", Path.Combine("artifacts", "load")), $"{run}-{DateTime.UtcNow:yyyyMMdd-HHmmss}"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
