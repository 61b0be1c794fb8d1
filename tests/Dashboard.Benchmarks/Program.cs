using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using Dashboard.Benchmarks;

// build-store / rebuild / query-latency / figures are plain timed runs over a big store; anything else goes to BenchmarkDotNet.
// "--short" swaps BenchmarkDotNet's default job for a dry-ish one: a few iterations, enough to spot a regression.
var command = args.FirstOrDefault();
var options = new CommandOptions(args.Skip(1).ToArray());
switch (command)
{
    case "build-store":
        return await StoreBuildCommand.RunAsync(options);
    case "rebuild":
        return await RebuildCommand.RunAsync(options);
    case "query-latency":
        return await QueryLatencyCommand.RunAsync(options);
    case "figures":
        return await FiguresCommand.RunAsync(options);
}

var quick = args.Contains("--short");
var config = DefaultConfig.Instance.WithOptions(ConfigOptions.JoinSummary);
if (quick) config = config.AddJob(Job.ShortRun.WithWarmupCount(1).WithIterationCount(3).WithLaunchCount(1));
BenchmarkSwitcher.FromAssembly(typeof(BenchStore).Assembly).Run(args.Where(a => a != "--short").ToArray(), config);
return 0;
