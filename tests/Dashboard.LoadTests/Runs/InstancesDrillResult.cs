namespace Dashboard.LoadTests.Runs;

/// <summary>What the drill found, with the answers of each instance and the checks on the shared store.</summary>
public sealed record InstancesDrillResult(
    long Requests,
    long AcknowledgedByA,
    long AcknowledgedByB,
    long AcknowledgedByBoth,
    long AcknowledgedByAAfterKill,
    bool BDied,
    long Acknowledged,
    long StoredDeliveries,
    IReadOnlyList<string> AcknowledgedButMissing,
    IReadOnlyList<string> StoredTwice,
    IReadOnlyList<string> DuplicateCountsOutOfBounds,
    long StoredButNeverAcknowledged,
    bool ProjectionCaughtUp,
    IReadOnlyList<string> FiguresDifferent,
    string IntegrityCheck)
{
    public bool Passed =>
        AcknowledgedByA > 0 && AcknowledgedByB > 0 && BDied && AcknowledgedByAAfterKill > 0 && ProjectionCaughtUp &&
        AcknowledgedButMissing.Count == 0 && StoredTwice.Count == 0 && DuplicateCountsOutOfBounds.Count == 0 &&
        FiguresDifferent.Count == 0 && IntegrityCheck == "ok";
}
