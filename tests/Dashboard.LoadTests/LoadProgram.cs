using Dashboard.LoadTests.Runs;
using Dashboard.LoadTests.Targets;

namespace Dashboard.LoadTests;

/// <summary>
/// <c>dotnet run -c Release --project tests/Dashboard.LoadTests -- &lt;run&gt; [--option value ...]</c>.
/// Every target runs on loopback in its own process and every run stops by itself.
/// </summary>
public static class LoadProgram
{
    public static async Task<int> Main(string[] args)
    {
        var run = args.FirstOrDefault() ?? "help";
        var options = new RunOptions(args.Skip(1).ToList());
        return run switch
        {
            "serve-floor" => await FloorServer.RunAsync(int.Parse(args[1]), args[2]),
            "serve-naive" => await NaiveReceiver.RunAsync(int.Parse(args[1]), args[2]),
            "throughput" => await ThroughputRun.RunAsync(options, Console.Out),
            "kill" => await KillRunAsync(options),
            "disk-full" => await DiskFullRunAsync(options),
            _ => Help(),
        };
    }

    private static async Task<int> KillRunAsync(RunOptions options)
    {
        var folder = options.OutputFolder("kill");
        var result = await KillDrill.RunAsync(folder, options.Whole("cycles", 20), options.Number("rate", 1000), options.Whole("seed", 1), Console.Out, options.AppSettings());
        Console.WriteLine(result.Passed ? "kill drill passed" : "kill drill FAILED");
        return result.Passed ? 0 : 1;
    }

    private static async Task<int> DiskFullRunAsync(RunOptions options)
    {
        var result = await DiskFullDrill.RunAsync(options.OutputFolder("disk-full"), Console.Out);
        Console.WriteLine(result.Passed ? "disk-full drill passed" : $"disk-full drill FAILED: {result}");
        return result.Passed ? 0 : 1;
    }

    private static int Help()
    {
        Console.WriteLine("""
            runs:
              throughput   idibu deliveries: capacity of floor, naive and app; then the app at --rate for --seconds
                           [--rates 250,500,...] [--step-seconds 10] [--rate 5000] [--seconds 60] [--duplicates 0.05] [--late 0.05]
              kill         kill -9 the app at random moments under load, restart, repeat; then check the log and figures
                           [--cycles 20] [--rate 1000] [--seed 1]
              disk-full    the store on a 12 MB tmpfs that fills up while deliveries arrive, then frees (needs root)
            every run writes its stores, logs and report.md under --out (default artifacts/load)
            """);
        return 2;
    }
}
