using Dashboard.LoadTests.Targets;
using Dashboard.LoadTests.Traffic;

namespace Dashboard.LoadTests.Runs;

/// <summary>firstbird batches (50 events each by default) at a fixed rate: events acknowledged per second.</summary>
public static class FirstbirdRun
{
    public static async Task<int> RunAsync(RunOptions options, TextWriter console)
    {
        var report = RunReport.Start(options, "firstbird", console);
        var folder = report.Folder;
        var batch = options.Whole("batch", 50);
        var rates = options.Numbers("rates", "200,400,600,800,1000");
        var seconds = options.Number("seconds", 10);
        var traffic = LoadTraffic.FirstbirdBatches((int)(rates.Max() * seconds), batch, options.Number("duplicates", 0.0));
        report.Line($"traffic: {traffic.Count:N0} firstbird batches of {batch} events, average body {traffic.Average(t => t.Body.Length):N0} bytes");

        foreach (var kind in options.Text("targets", "floor,app").Split(',').Select(k => Enum.Parse<TargetKind>(k, ignoreCase: true)))
        {
            var (target, _) = await Launch.StartAsync(kind, folder, await options.StoreAsync(kind, folder, $"{kind}.db".ToLowerInvariant()), options.AppSettings());
            await using (target)
            {
                var (held, peak) = await CapacitySearch.FindAsync(target, traffic, rates, seconds, report, kind.ToString());
                report.Line($"{kind}: held {held:N0} batches/s = {held * batch:N0} events/s (peak {peak * batch:N0} events/s acknowledged)");
            }
        }
        return 0;
    }
}
