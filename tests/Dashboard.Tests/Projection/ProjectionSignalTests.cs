using Dashboard.Projection;
using Dashboard.Tests.Senders.Firstbird;
using Dashboard.Tests.Senders.Idibu;

namespace Dashboard.Tests.Projection;

/// <summary>
/// The projector takes long backlog batches only while senders are quiet. A delivery waiting for a log that the
/// projector itself holds up commits nothing, yet its sender is far from quiet.
/// </summary>
public sealed class ProjectionSignalTests
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task ADeliveryWaitingForItsCommitKeepsTheSendersBusy()
    {
        var signal = new ProjectionSignal();
        await Task.Delay(Period * 1.5);
        Assert.True(signal.QuietFor(Period));

        signal.Arrived();

        Assert.False(signal.QuietFor(Period));
    }

    [Fact]
    public async Task ACommitKeepsTheSendersBusyAndQuietReturnsOnceBothStop()
    {
        var signal = new ProjectionSignal();
        await Task.Delay(Period * 1.5);

        signal.Notify();
        Assert.False(signal.QuietFor(Period));

        await Task.Delay(Period * 1.5);
        Assert.True(signal.QuietFor(Period));
    }
}
