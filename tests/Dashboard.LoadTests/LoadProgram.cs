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
            "latency" => await LatencyRun.RunAsync(options, Console.Out),
            "firstbird" => await FirstbirdRun.RunAsync(options, Console.Out),
            "startup" => await StartupRun.RunAsync(options, Console.Out),
            "pages" => await PagesRun.RunAsync(options, Console.Out),
            "kill" => await KillRunAsync(options),
            "disk-full" => await DiskFullRunAsync(options),
            "instances" => await InstancesRunAsync(options),
            "receivers" => await ReceiversRun.RunAsync(options, Console.Out),
            "closed-loop" => await ClosedLoopRun.RunAsync(options, Console.Out),
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

    private static async Task<int> InstancesRunAsync(RunOptions options)
    {
        var report = RunReport.Start(options, "instances", Console.Out);
        var folder = report.Folder;
        var result = await InstancesDrill.RunAsync(folder, options.Postgres(), options.Number("rate", 500), options.Number("seconds", 60),
            options.Whole("seed", 1), report.Writer, options.AppSettings());
        report.Line(result.Passed ? "instances drill passed" : $"instances drill FAILED: {result}");
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
                           [--targets floor,naive,app] [--rates 250,500,...] [--step-seconds 10] [--rate 5000] [--seconds 60] [--duplicates 0.05] [--late 0.05]
              closed-loop  idibu deliveries closed-loop, as wrk sends them: [--connections 64] senders, each sending its next
                           delivery once the last is answered, for [--seconds 20]; floor, naive and app [--targets ...]
              latency      idibu ack latency at a fixed rate, floor and app, and the app's acknowledged → projected lag
                           [--rate 2000] [--seconds 60]
              firstbird    firstbird batches: highest rate held, floor and app [--batch 50] [--rates 200,400,...] [--seconds 10]
              startup      process start to /health 200, empty store and [--store FILE] [--repeat 3]
              pages        open pages in Chromium: app memory per idle page after a full collection [--pages 50], then
                           acknowledged → shown delay at [--rate 1000] for [--seconds 20]; on a new store or [--store FILE]
                           (which the run's deliveries are added to: give it a copy)
              kill         kill -9 the app at random moments under load, restart, repeat; then check the log and figures
                           [--cycles 20] [--rate 1000] [--seed 1]
              instances    two app processes on one new PostgreSQL database, a fifth of the deliveries sent to both, B killed -9
                           halfway; then every acknowledged delivery stored once and A's figures equal to a single instance's
                           [--rate 500] [--seconds 60] [--seed 1] [--postgres "<server connection string>"]
              receivers    on one new PostgreSQL database, [--receivers 2] instances with projection off take the idibu deliveries
                           and one more projects: their capacity against one ordinary instance's, then the projector's catch-up
                           [--rates 500,1000,...] [--step-seconds 8] [--postgres "<server connection string>"]
              disk-full    the store on a 12 MB tmpfs that fills up while deliveries arrive, then frees (needs root)
            throughput, latency, firstbird, startup and pages take [--provider Sqlite|PostgreSQL] (default Sqlite): on PostgreSQL
            the app gets a new database of its own per target on the server of [--postgres "<server connection string>"]
            (default: the DASHBOARD_TEST_POSTGRES environment variable); the floor and naive targets stay on SQLite
            every run also takes [--set Name=Value] app settings and writes its stores, logs and report.md under --out (default artifacts/load)
            """);
        return 2;
    }
}
