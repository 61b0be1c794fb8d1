namespace Dashboard.Analytics.Stories;

/// <summary>
/// A firstbird application as the figures counted it, and the events it was folded from, in the order they were read;
/// <see cref="WithDeliveries"/> when the reader is an admin and each event names its delivery.
/// </summary>
public sealed record ReferralApplicationStory(
    string ApplicationId, string? Applicant, string? Job, string? ReceivedType, DateTime ReceivedAt, string State, DateTime StateAt,
    string? Rating, string? CloseReason, DateTime? HiredAt, bool RewardEligible, DateOnly? FirstDayOfWork, bool Deleted,
    IReadOnlyList<ReferralEventLine> Events, bool WithDeliveries);

/// <summary>
/// One firstbird event: what happened (its name without the <c>job_application.</c> prefix), when, what it said
/// (as sent), and for admins the delivery that brought it.
/// </summary>
public sealed record ReferralEventLine(string Event, DateTime At, IReadOnlyList<(string Name, string Value)> Said, long? DeliveryId);
