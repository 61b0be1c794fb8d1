using Dashboard.LoadTests.Runs;
using Dashboard.Tests.Support;
using Xunit.Abstractions;

namespace Dashboard.Tests.DeliveryLog;

/// <summary>The store's disk fills up while deliveries arrive, then space comes back (a 12 MB tmpfs; needs root).</summary>
[Trait(TestRuns.Name, TestRuns.Once)]
[Collection(nameof(ProcessDrills))]
public sealed class DiskFullTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AFullDiskAnswers503WithRetryAfterAndIngestionRecoversWhenSpaceReturns()
    {
        using var folder = new DrillFolder();
        var log = new StringWriter();

        var result = await DiskFullDrill.RunAsync(folder.Path, log);

        output.WriteLine(log.ToString());
        Assert.True(result.Refused503 > 0, "the disk never filled up");
        Assert.Equal(0, result.RefusedWithoutRetryAfter);
        Assert.Empty(result.OtherAnswers);
        Assert.Empty(result.AcknowledgedButMissing);
        Assert.True(result.RecoveredWithoutRestart, "ingestion did not recover once space returned");
        Assert.Equal("ok", result.IntegrityCheck);
    }
}
