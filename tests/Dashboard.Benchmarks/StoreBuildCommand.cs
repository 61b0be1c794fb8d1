using System.Diagnostics;
using System.Threading.Channels;
using Dashboard.Simulation;

namespace Dashboard.Benchmarks;

/// <summary>
/// <c>build-store --candidates N --out FILE [--preset agency|small] [--years 4] [--log-only]</c>: fills a fresh store with
/// generated traffic, then projects it with the app's own projector, so the read model is exactly what the app would
/// have built from those deliveries. Prints the delivery-log write rate, the projection rate and the store's cardinalities.
/// </summary>
public static class StoreBuildCommand
{
    // Each slice of candidates is one generator run, so memory stays bounded however large the store.
    private const int CandidatesPerSlice = 10_000;
    // About 2.8 firstbird events per referral: 36 referrals per 100 candidates give about one event per candidate.
    private const int ReferralsPerHundredCandidates = 36;
    // The small preset's slices, as stores were built before the agency preset: eight weeks each, a week apart.
    private static readonly DateTimeOffset FirstSmallSliceStart = new(2024, 1, 1, 9, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(CommandOptions options)
    {
        var candidates = options.Number("candidates", 100_000);
        var years = options.Number("years", SampleWorld.AgencyYears);
        var preset = options.Text("preset") ?? "agency";
        var file = options.RequiredText("out");
        if (preset is not ("agency" or "small") || candidates < 1 || years < 1)
        {
            Console.Error.WriteLine("usage: build-store --candidates N --out FILE [--preset agency|small] [--years 4] [--log-only]");
            return 2;
        }
        if (File.Exists(file))
        {
            Console.Error.WriteLine($"{file} exists; remove it first (a store is built once and reused).");
            return 2;
        }

        var world = preset == "agency" ? SampleWorld.Agency(candidates, years) : SampleWorld.Small;
        Console.WriteLine($"{preset} preset: {candidates:N0} candidates; world {world.Size}");
        var cardinalities = new StoreCardinalities(world);
        await using var store = await BenchStore.OpenAsync(file);
        var writer = new DeliveryLogBulkWriter(store);
        var logClock = Stopwatch.StartNew();
        var slices = Channel.CreateBounded<List<DeliveryLogBulkWriter.PreparedDelivery>>(2);
        var producing = Task.Run(async () =>
        {
            foreach (var sliceOptions in Slices(world, preset, candidates))
            {
                var traffic = SampleTrafficGenerator.Generate(sliceOptions);
                cardinalities.Add(traffic);
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
        Console.WriteLine("cardinalities:");
        foreach (var line in cardinalities.Lines()) Console.WriteLine("  " + line);
        return 0;
    }

    /// <summary>
    /// The agency's slices follow one another over its years, numbered on from each other, in one world: the same
    /// vacancies and consultants take candidates from many slices.
    /// </summary>
    private static IEnumerable<SampleTrafficOptions> Slices(SampleWorld world, string preset, int candidates)
    {
        var count = (candidates + CandidatesPerSlice - 1) / CandidatesPerSlice;
        for (var index = 0; index < count; index++)
        {
            var first = 1 + index * CandidatesPerSlice;
            var size = Math.Min(CandidatesPerSlice, candidates - first + 1);
            var slice = new SampleTrafficOptions
            {
                Candidates = size,
                Referrals = Math.Max(1, size * ReferralsPerHundredCandidates / 100),
                Seed = first,
                FirstNumber = first,
                World = world,
            };
            yield return preset == "agency"
                ? slice with { Start = world.Start + index * (world.Period / count), Period = world.Period / count }
                : slice with { Start = FirstSmallSliceStart.AddDays(7 * (first / CandidatesPerSlice)) };
        }
    }
}
