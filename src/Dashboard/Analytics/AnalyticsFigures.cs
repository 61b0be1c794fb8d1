using System.Text.Json.Serialization;

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

/// <summary>The headline numbers, each with the same figure for the period just before (null when the range is open).</summary>
public sealed record OverviewFigures(Tile Candidates, Tile ActiveVacancies, Tile Placements, Tile Referrals, Tile Hires);

public sealed record Tile(int Value, int? Previous);

/// <summary>Counts per period (weeks, starting on Monday in the zone the figure was asked in) and per series.</summary>
public sealed record TimeSeries(IReadOnlyList<DateOnly> Periods, IReadOnlyList<NamedSeries> Series)
{
    /// <summary>The zone whose Mondays the weeks start on, as the API names it in its answer.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TimeZone { get; init; }
}

public sealed record NamedSeries(string Name, IReadOnlyList<int> Values);

/// <summary>Median days, observed between first sightings of statuses; a stage with no pair moving on has no figure.</summary>
public sealed record FunnelTimings(IReadOnlyList<StageTiming> Stages, double? MedianDaysToPlacement, int PlacedPairs);

public sealed record StageTiming(string Stage, double? MedianDaysInStage, int PairsMovedOn);

public sealed record VacancyFunnel(string VacancyId, string Vacancy, IReadOnlyList<int> Reached, int Rejected);
