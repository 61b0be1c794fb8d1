namespace Dashboard.Analytics.Index;

/// <summary>
/// Today's funnel applied to the index's statuses and status sets, once per figure: a pair's furthest stage and
/// whether it was placed are then a lookup by its set, so a change of the funnel is retroactive and exact.
/// </summary>
internal sealed class StatusMapping
{
    public StatusMapping(IdibuFigureIndex index, StatusTargets targets)
    {
        Targets = targets;
        StageCount = targets.Funnel.Stages.Count;
        TargetOfStatus = new string?[index.Statuses.Count];
        StageOfStatus = new int[index.Statuses.Count];
        for (var status = 0; status < index.Statuses.Count; status++)
        {
            TargetOfStatus[status] = targets.TargetByKey.GetValueOrDefault(index.Statuses[status]);
            StageOfStatus[status] = targets.Funnel.StageIndexOf(TargetOfStatus[status]);
        }
        FurthestOfSet = new int[index.Sets.Count];
        for (var set = 0; set < index.Sets.Count; set++)
        {
            var furthest = -1;
            foreach (var status in index.Sets[set]) furthest = Math.Max(furthest, StageOfStatus[status]);
            FurthestOfSet[set] = furthest;
        }
    }

    public StatusTargets Targets { get; }
    public int StageCount { get; }
    public string?[] TargetOfStatus { get; }
    public int[] StageOfStatus { get; }

    /// <summary>The furthest stage any status of the set maps to; -1 for none.</summary>
    public int[] FurthestOfSet { get; }

    public int PlacedStage => StageCount - 1;

    public bool IsPlaced(int set) => FurthestOfSet[set] == PlacedStage;

    public string? TargetOfCurrent(int status) => status < 0 ? null : TargetOfStatus[status];
}
