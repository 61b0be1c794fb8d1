using System.Globalization;
using Dashboard.Senders.Firstbird;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Analytics.Stories;

/// <summary>Reads a firstbird application and all its events in two statements, the events in the projector's own order.</summary>
internal static class ReferralStoryQueries
{
    private const string EventPrefix = "job_application.";

    public static async Task<ReferralApplicationStory?> ReadAsync(DashboardDbContext db, string applicationId, bool withDeliveries, CancellationToken ct)
    {
        var application = await db.ReferralApplications.AsNoTracking().FirstOrDefaultAsync(a => a.ApplicationId == applicationId, ct);
        if (application is null) return null;
        var events = await db.FirstbirdEvents.AsNoTracking().Where(e => e.ApplicationId == applicationId).ToListAsync(ct);
        // The order the fold reads them in: by date_time, then firstbird's lifecycle, never by arrival.
        events.Sort(ReferralFactOrder.Instance);
        return new ReferralApplicationStory(
            application.ApplicationId, application.ApplicantName, application.JobTitle, application.ReceivedType, application.ReceivedAt,
            application.State, application.StateAt, application.Rating, application.CloseReason, application.HiredAt, application.RewardEligible,
            application.FirstDayOfWork, application.Deleted,
            events.Select(e => new ReferralEventLine(NameOf(e.EventName), e.OccurredAt, Said(e), withDeliveries ? e.DeliveryId : null)).ToList(),
            withDeliveries);
    }

    private static string NameOf(string eventName) =>
        (eventName.StartsWith(EventPrefix, StringComparison.Ordinal) ? eventName[EventPrefix.Length..] : eventName).Replace('_', ' ');

    private static IReadOnlyList<(string, string)> Said(FirstbirdEventRow e)
    {
        var said = new List<(string, string)>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value)) said.Add((name, value));
        }
        Add("Type", e.ReceivedType);
        Add("Rating", e.Rating);
        Add("Close reason", e.CloseReason);
        Add("Feedback", e.ReferralType);
        Add("Job", e.JobTitle);
        Add("First day of work", e.FirstDayOfWork?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("Reward", e.PayReward switch { true => "yes", false => "no", null => null });
        if (e.RepeatCount > 0) Add("Sent again", $"{e.RepeatCount} more time{(e.RepeatCount == 1 ? "" : "s")}");
        return said;
    }
}
