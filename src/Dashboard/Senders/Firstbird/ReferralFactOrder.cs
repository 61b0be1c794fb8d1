
namespace Dashboard.Senders.Firstbird;

/// <summary>
/// The one order in which an application's facts are read: by <c>date_time</c>; at the same instant by firstbird's
/// lifecycle (created, received, then the attributes: rating, feedback, edit, then the outcomes: a close before a
/// hire, then a deletion); then by what the facts say. The envelope hash comes last and only separates facts that say
/// the same thing, so neither a hash nor the arrival order ever decides a figure.
/// </summary>
public sealed class ReferralFactOrder : IComparer<FirstbirdEventRow>
{
    public const string Created = "job_application.created";
    public const string Received = "job_application.received";
    public const string Rated = "job_application.rated";
    public const string FeedbackAdded = "job_application.referral_added";
    public const string Edited = "job_application.edited";
    public const string Closed = "job_application.closed";
    public const string Hired = "job_application.hired";
    public const string Deleted = "job_application.deleted";

    public static readonly ReferralFactOrder Instance = new();

    // A close and a hire at one instant: the hire is read last and so stands, since losing a hire (and its reward)
    // from the figures is the worse mistake. Events outside the application's lifecycle (reward.approved) sit with
    // the attributes: they change no figure.
    private static readonly string[] Lifecycle = [Created, Received, Rated, FeedbackAdded, Edited, Closed, Hired, Deleted];
    private static readonly int AttributeStep = Array.IndexOf(Lifecycle, Edited);

    public static int StepOf(string eventName) => Array.IndexOf(Lifecycle, eventName) is var step and >= 0 ? step : AttributeStep;

    public int Compare(FirstbirdEventRow? x, FirstbirdEventRow? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var order = x.OccurredAt.CompareTo(y.OccurredAt);
        if (order == 0) order = StepOf(x.EventName).CompareTo(StepOf(y.EventName));
        if (order == 0) order = string.CompareOrdinal(x.EventName, y.EventName);
        if (order == 0) order = string.CompareOrdinal(x.Rating, y.Rating);
        if (order == 0) order = string.CompareOrdinal(x.CloseReason, y.CloseReason);
        if (order == 0) order = Nullable.Compare(x.PayReward, y.PayReward);
        if (order == 0) order = Nullable.Compare(x.FirstDayOfWork, y.FirstDayOfWork);
        if (order == 0) order = string.CompareOrdinal(x.ReceivedType, y.ReceivedType);
        if (order == 0) order = string.CompareOrdinal(x.ReferralId, y.ReferralId);
        if (order == 0) order = string.CompareOrdinal(x.ReferralType, y.ReferralType);
        if (order == 0) order = string.CompareOrdinal(x.JobId, y.JobId);
        if (order == 0) order = string.CompareOrdinal(x.JobTitle, y.JobTitle);
        if (order == 0) order = string.CompareOrdinal(x.ApplicantName, y.ApplicantName);
        return order != 0 ? order : string.CompareOrdinal(x.EnvelopeHash, y.EnvelopeHash);
    }
}
