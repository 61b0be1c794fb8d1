using System.Diagnostics;
using Dashboard.LoadTests.Targets;

namespace Dashboard.LoadTests.Runs;

/// <summary>
/// Scaling the intake out on PostgreSQL: [--receivers 2] app instances with <c>Projection:Enabled=false</c> take the
/// idibu deliveries, spread evenly between them, while one more instance on the same new database only projects.
/// The receivers' capacity is found as the throughput run finds one app's, and compared with one ordinary instance
/// (receiving and projecting) on a database of its own in the same run; then how long the projector took to catch up.
/// </summary>
public static class ReceiversRun
{
    public static async Task<int> RunAsync(RunOptions options, TextWriter console)
    {
        var report = RunReport.Start(options, "receivers", console);
        var folder = report.Folder;
        var server = options.Postgres();
        var receiverCount = options.Whole("receivers", 2);
        var rates = options.Numbers("rates", "500,1000,1500,2000,3000,4000");
        var stepSeconds = options.Number("step-seconds", 8);
        var traffic = ThroughputRun.Generate(options, (int)(rates.Max() * stepSeconds) + WarmUp.Deliveries, report);
        var settings = options.AppSettings();

        var single = await server.CreateDatabaseAsync("receivers_single");
        var (one, _) = await Launch.StartAsync(TargetKind.App, folder, single, settings, "single");
        double oneHeld, onePeak;
        await using (one) (oneHeld, onePeak) = await CapacitySearch.FindAsync(one, traffic, rates, stepSeconds, report, "one instance");

        var shared = await server.CreateDatabaseAsync("receivers_shared");
        var (projector, _) = await Launch.StartAsync(TargetKind.App, folder, shared, settings, "projector");
        var receivers = new List<TargetProcess>();
        await using (projector)
        {
            try
            {
                var receiverSettings = new Dictionary<string, string>(settings) { ["Projection__Enabled"] = "false" };
                for (var i = 1; i <= receiverCount; i++)
                    receivers.Add((await Launch.StartAsync(TargetKind.App, folder, shared, receiverSettings, $"receiver-{i}")).Target);
                var (held, peak) = await CapacitySearch.FindAsync(receivers, traffic, rates, stepSeconds, report, $"{receiverCount} receivers");
                var sent = Stopwatch.StartNew();
                while (await StoreInspector.WaitingForProjectionAsync(shared) > 0 && sent.Elapsed < TimeSpan.FromMinutes(5)) await Task.Delay(100);
                var waiting = await StoreInspector.WaitingForProjectionAsync(shared);
                report.Line($"capacity (highest rate held for {stepSeconds:F0} s, every request 2xx, p99 ≤ {CapacitySearch.HeldP99.TotalMilliseconds:F0} ms): " +
                            $"{receiverCount} receivers with projection off {held:N0}/s (peak {peak:N0}/s); one instance {oneHeld:N0}/s (peak {onePeak:N0}/s)");
                report.Line(waiting == 0
                    ? $"the projecting instance caught up {sent.Elapsed.TotalSeconds:F1} s after the receivers' last answer"
                    : $"the projecting instance had {waiting:N0} deliveries still waiting 5 minutes after the receivers' last answer");
            }
            finally
            {
                foreach (var receiver in receivers) await receiver.DisposeAsync();
            }
        }
        return 0;
    }
}
