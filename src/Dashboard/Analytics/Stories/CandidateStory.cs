namespace Dashboard.Analytics.Stories;

/// <summary>
/// One candidate as the figures counted them: who they are (never their email), the vacancies they were seen on and
/// every status each went through with when it was first seen; for admins, the deliveries that said so.
/// </summary>
public sealed record CandidateStory(
    string CandidateId, string Name, string Source, string? Consultant, string? Location, DateTime CreatedAt, DateTime LastSnapshotAt,
    IReadOnlyList<VacancyStory> Vacancies, IReadOnlyList<CandidateDelivery>? Deliveries);

/// <summary>A vacancy the candidate was seen on: its statuses in the order they were first seen.</summary>
public sealed record VacancyStory(
    string VacancyId, string Vacancy, string? Place, DateTime FirstSeenAt, string? CurrentStatus, IReadOnlyList<StatusSighting> Statuses);

/// <summary>
/// A status first seen on a vacancy, the funnel stage it counts as now (null: none; "Rejected"), and, for admins, the
/// delivery whose snapshot first showed it.
/// </summary>
public sealed record StatusSighting(string Status, string? Stage, DateTime FirstSeenAt, long? DeliveryId);

/// <summary>A delivery about the candidate: one snapshot of them, as idibu sent it.</summary>
public sealed record CandidateDelivery(long DeliveryId, DateTime ReceivedAt, DateTime SnapshotAt, string? EventName, bool OutOfOrder);
