using Dashboard.Analytics.Funnel;

namespace Dashboard.Analytics.Index;

/// <summary>
/// Today's funnel applied to the index's statuses and status sets: a pair's furthest stage and whether it was placed
/// are then a lookup by its set, so a change of the funnel is retroactive and exact. Made again whenever a figure finds
/// the funnel or the index's statuses changed (<see cref="IdibuFigureIndex.MappingFor"/>): at a million candidates the
/// sets number in the tens of thousands, and making it cost a figure more than the figure itself.
/// </summary>
internal sealed class StatusMapping
{
    private readonly IdibuFigureIndex _index;
    private readonly bool[] _known;

    public StatusMapping(IdibuFigureIndex index, StatusTargets targets)
    {
        _index = index;
        Targets = targets;
        StageCount = targets.Funnel.Stages.Count;
        TargetOfStatus = new string?[index.Statuses.Count];
        StageOfStatus = new int[index.Statuses.Count];
        _known = new bool[index.Statuses.Count];
        IsRejectedStatus = new bool[index.Statuses.Count];
        for (var status = 0; status < index.Statuses.Count; status++)
        {
            _known[status] = targets.TargetByKey.TryGetValue(index.Statuses[status], out var target);
            TargetOfStatus[status] = target;
            StageOfStatus[status] = targets.Funnel.StageIndexOf(TargetOfStatus[status]);
            IsRejectedStatus[status] = target == FunnelDefinition.Rejected;
        }
        FurthestOfSet = new int[index.Sets.Count];
        for (var set = 0; set < index.Sets.Count; set++)
        {
            var furthest = -1;
            foreach (var status in index.Sets[set]) furthest = Math.Max(furthest, StageOfStatus[status]);
            FurthestOfSet[set] = furthest;
        }
    }

    /// <summary>
    /// Whether this mapping is what <paramref name="targets"/> would make of <paramref name="index"/> as it is now: the
    /// same index with no status or set added since, the same stages, and every status bound for the same stage.
    /// </summary>
    public bool Fits(IdibuFigureIndex index, StatusTargets targets)
    {
        if (!ReferenceEquals(index, _index) || index.Statuses.Count != StageOfStatus.Length || index.Sets.Count != FurthestOfSet.Length) return false;
        if (!targets.Funnel.Stages.SequenceEqual(Targets.Funnel.Stages)) return false;
        for (var status = 0; status < StageOfStatus.Length; status++)
        {
            var known = targets.TargetByKey.TryGetValue(index.Statuses[status], out var target);
            if (known != _known[status] || target != TargetOfStatus[status]) return false;
        }
        return true;
    }

    /// <summary>The funnel and statuses this mapping was made from (or ones equal to them, as far as this index goes).</summary>
    public StatusTargets Targets { get; }
    public int StageCount { get; }
    public string?[] TargetOfStatus { get; }
    public int[] StageOfStatus { get; }

    /// <summary>Whether a pair currently in the status counts as rejected: read per pair, so not a comparison of names.</summary>
    public bool[] IsRejectedStatus { get; }

    /// <summary>The furthest stage any status of the set maps to; -1 for none.</summary>
    public int[] FurthestOfSet { get; }

    public int PlacedStage => StageCount - 1;

    public bool IsPlaced(int set) => FurthestOfSet[set] == PlacedStage;
}
