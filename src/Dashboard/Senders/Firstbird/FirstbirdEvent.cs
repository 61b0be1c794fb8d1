namespace Dashboard.Senders.Firstbird;

/// <summary>
/// One firstbird event, understood. Both envelope styles (<c>type</c> + flat ids, <c>event_name</c> + nested objects)
/// reduce to this. Ids are text (firstbird uses UUIDs). Enumerations (type, rating, close reason, feedback type) are
/// kept as sent: whether a value is one firstbird documents is decided where it is charted, so nothing is lost here.
/// </summary>
public sealed record FirstbirdEvent(
    string EventName,
    string? ApplicationId,
    DateTimeOffset? OccurredAt,
    string? CompanyId = null,
    string? JobId = null,
    string? JobTitle = null,
    string? UserId = null,
    string? ApplicantId = null,
    string? ApplicantName = null,
    string? ReferrerId = null,
    string? ReceivedType = null,
    string? Rating = null,
    bool? InitialRating = null,
    string? CloseReason = null,
    bool? PayReward = null,
    DateOnly? FirstDayOfWork = null,
    string? ReferralId = null,
    string? ReferralType = null,
    string? ApplicationStatus = null)
{
    public bool IsApplicationEvent => EventName.StartsWith("job_application.", StringComparison.Ordinal);
}

/// <summary>One envelope of a batch: its hash (the per-event dedupe key) and either the event or why it is quarantined.</summary>
public sealed record FirstbirdEnvelope(int Index, string EnvelopeHash, FirstbirdEvent? Event, string? QuarantineReason);

/// <summary>
/// A whole firstbird body. <see cref="QuarantineReason"/> is set when the body as a whole cannot be understood
/// (not JSON, not an array or envelope); otherwise each envelope carries its own verdict.
/// </summary>
public sealed record FirstbirdDelivery(IReadOnlyList<FirstbirdEnvelope> Envelopes, string? QuarantineReason)
{
    public int UnderstoodCount => Envelopes.Count(e => e.Event is not null);
    public static FirstbirdDelivery Quarantined(string reason) => new([], reason);
}
