using Dashboard.LoadTests.Runs;
using Dashboard.Tests.Support;
using Xunit.Abstractions;

namespace Dashboard.Tests.DeliveryLog;

/// <summary>
/// The short form of the kill -9 drill (<c>dotnet run -c Release --project tests/Dashboard.LoadTests -- kill</c> runs
/// 20 cycles): the app in its own process, killed without warning three times while both senders deliver.
/// </summary>
[Trait(TestRuns.Name, TestRuns.Once)]
[Collection(nameof(ProcessDrills))]
public sealed class KillNineTests(ITestOutputHelper output)
{
    [Fact]
    public async Task NothingAcknowledgedIsLostAndNothingIsCountedTwiceAfterKill9()
    {
        using var folder = new DrillFolder();
        var log = new StringWriter();

        var result = await KillDrill.RunAsync(folder.Path, cycles: 3, rate: 300, seed: 3, log);

        output.WriteLine(log.ToString());
        Assert.True(result.Acknowledged > 0, "the app acknowledged nothing, so the drill proved nothing");
        Assert.Empty(result.AcknowledgedButMissing);
        Assert.Empty(result.FiguresChangedByRebuild);
        Assert.Equal("ok", result.IntegrityCheck);
    }
}

/// <summary>Drills that start the app as a process run one at a time: they measure what the machine can do.</summary>
[CollectionDefinition(nameof(ProcessDrills), DisableParallelization = true)]
public sealed class ProcessDrills;
