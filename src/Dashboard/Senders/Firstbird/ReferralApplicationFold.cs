using static Dashboard.Senders.Firstbird.ReferralFactOrder;

namespace Dashboard.Senders.Firstbird;

/// <summary>
/// Folds an application's facts, in <see cref="ReferralFactOrder"/>, keeping its status and its attributes apart, as
/// firstbird does: <c>created</c>/<c>received</c> start it (in progress), <c>closed</c> and <c>hired</c> set its
/// outcome (the latest outcome wins), <c>deleted</c> ends it for good. A rating, a feedback or an edit is an
/// attribute: it never moves the outcome, its time, the hire date or the reward flag. See docs/referral-outcomes.md.
/// </summary>
public static class ReferralApplicationFold
{
    public static ReferralApplication Fold(string applicationId, IEnumerable<FirstbirdEventRow> facts)
    {
        var ordered = facts.Order(Instance).ToList();
        if (ordered.Count == 0) throw new ArgumentException("An application needs at least one fact.", nameof(facts));

        var received = ordered.Where(f => f.EventName == Received).ToList();
        var application = new ReferralApplication
        {
            ApplicationId = applicationId,
            State = ReferralStates.InProgress,
            StateAt = ordered[0].OccurredAt,
            // Received once, however often firstbird says so: a late repeat neither moves the date nor reopens it.
            ReceivedAt = received.Count > 0 ? received[0].OccurredAt : ordered[0].OccurredAt,
            ReceivedType = received.Select(f => f.ReceivedType).FirstOrDefault(t => t is not null),
            DeliveryId = ordered[^1].DeliveryId,
        };
        foreach (var fact in ordered)
        {
            application.JobId = fact.JobId ?? application.JobId;
            application.JobTitle = fact.JobTitle ?? application.JobTitle;
            application.ApplicantName = fact.ApplicantName ?? application.ApplicantName;
            if (application.Deleted) continue;
            Apply(application, fact);
        }
        return application;
    }

    private static void Apply(ReferralApplication application, FirstbirdEventRow fact)
    {
        switch (fact.EventName)
        {
            case Rated:
                application.Rating = fact.Rating ?? application.Rating;
                break;
            case Closed:
                SetOutcome(application, ReferralStates.Closed, fact);
                application.CloseReason = fact.CloseReason;
                break;
            case Hired:
                SetOutcome(application, ReferralStates.Hired, fact);
                application.HiredAt = fact.OccurredAt;
                application.RewardEligible = fact.PayReward == true;
                application.FirstDayOfWork = fact.FirstDayOfWork;
                break;
            case Deleted:
                application.Deleted = true;
                application.State = ReferralStates.Deleted;
                application.StateAt = fact.OccurredAt;
                break;
        }
    }

    // Each outcome replaces the one before it whole: a close after a hire leaves no hire date or reward behind.
    private static void SetOutcome(ReferralApplication application, string state, FirstbirdEventRow fact)
    {
        application.State = state;
        application.StateAt = fact.OccurredAt;
        application.CloseReason = null;
        application.HiredAt = null;
        application.RewardEligible = false;
        application.FirstDayOfWork = null;
    }
}
