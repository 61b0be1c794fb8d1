using System.Diagnostics;
using System.Threading.Channels;
using Dashboard.Simulation;

namespace Dashboard.Benchmarks;

/// <summary>
/// <c>build-store --candidates N --out FILE [--log-only]</c>: fills a fresh store with generated traffic, then projects it with the
/// app's own projector, so the read model is exactly what the app would have built from those deliveries.
/// </summary>
public static class StoreBuildCommand
{
    // Each slice of candidates is one generator run; a week apart, the slices spread the traffic over many months.
    private const int CandidatesPerSlice = 10_000;
    // About 2.8 firstbird events per referral: 36 referrals per 100 candidates give about one event per candidate.
    private const int ReferralsPerHundredCandidates = 36;
    private static readonly DateTimeOffset FirstSliceStart = new(2024, 1, 1, 9, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(CommandOptions options)
    {
        var candidates = options.Number("candidates", 100_000);
        var file = options.RequiredText("out");
        if (File.Exists(file))
        {
            Console.Error.WriteLine($"{file} exists; remove it first (a store is built once and reused).");
            return 2;
        }

        await using var store = await BenchStore.OpenAsync(file);
        var writer = new DeliveryLogBulkWriter(store.ConnectionString);
        var logClock = Stopwatch.StartNew();
        var slices = Channel.CreateBounded<List<DeliveryLogBulkWriter.PreparedDelivery>>(2);
        var producing = Task.Run(async () =>
        {
            for (var first = 1; first <= candidates; first += CandidatesPerSlice)
            {
                var sliceCandidates = Math.Min(CandidatesPerSlice, candidates - first + 1);
                var traffic = SampleTrafficGenerator.Generate(new SampleTrafficOptions
                {
                    Candidates = sliceCandidates,
                    Referrals = Math.Max(1, sliceCandidates * ReferralsPerHundredCandidates / 100),
                    Seed = first,
                    FirstNumber = first,
                    Start = FirstSliceStart.AddDays(7 * (first / CandidatesPerSlice)),
                });
                await slices.Writer.WriteAsync(traffic.Deliveries.AsParallel().AsOrdered().Select(DeliveryLogBulkWriter.Prepare).ToList());
            }
            slices.Writer.Complete();
        });
        await foreach (var slice in slices.Reader.ReadAllAsync())
        {
            await writer.AppendAsync(slice, CancellationToken.None);
            Console.WriteLine($"delivery log: {writer.Written:N0} stored, {writer.Duplicates:N0} duplicates, {logClock.Elapsed.TotalSeconds:F0} s");
        }
        await producing;
        await writer.WriteDuplicateCountsAsync(CancellationToken.None);
        Console.WriteLine($"delivery log written: {writer.Written:N0} deliveries in {logClock.Elapsed.TotalSeconds:F1} s " +
                          $"({writer.Written / logClock.Elapsed.TotalSeconds:N0} deliveries/s)");

        // --log-only leaves the projection to a later `rebuild`, so the log can be reused to time projector changes.
        if (!options.Flag("log-only")) await ReadModelProjection.ProjectAndReportAsync(store);
        return 0;
    }
}
