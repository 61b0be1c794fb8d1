using Dashboard.Projection.ReadModel;

namespace Dashboard.Projection;

/// <summary>
/// Folds an application's facts, in <c>date_time</c> order (envelope hash breaks ties), into its current state:
/// what its latest state-changing fact says. A deletion is final: nothing after it brings the application back.
/// </summary>
public static class ReferralApplicationFold
{
    public static ReferralApplication Fold(string applicationId, IEnumerable<FirstbirdEventRow> facts)
    {
        var ordered = facts
            .OrderBy(f => f.OccurredAt)
            .ThenBy(f => f.EnvelopeHash, StringComparer.Ordinal)
            .ToList();
        if (ordered.Count == 0) throw new ArgumentException("An application needs at least one fact.", nameof(facts));

        var application = new ReferralApplication
        {
            ApplicationId = applicationId,
            State = "created",
            StateAt = ordered[0].OccurredAt,
            ReceivedAt = ordered[0].OccurredAt,
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
            case "job_application.received":
                application.ReceivedAt = fact.OccurredAt;
                application.ReceivedType = fact.ReceivedType ?? application.ReceivedType;
                Move(application, "received", fact);
                break;
            case "job_application.rated":
                application.Rating = fact.Rating ?? application.Rating;
                Move(application, "rated", fact);
                break;
            case "job_application.closed":
                application.CloseReason = fact.CloseReason;
                Move(application, "closed", fact);
                break;
            case "job_application.hired":
                application.HiredAt = fact.OccurredAt;
                application.RewardEligible = fact.PayReward == true;
                application.FirstDayOfWork = fact.FirstDayOfWork;
                Move(application, "hired", fact);
                break;
            case "job_application.deleted":
                application.Deleted = true;
                Move(application, "deleted", fact);
                break;
        }
    }

    private static void Move(ReferralApplication application, string state, FirstbirdEventRow fact)
    {
        application.State = state;
        application.StateAt = fact.OccurredAt;
        if (state != "hired")
        {
            application.HiredAt = null;
            application.RewardEligible = false;
        }
    }
}
