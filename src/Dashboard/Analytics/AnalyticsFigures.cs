namespace Dashboard.Analytics;

public sealed record SourceFigure(string Source, int Candidates, int Placed);

public sealed record LocationFigure(string Location, int Candidates, int Placed);

public sealed record ConsultantFigure(string ConsultantId, string Name, int Candidates, int Placed);

public sealed record FunnelStageFigure(string Stage, int Reached, int Current);

public sealed record FunnelFigures(IReadOnlyList<FunnelStageFigure> Stages, int Rejected);

public sealed record ReferralFigures(
    int Received,
    IReadOnlyDictionary<string, int> ReceivedByType,
    IReadOnlyDictionary<string, int> Ratings,
    IReadOnlyDictionary<string, int> ClosedByReason,
    int Hired,
    int RewardEligibleHires,
    int Deleted,
    IReadOnlyDictionary<string, int> Feedback,
    double? MedianDaysToHire);

public sealed record QualityFigures(int Deliveries, int Duplicates, int Quarantined, int OutOfOrder, long AuthFailures);
