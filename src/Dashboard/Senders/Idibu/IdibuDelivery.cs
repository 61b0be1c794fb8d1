namespace Dashboard.Senders.Idibu;

/// <summary>What one idibu delivery says, once understood. Ids are kept as text: idibu sends them as JSON strings.</summary>
public abstract record IdibuDelivery(string EventName, DateTimeOffset? SnapshotAt);

/// <summary>
/// A candidate.create / candidate.update delivery: a full snapshot of the candidate, not a diff.
/// <see cref="IdibuDelivery.SnapshotAt"/> is <c>payload-information.timestamp</c>, which orders snapshots.
/// </summary>
public sealed record IdibuCandidateSnapshot(
    string EventName,
    DateTimeOffset? SnapshotAt,
    string CandidateId,
    string? FirstName,
    string? LastName,
    string? Email,
    string? Source,
    IdibuConsultant? Consultant,
    DateTimeOffset? CreatedAt,
    IdibuPlace? Location,
    IReadOnlyList<IdibuApplication> Vacancies) : IdibuDelivery(EventName, SnapshotAt);

/// <summary>The consultant in <c>created_by</c>; <see cref="ProfileId"/> identifies the person.</summary>
public sealed record IdibuConsultant(string? ProfileId, string? AccountId, string? FirstName, string? LastName)
{
    public string? DisplayName =>
        string.Join(' ', new[] { FirstName, LastName }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } name
            ? name
            : null;
}

/// <summary>A place as text. Either part may be missing; lat/lng are not kept (idibu sends "0" for unknown).</summary>
public sealed record IdibuPlace(string? Place, string? Country)
{
    public bool IsKnown => !string.IsNullOrWhiteSpace(Place) || !string.IsNullOrWhiteSpace(Country);
}

/// <summary>One entry of the candidate's <c>vacancies[]</c>, with the candidate's current status against it.</summary>
public sealed record IdibuApplication(string VacancyId, string? Reference, string? Title, IdibuStatus? Status);

/// <summary>
/// A status in any of idibu's three shapes: <c>{id,type,label}</c>, <c>{status_id,status_type,label}</c>, or
/// <c>{status_id,status_type}</c> with no label. Identity is (type, id); the label is for display only.
/// </summary>
public sealed record IdibuStatus(string Type, string Id, string? Label)
{
    public string Key => $"{Type}:{Id}";
}

/// <summary>A vacancy created/updated delivery: title, status and location.</summary>
public sealed record IdibuVacancySnapshot(
    string EventName,
    DateTimeOffset? SnapshotAt,
    string VacancyId,
    string? Title,
    string? Reference,
    string? Status,
    IdibuPlace? Location) : IdibuDelivery(EventName, SnapshotAt);

/// <summary>The parser's verdict: either an understood delivery, or the reason it is quarantined.</summary>
public sealed record IdibuParseResult(IdibuDelivery? Delivery, string? QuarantineReason)
{
    public static IdibuParseResult Understood(IdibuDelivery delivery) => new(delivery, null);
    public static IdibuParseResult Quarantined(string reason) => new(null, reason);
}
