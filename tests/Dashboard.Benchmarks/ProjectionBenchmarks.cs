using BenchmarkDotNet.Attributes;
using Dashboard.Projection;
using Dashboard.Simulation;

namespace Dashboard.Benchmarks;

/// <summary>
/// One projector batch on a SQLite file, reported per delivery: parsing, the read-model lookups and the durable
/// commit, through <see cref="DeliveryProjector"/> itself.
/// </summary>
[MemoryDiagnoser]
public class ProjectionBenchmarks
{
    private const int DeliveriesPerBatch = 200;
    private string _folder = "";
    private BenchStore _store = null!;
    private DeliveryProjector _projector = null!;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _folder = Directory.CreateTempSubdirectory("dashboard-bench-").FullName;
        _store = await BenchStore.OpenAsync(Path.Combine(_folder, "projection.db"));
        var writer = new DeliveryLogBulkWriter(_store);
        var traffic = SampleTrafficGenerator.Generate(new SampleTrafficOptions { Candidates = 5_000, Seed = 3 });
        await writer.AppendAsync(traffic.Deliveries.Select(DeliveryLogBulkWriter.Prepare).ToList(), CancellationToken.None);
    }

    // The read model keeps growing over the run, as it does in production; start again only when the log runs dry.
    [IterationSetup]
    public void EnsureWaitingDeliveries()
    {
        using var db = _store.Factory.CreateDbContext();
        if (DeliveryStandings.CountWaitingAsync(db, CancellationToken.None).GetAwaiter().GetResult() < DeliveriesPerBatch)
            ReadModelProjection.ResetAsync(_store).GetAwaiter().GetResult();
        // A fresh projector takes a live-sized batch; one that has seen a full batch moves on to backlog-sized ones.
        _projector = _store.NewProjector();
    }

    [Benchmark(OperationsPerInvoke = DeliveriesPerBatch)]
    public Task<int> ProjectOneDelivery() => _projector.ProjectPendingAsync(CancellationToken.None);

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_folder, recursive: true);
    }
}
