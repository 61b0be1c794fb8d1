using Dashboard.DeliveryLog;

namespace Dashboard.Tests.DeliveryLog;

public sealed class DeliveryLogAdmissionTests
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    [Fact]
    public void BeforeAnyBusyCommitABatchsWorthIsAdmittedAndNoMore()
    {
        var admission = new DeliveryLogAdmission(alwaysAdmitted: 2_048, longestWait: OneSecond);

        Assert.True(admission.Admits(0));
        Assert.True(admission.Admits(2_047));
        Assert.False(admission.Admits(2_048));
    }

    [Fact]
    public void AtAMeasuredPaceASecondsWorthWaitsAndTheRestIsRefused()
    {
        var admission = new DeliveryLogAdmission(alwaysAdmitted: 2_048, longestWait: OneSecond);

        admission.Committed(2_000, TimeSpan.FromMilliseconds(200));

        Assert.Equal(10_000, admission.PerSecond, precision: 6);
        Assert.True(admission.Admits(9_999));
        Assert.False(admission.Admits(10_000));
    }

    [Fact]
    public void ASlowerLogIsFollowedOverAFewCommitsNotAtOnce()
    {
        var admission = new DeliveryLogAdmission(alwaysAdmitted: 100, longestWait: OneSecond);
        admission.Committed(1_000, TimeSpan.FromMilliseconds(100));

        admission.Committed(1_000, TimeSpan.FromSeconds(1));
        var afterOne = admission.PerSecond;
        for (var i = 0; i < 30; i++) admission.Committed(1_000, TimeSpan.FromSeconds(1));

        Assert.InRange(afterOne, 1_000, 10_000 - 1);
        Assert.InRange(admission.PerSecond, 1_000, 1_010);
        Assert.False(admission.Admits(1_010));
        Assert.True(admission.Admits(999));
    }

    [Fact]
    public void ACommitOfNothingLeavesThePaceAsItWas()
    {
        var admission = new DeliveryLogAdmission(alwaysAdmitted: 10, longestWait: OneSecond);
        admission.Committed(500, TimeSpan.FromMilliseconds(100));

        admission.Committed(0, TimeSpan.FromSeconds(5));

        Assert.Equal(5_000, admission.PerSecond, precision: 6);
    }
}
