using System.Globalization;
using System.Runtime.InteropServices;
using Dashboard.Storage;

namespace Dashboard.Moving;

/// <summary>
/// <c>move-store</c>: reads the arguments and the app's configuration, runs a <see cref="StoreMove"/> and prints its
/// progress and the final check. Connection strings are never printed (they can hold a password); stores are named by
/// file, or by database, host and port.
/// </summary>
public static class MoveStoreCommand
{
    public const int FiguresDiffer = 1;
    public const int BadArguments = 2;
    public const int Refused = 3;
    public const int Failed = 4;
    public const int Interrupted = 130;

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, string contentRoot, TextWriter output)
    {
        using var stop = new CancellationTokenSource();
        // Ctrl+C or a plain kill (SIGTERM) ends the chunk in flight cleanly (it rolls back); the next run carries on
        // from the last commit. A kill -9 loses nothing either: every chunk is its own transaction.
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        return await RunAsync(args, configuration, contentRoot, output, stop.Token);
    }

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, string contentRoot, TextWriter output, CancellationToken ct)
    {
        if (MoveStoreArguments.Parse(args, out var error) is not { } arguments)
        {
            await output.WriteLineAsync($"move-store: {error}\n{MoveStoreArguments.Usage}");
            return BadArguments;
        }
        if (Endpoints(arguments, configuration, contentRoot, out error) is not var (source, target))
        {
            await output.WriteLineAsync($"move-store: {error}");
            return BadArguments;
        }

        var started = TimeProvider.System.GetTimestamp();
        try
        {
            var report = await new StoreMove(source, target, line => output.WriteLine(line)) { ChunkSize = arguments.ChunkSize }.RunAsync(ct);
            await WriteSummaryAsync(output, report, TimeProvider.System.GetElapsedTime(started));
            return report.Check.Match ? 0 : FiguresDiffer;
        }
        catch (MoveRefusedException refused)
        {
            await output.WriteLineAsync($"move-store: refused: {refused.Message}");
            return Refused;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await output.WriteLineAsync("move-store: interrupted. Run the same command again to carry on where it stopped.");
            return Interrupted;
        }
        catch (Exception failure)
        {
            var cause = failure;
            while (cause.InnerException is not null) cause = cause.InnerException;
            await output.WriteLineAsync($"move-store: failed: {cause.GetType().Name}: {cause.Message}\nRun the same command again to carry on.");
            return Failed;
        }
    }

    /// <summary>The source (the app's own store unless overridden) and the target, or null with the reason.</summary>
    private static (OpenedStore Source, OpenedStore Target)? Endpoints(
        MoveStoreArguments arguments, IConfiguration configuration, string contentRoot, out string? error)
    {
        var overrides = new Dictionary<string, string?>();
        if (arguments.FromProvider is not null) overrides["Database:Provider"] = arguments.FromProvider;
        if (arguments.From is not null) overrides["ConnectionStrings:Dashboard"] = arguments.From;
        var sourceSettings = new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(overrides).Build();
        var targetSettings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = arguments.ToProvider,
            ["ConnectionStrings:Dashboard"] = arguments.To,
        }).Build();

        StorageOptions from, to;
        try
        {
            from = StorageOptions.From(sourceSettings, contentRoot);
        }
        catch (InvalidOperationException ex)
        {
            error = $"the source store: {ex.Message}";
            return null;
        }
        try
        {
            to = StorageOptions.From(targetSettings, contentRoot);
        }
        catch (InvalidOperationException ex)
        {
            error = $"--to: {ex.Message.Replace("ConnectionStrings:Dashboard", "--to", StringComparison.Ordinal)}";
            return null;
        }
        error = null;
        return (new OpenedStore(from), new OpenedStore(to));
    }

    private static async Task WriteSummaryAsync(TextWriter output, MoveReport report, TimeSpan took)
    {
        var i = CultureInfo.InvariantCulture;
        var d = report.Deliveries;
        await output.WriteLineAsync(string.Create(i,
            $"moved in {took.TotalSeconds:N1} s: {d.Copied:N0} deliveries copied, {d.Refreshed:N0} brought up to date, {report.Settings.Values.Sum():N0} settings rows, {report.KeysAdded} key(s) added, {report.Projected:N0} deliveries projected"));
        await output.WriteLineAsync("deliveries per status (source / target): " + string.Join(", ",
            report.Check.SourceStatuses.Keys.Union(report.Check.TargetStatuses.Keys).Order(StringComparer.Ordinal).Select(s => string.Create(i,
                $"{s} {report.Check.SourceStatuses.GetValueOrDefault(s):N0} / {report.Check.TargetStatuses.GetValueOrDefault(s):N0}"))));
        if (report.Check.Match)
        {
            await output.WriteLineAsync($"figures match ({report.Check.FiguresCompared} figures compared)");
            return;
        }
        await output.WriteLineAsync($"figures differ: {string.Join(", ", report.Check.Differences)}");
        if (report.Check.SourceStatuses.GetValueOrDefault("accepted") > 0)
            await output.WriteLineAsync("the source still has deliveries waiting for its projector (or it is still receiving): " +
                "let it finish, or stop it, and run the same command again.");
    }
}
